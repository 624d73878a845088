/// A store operation that cannot be done, worded for a coordinator.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case noDatabase(path: String)
        case notADatabase(path: String, detail: String)
        case notInitialised(path: String)
        case alreadyInitialised(path: String)
        case newerSchema(path: String, found: Int, known: Int)
        case notFound(kind: String, reference: String)
        case ambiguous(kind: String, reference: String, candidates: [String])
        case inUse(what: String, detail: String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    public static func noDatabase(path: String) -> StoreError { .init(.noDatabase(path: path)) }
    public static func notADatabase(path: String, detail: String) -> StoreError { .init(.notADatabase(path: path, detail: detail)) }
    public static func notInitialised(path: String) -> StoreError { .init(.notInitialised(path: path)) }
    public static func alreadyInitialised(path: String) -> StoreError { .init(.alreadyInitialised(path: path)) }
    public static func newerSchema(path: String, found: Int, known: Int) -> StoreError {
        .init(.newerSchema(path: path, found: found, known: known))
    }
    public static func notFound(_ kind: String, reference: String) -> StoreError { .init(.notFound(kind: kind, reference: reference)) }
    public static func ambiguous(_ kind: String, reference: String, candidates: [String]) -> StoreError {
        .init(.ambiguous(kind: kind, reference: reference, candidates: candidates))
    }
    public static func inUse(_ what: String, detail: String) -> StoreError { .init(.inUse(what: what, detail: detail)) }

    /// Whether the error says a record does not exist (or a reference names several).
    public var isNotFound: Bool {
        switch self.base {
        case .notFound, .ambiguous: return true
        default: return false
        }
    }

    public var description: String {
        switch self.base {
        case .noDatabase(let path):
            return "no database at \(path); create one with `signatory init --office NAME` or pass --db PATH"
        case .notADatabase(let path, let detail):
            return "\(path) is not a Signatory database (\(detail))"
        case .notInitialised(let path):
            return "\(path) has no Signatory data yet; run `signatory init --office NAME` first"
        case .alreadyInitialised(let path):
            return "\(path) already holds a Signatory database; choose another path with --db"
        case .newerSchema(let path, let found, let known):
            return "\(path) was written by a newer Signatory (schema \(found); this one knows up to \(known)); update signatory"
        case .notFound(let kind, let reference):
            return "no \(kind) matches '\(reference)'"
        case .ambiguous(let kind, let reference, let candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
            return "'\(reference)' matches \(candidates.count) \(kind)s (\(shown)\(more)); give more of the id"
        case .inUse(let what, let detail):
            return "\(what) \(detail)"
        }
    }
}
