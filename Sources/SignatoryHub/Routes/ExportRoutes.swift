import Foundation
import HTTPTypes
import Hummingbird
import SignatoryDomain
import SignatoryExport
import SignatoryStore

/// `/v1/exports/contacts`: the contact sheets of `signatory export contacts` as downloads.
struct ExportRoutes {
    let database: StoreActor

    func register(in table: RouteTable) {
        table.signed(.get, "/v1/exports/contacts") { request, _, member in
            let scope = try ContactSheetScope(request)
            let format = try ReadRoutes.choice(request, "format", default: ContactSheetFormat.csv)
            let audience = try ReadRoutes.choice(request, "audience", default: member.audience)
            guard audience.isNoWiderThan(member.audience) else {
                throw HubError.forbidden(
                    "this office may download sheets for the \(member.audience.rawValue) audience at most"
                )
            }
            let (bytes, summary) = try await self.database.run { store in
                let (resolved, title) = try scope.resolve(in: store, for: audience)
                var sink = ByteSink()
                let summary = try ContactSheetExport(scope: resolved, format: format, audience: audience, title: title)
                    .write(from: store, to: &sink)
                return (sink.collected, summary)
            }
            var response = Reply.bytes(
                bytes,
                contentType: format.mediaType,
                filename: "contacts.\(format.fileExtension)"
            )
            response.headers[HTTPField.Name("Signatory-Omitted")!] = String(summary.omittedCount)
            return response
        }
    }
}
