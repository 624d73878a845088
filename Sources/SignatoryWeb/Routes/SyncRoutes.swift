import Hummingbird
import SignatoryDomain
import SignatoryStore

extension WebRoutes {
    func registerSync(in router: Router<WebRequestContext>) {
        router.get("/sync") { request, context in
            try await self.page("sync", request, context) { store, text in try SyncPage(text: text).context(store) }
        }
        // Settles a conflict as `conflicts resolve` does; the decision syncs like any edit.
        router.post("/conflicts/{id}") { request, context in
            let id: ID<Conflict> = try Self.id(context)
            let form = try await WebForm(request, context: context)
            let text = context.language.text
            try await self.database.run { store in
                let conflict = try store.conflict(matching: id.description)
                let value: FieldValue
                switch form["keep"] {
                case "kept": value = conflict.winner.value
                case "other": value = conflict.loser.value
                case "typed": value = try conflict.record.typedValue(form["value"] ?? "", for: conflict.field)
                default: throw WebError.badForm(text["errorKeepWhich"])
                }
                try store.resolve(conflict, keeping: value)
            }
            return Self.redirect("/sync", done: "conflictResolved")
        }
        router.post("/duplicates/merge") { request, context in
            let form = try await WebForm(request, context: context)
            let text = context.language.text
            guard let keep = form["keep"].flatMap({ ID<Organisation>($0) }),
                let duplicate = form["duplicate"].flatMap({ ID<Organisation>($0) })
            else { throw WebError.badForm(text["errorMerge"]) }
            try await self.database.run { store in try store.mergeOrganisation(duplicate, into: keep) }
            return Self.redirect("/sync", done: "organisationsMerged")
        }
    }
}
