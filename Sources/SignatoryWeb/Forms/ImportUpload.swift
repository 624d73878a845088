import Foundation
import Hummingbird
import MultipartKit
import SignatoryImport

/// How a sign-on file is imported: the choices `import signers` takes as options.
struct ImportOptions: Sendable, Hashable {
    var mode: SignerImport.Mode = .skip
    var consent: Bool?
    var strict = false
    var skipBadRows = false
}

/// The sign-on upload form (`multipart/form-data`), read once its CSRF token matched.
struct ImportUpload: Sendable {
    let bytes: [UInt8]
    let options: ImportOptions

    private struct Token: Decodable {
        var csrf: String
    }

    private struct Fields: Decodable {
        var file: Data
        var mode: String?
        var consent: String?
        var strict: String?
        var skipBadRows: String?
    }

    init(_ request: Request, context: WebRequestContext, limit: Int) async throws {
        let session = try context.requireSession()
        let text = context.language.text
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.boundary(in: contentType)
        else { throw WebError.badForm(text["errorNotAnUpload"]) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw WebError.tooLarge(bytes: limit)
        }
        // The token first: without it the form is not ours, whatever else is wrong with it.
        let token = try? FormDataDecoder().decode(Token.self, from: body, boundary: boundary)
        guard let token, SessionBook.same(token.csrf, session.csrfToken) else { throw WebError.badCSRFToken }
        let fields: Fields
        do {
            fields = try FormDataDecoder().decode(Fields.self, from: body, boundary: boundary)
        } catch {
            throw WebError.badForm(text["errorEmptyFile"])
        }
        guard !fields.file.isEmpty else { throw WebError.badForm(text["errorEmptyFile"]) }
        var options = ImportOptions()
        options.mode =
            try fields.mode.map {
                guard let mode = SignerImport.Mode(rawValue: $0) else {
                    throw WebError.badForm(text["errorImportMode"])
                }
                return mode
            } ?? .skip
        switch fields.consent {
        case "yes": options.consent = true
        case "no": options.consent = false
        case nil, "": options.consent = nil
        default: throw WebError.badForm(text["errorConsentChoice"])
        }
        options.strict = fields.strict == "yes"
        options.skipBadRows = fields.skipBadRows == "yes"
        self.bytes = Array(fields.file)
        self.options = options
    }

    /// The `boundary` parameter of a `multipart/form-data` content type, quoted or not.
    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value =
                pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }
}
