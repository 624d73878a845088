import HTTPTypes
import Hummingbird
import SignatoryDomain
import SignatoryExport
import SignatoryStore

extension WebRoutes {
    func registerExports(in router: Router<WebRequestContext>) {
        router.get("/exports") { request, context in
            let scope = try ContactSheetScope(reference: request.formQuery["scope"])
            return try await self.page("exports", request, context) { store, text in
                try ExportsPage(text: text, scope: scope).context(store)
            }
        }
        // The sheet `export contacts` writes, as a download; what was left out is in a header too.
        router.get("/exports/download") { request, context in
            _ = try context.requireSession()
            let query = request.formQuery
            let text = context.language.text
            let scope = try ContactSheetScope(reference: query["scope"])
            guard let format = query["format"].flatMap(ContactSheetFormat.init(rawValue:)) else {
                throw WebError.badForm(text["errorFormat"])
            }
            guard let audience = query["audience"].flatMap(ExportAudience.init(rawValue:)) else {
                throw WebError.badForm(text["errorAudience"])
            }
            let (bytes, omitted) = try await self.database.run { store in
                let (resolved, title) = try scope.resolve(in: store, for: .internal)
                var sink = ByteSink()
                let summary = try ContactSheetExport(scope: resolved, format: format, audience: audience, title: title)
                    .write(from: store, to: &sink)
                return (sink.collected, summary.omittedCount)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: format.mediaType,
                    .contentDisposition:
                        "attachment; filename=\"contacts-\(audience.rawValue).\(format.fileExtension)\"",
                    HTTPField.Name("Signatory-Omitted")!: String(omitted),
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
    }
}
