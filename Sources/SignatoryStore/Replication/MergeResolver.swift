import SignatoryDomain

/// Follows `mergedInto` from an organisation to the one that stands for it now (`MergeChain`),
/// reading each record's settled fields once per pass.
struct MergeResolver {
    let store: Store
    private var cache: [String: String] = [:]
    /// Settled fields read during one pass, so each record is decoded once.
    private var fieldsCache: [EntityRef: FieldMap]

    init(store: Store, known: [EntityRef: FieldMap] = [:]) {
        self.store = store
        self.fieldsCache = known
    }

    /// The settled fields of a record, read once per pass.
    mutating func fields(of ref: EntityRef) throws -> FieldMap {
        if let fields = self.fieldsCache[ref] { return fields }
        let fields = try self.store.settledFields(of: ref)
        self.fieldsCache[ref] = fields
        return fields
    }

    mutating func canonical(_ id: String) throws -> String {
        if let known = self.cache[id] { return known }
        let (survivor, path) = try MergeChain.resolve(id) {
            try self.fields(of: EntityRef(.organisation, $0)).text("mergedInto")
        }
        for step in path { self.cache[step] = survivor }
        return survivor
    }

    /// Whether the organisation that `id` stands for now exists and is not deleted.
    mutating func isShowingOrganisation(_ id: String?) throws -> Bool {
        guard let id else { return false }
        return EntityKind.organisation.isPresent(try self.fields(of: EntityRef(.organisation, try self.canonical(id))))
    }
}
