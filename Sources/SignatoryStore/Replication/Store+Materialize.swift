import SignatoryDomain

/// Keeping the record tables (what every command reads) equal to the settled field values.
///
/// A record shows when it is not deleted and its parents show: a contact needs its
/// organisation, a statement its campaign, a signature its statement and organisation. An
/// organisation merged into another shows as that one: its contacts and signatures move over.
extension Store {
    /// Rewrites the rows of `touched` and of every record that depends on them. Returns the
    /// organisations whose rows it wrote or removed. `created` names records whose first change
    /// was just written here: no conflict names them yet.
    @discardableResult
    func materialize(
        _ touched: Set<EntityRef>,
        known: [EntityRef: FieldMap] = [:],
        withDependents: Bool = true,
        created: Set<EntityRef> = []
    ) throws -> [String] {
        var all = touched
        var queue = withDependents ? Array(touched) : []
        // Records that nothing refers to, found while looking for dependents: none was merged into.
        var unreferenced: Set<EntityRef> = []
        while let ref = queue.popLast() {
            guard let dependents = try self.dependents(of: ref, known: known) else {
                unreferenced.insert(ref)
                continue
            }
            for dependent in dependents where all.insert(dependent).inserted {
                queue.append(dependent)
            }
        }
        var resolver = MergeResolver(store: self, known: known)
        let regrouped = try self.regroupedOrganisations(
            all,
            known: known,
            unreferenced: unreferenced,
            resolver: &resolver
        )
        for organisation in regrouped {
            all.formUnion(try self.records(.signature, referring: "organisation", to: organisation))
        }
        let ordered = all.sorted()
        // Remove rows children first, then write rows parents first, so foreign keys hold throughout.
        var visible: [EntityRef: FieldMap] = [:]
        for ref in ordered {
            if let fields = try self.visibleFields(of: ref, resolver: &resolver) { visible[ref] = fields }
        }
        // A signature created here had no row; one of its id, if any, is a merged sibling's,
        // which the upsert below rewrites.
        for ref in ordered.reversed() where visible[ref] == nil || (ref.kind == .signature && !created.contains(ref)) {
            try self.removeRow(ref)
            if ref.kind == .signature && visible[ref] == nil { try self.removeSharedRow(of: ref, resolver: &resolver) }
        }
        for organisation in regrouped {
            try self.database.prepare("DELETE FROM signature WHERE organisation_id = ?").run(organisation)
        }
        for ref in ordered {
            guard let fields = visible[ref] else { continue }
            try self.writeRow(ref, fields: fields, resolver: &resolver)
        }
        for ref in ordered where ref.kind == .contact || ref.kind == .signature || ref.kind == .statement {
            // A statement shows without its lead: what may be orphaned is the lead.
            let shown =
                ref.kind == .statement
                ? try resolver.fields(of: ref).text("lead").map { try resolver.isShowingOrganisation($0) } ?? true
                : visible[ref] != nil
            try self.recordOrphan(ref, shown: shown, new: created.contains(ref), resolver: &resolver)
            if ref.kind == .contact, try resolver.fields(of: ref)[EntityKind.erasedField] != nil {
                try self.writeTombstone(ref)
            }
        }
        return ordered.filter { $0.kind == .organisation }.map(\.id)
    }

    /// Removes the row a hidden signature shared after a merge, keyed by the statement and the
    /// organisation that stands for its own, which its id need not be. Its other members, which
    /// `dependents(of:)` adds, write it again if any still shows.
    private func removeSharedRow(of ref: EntityRef, resolver: inout MergeResolver) throws {
        guard try self.hasMergedOrganisations() else { return }
        let fields = try resolver.fields(of: ref)
        guard let statement = fields.text("statement").flatMap(ID<JointStatement>.init),
            let organisation = fields.text("organisation")
        else { return }
        let row = Signature.id(statement: statement, organisation: try Store.id(try resolver.canonical(organisation)))
        guard row.description != ref.id else { return }
        try self.removeRow(EntityRef(.signature, row.description))
    }

    /// A contact or signature added while another office deleted its organisation is hidden
    /// with it, and a lead named meanwhile is left out; either is listed as a conflict so that
    /// nobody's typing vanishes unseen. Keeping it restores the organisation.
    private func recordOrphan(_ ref: EntityRef, shown: Bool, new: Bool, resolver: inout MergeResolver) throws {
        if !new {
            try self.database.prepare("DELETE FROM conflict WHERE kind = ? AND entity_id = ? AND rule = ?")
                .run(ref.kind.rawValue, ref.id, Conflict.organisationDeletedRule)
        }
        guard !shown else { return }
        let field = ref.kind == .statement ? "lead" : "organisation"
        let versions = try self.settledVersions(of: ref)
        guard versions[EntityKind.deletedField]?.value != .bool(true), let reference = versions[field],
            let organisation = reference.value.text
        else { return }
        let canonical = try resolver.canonical(organisation)
        guard let deletion = try self.settledVersions(of: EntityRef(.organisation, canonical))[EntityKind.deletedField],
            deletion.value == .bool(true)
        else { return }
        try self.insert(
            Conflict(
                record: ref.kind,
                recordID: ref.id,
                field: field,
                rule: Conflict.organisationDeletedRule,
                winner: deletion,
                loser: reference
            )
        )
    }

