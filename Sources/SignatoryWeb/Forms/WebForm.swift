import Foundation
import Hummingbird

/// A submitted form's fields, read only once its CSRF token matched the session's: no route
/// can reach a POST's values without the check.
struct WebForm: Sendable {
    private let fields: [String: String]

    /// The largest form body accepted (uploads have their own limit).
    static let maximumBytes = 1 << 20

    init(_ request: Request, context: WebRequestContext) async throws {
        let session = try context.requireSession()
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw WebError.badForm(context.language.text["errorNotAForm"])
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maximumBytes)
        } catch {
            throw WebError.tooLarge(bytes: Self.maximumBytes)
        }
        self.fields = Self.parse(String(decoding: body.readableBytesView, as: UTF8.self))
        guard let token = self.fields["csrf"], SessionBook.same(token, session.csrfToken) else {
            throw WebError.badCSRFToken
        }
    }

    /// `name`'s value, trimmed; `nil` when absent or blank.
    subscript(name: String) -> String? {
        guard let value = self.fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Whether the checkbox `name` was ticked.
    func isTicked(_ name: String) -> Bool { self[name] == "yes" }

    /// `application/x-www-form-urlencoded` as the HTML standard writes it; a repeated name keeps its first value.
    static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { continue }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}

extension Request {
    /// The address's query as a form submitted with GET writes it (`+` is a space), first value of each name.
    var formQuery: [String: String] { WebForm.parse(self.uri.query ?? "") }
}
