import SignatoryDomain

/// Follows `mergedInto` from an organisation to the one that stands for it now.
///
/// Two offices may merge A into B and B into A at the same time; the cycle is broken the same
/// way everywhere, by the smallest id.
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
        var path = [id]
        var current = id
        while let next = try self.fields(of: EntityRef(.organisation, current)).text("mergedInto"), next != current {
            if let cycleStart = path.firstIndex(of: next) {
                current = path[cycleStart...].min()!
                break
            }
            path.append(next)
            current = next
        }
        for step in path { self.cache[step] = current }
        return current
    }

    /// Whether the organisation that `id` stands for now exists and is not deleted.
    mutating func isShowingOrganisation(_ id: String?) throws -> Bool {
        guard let id else { return false }
        let fields = try self.fields(of: EntityRef(.organisation, try self.canonical(id)))
        return !fields.isEmpty && fields[EntityKind.deletedField] != .bool(true)
    }
}