    /// The settled fields of a record that shows, or `nil` when it is hidden.
    private func visibleFields(of ref: EntityRef, resolver: inout MergeResolver) throws -> FieldMap? {
        let fields = try resolver.fields(of: ref)
        guard ref.kind.isPresent(fields) else { return nil }
        func shows(_ kind: EntityKind, _ id: String?) throws -> Bool {
            guard let id else { return false }
            return kind.isPresent(try resolver.fields(of: EntityRef(kind, id)))
        }
        switch ref.kind {
        case .campaign:
            return fields
        case .organisation:
            return try resolver.canonical(ref.id) == ref.id ? fields : nil
        case .contact:
            // An erased contact keeps no name (`isPresent`): it shows only as a tombstone.
            return try resolver.isShowingOrganisation(fields.text("organisation")) ? fields : nil
        case .statement:
            return try shows(.campaign, fields.text("campaign")) ? fields : nil
        case .statementText:
            return try self.statementShows(fields.text("statement"), resolver: &resolver) ? fields : nil
        case .signature:
            guard try resolver.isShowingOrganisation(fields.text("organisation")),
                try self.statementShows(fields.text("statement"), resolver: &resolver)
            else { return nil }
            return fields
        }
    }

    private func statementShows(_ id: String?, resolver: inout MergeResolver) throws -> Bool {
        guard let id else { return false }
        let statement = try resolver.fields(of: EntityRef(.statement, id))
        guard EntityKind.statement.isPresent(statement), let campaign = statement.text("campaign") else { return false }
        return EntityKind.campaign.isPresent(try resolver.fields(of: EntityRef(.campaign, campaign)))
    }

    /// The organisations whose signature rows a merge written since the last call may have
    /// regrouped: every member of the merge classes that an organisation in `refs` is in now,
    /// or that one whose `mergedInto` was written stood for before. Empty without merges.
    ///
    /// A signature's row is keyed by the organisation that stands for its own, so these rows,
    /// and only these, are rebuilt from their members' signatures: a merge costs the
    /// signatures of the organisations merged, however many others their statements have.
    private func regroupedOrganisations(
        _ refs: Set<EntityRef>,
        known: [EntityRef: FieldMap],
        unreferenced: Set<EntityRef>,
        resolver: inout MergeResolver
    ) throws -> Set<String> {
        var roots = self.formerCanonicals
        self.formerCanonicals.removeAll()
        if try self.hasMergedOrganisations() {
            for ref in refs
            where try self.takesPartInMerges(ref, known: known, referenced: !unreferenced.contains(ref)) {
                roots.insert(ref.id)
            }
        }
        var members: Set<String> = []
        for root in roots where !members.contains(root) {
            members.formUnion(try self.mergeClass(of: try resolver.canonical(root)))
        }
        return members
    }

    /// Whether `ref` is an organisation that was ever merged or merged into, so that writing it
    /// may move signatures between rows.
    ///
    /// `known` holds the settled fields of records just written: a received organisation is
    /// not read back and decoded again just to learn that it was never merged. Without
    /// `referenced`, no record names it, so none was merged into it.
    private func takesPartInMerges(_ ref: EntityRef, known: [EntityRef: FieldMap], referenced: Bool) throws -> Bool {
        guard ref.kind == .organisation else { return false }
        if try (known[ref] ?? self.settledFields(of: ref))["mergedInto"] != nil { return true }
        return try referenced && !self.records(.organisation, referring: "mergedInto", to: ref.id).isEmpty
    }

    func hasMergedOrganisations() throws -> Bool {
        // Outside a transaction another process may have merged since: read afresh.
        if !self.database.isAutocommit, let held = self.mergesHeld { return held }
        let held =
            try self.database.prepare(
                "SELECT 1 FROM record_reference WHERE kind = 'organisation' AND field = 'mergedInto' LIMIT 1"
            )
            .firstRow { _ in true } ?? false
        if !self.database.isAutocommit { self.mergesHeld = held }
        return held
    }

    /// Records whose rows depend on `ref`'s; `nil` when no record refers to it at all. `known`
    /// holds the settled fields of records just written, which need not be read back.
    private func dependents(of ref: EntityRef, known: [EntityRef: FieldMap]) throws -> [EntityRef]? {
        // Most records nobody refers to: one probe saves the look-ups below.
        if ref.kind != .signature,
            try self.database.prepare("SELECT 1 FROM record_reference WHERE target = ? LIMIT 1").firstRow(
                ref.id,
                read: { _ in true }
            ) == nil
        {
            return nil
        }
        func referring(_ kind: EntityKind, _ field: String, _ id: String) throws -> [EntityRef] {
            try self.records(kind, referring: field, to: id)
        }
        switch ref.kind {
        case .campaign:
            return try referring(.statement, "campaign", ref.id)
        case .organisation:
            return try referring(.organisation, "mergedInto", ref.id) + referring(.contact, "organisation", ref.id)
                + referring(.statement, "lead", ref.id) + referring(.signature, "organisation", ref.id)
        case .contact:
            return try referring(.signature, "contact", ref.id)
        case .statement:
            return try referring(.signature, "statement", ref.id) + referring(.statementText, "statement", ref.id)
        case .statementText:
            return []
        case .signature:
            // Signatures on the same statement share a row when their organisations merged.
            guard try self.hasMergedOrganisations() else { return [] }
            let fields = try known[ref] ?? self.settledFields(of: ref)
            guard let statement = fields.text("statement"), let organisation = fields.text("organisation") else {
                return []
            }
            return try self.signatures(on: statement, possiblySharingRowWith: organisation).map {
                EntityRef(.signature, $0)
            }
        }
    }
}
