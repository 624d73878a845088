import Hummingbird
import SignatoryDomain
import SignatoryImport
import SignatoryStore

extension WebRoutes {
    func registerImport(in router: Router<WebRequestContext>) {
        router.get("/statements/{id}/import") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            return try await self.page("importForm", request, context) { store, text in
                try ImportPage(text: text, statement: id).form(store)
            }
        }
        // The dry run: nothing is written; an upload that would go through waits for confirmation.
        router.post("/statements/{id}/import") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            let upload = try await ImportUpload(request, context: context, limit: self.configuration.maximumUploadBytes)
            let session = try context.requireSession()
            let reference = await self.sessions.keep(
                PendingUpload(
                    session: session.id,
                    statement: id.description,
                    bytes: upload.bytes,
                    options: upload.options
                )
            )
            return try await self.page("importPreview", request, context) { store, text in
                let preview = try ImportPage(text: text, statement: id)
                    .run(upload.bytes, options: upload.options, dryRun: true, in: store)
                var values = preview.context
                // Confirming a file with rejected rows would change nothing, so it is not offered.
                if preview.report.rejected.isEmpty || upload.options.skipBadRows { values["upload"] = reference }
                return (preview.title, values)
            }
        }
        router.post("/statements/{id}/import/confirm") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            let form = try await WebForm(request, context: context)
            let session = try context.requireSession()
            guard let reference = form["upload"],
                let upload = await self.sessions.takeUpload(reference, session: session),
                upload.statement == id.description
            else { throw WebError.badForm(context.language.text["errorUploadGone"]) }
            return try await self.page("importPreview", request, context) { store, text in
                let result = try ImportPage(text: text, statement: id)
                    .run(upload.bytes, options: upload.options, dryRun: false, in: store)
                return (result.title, result.context)
            }
        }
    }
}
