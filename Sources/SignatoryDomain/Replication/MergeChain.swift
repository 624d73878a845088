/// Which organisation stands for another now, following `mergedInto` links.
///
/// Two offices may merge A into B and B into A at the same time; the cycle is broken the same
/// way everywhere, by the smallest id, so every office shows the same survivor.
///
/// ```swift
/// let survivor = try MergeChain.survivor(of: "a") { mergedInto[$0] }
/// ```
public enum MergeChain {
    /// The end of the chain from `id`, and every id met on the way (which all stand for it).
    ///
    /// - Parameter mergedInto: the settled `mergedInto` of an organisation, if any.
    public static func resolve(
        _ id: String,
        mergedInto: (String) throws -> String?
    ) rethrows -> (survivor: String, path: [String]) {
        var path = [id]
        var current = id
        while let next = try mergedInto(current), next != current {
            if let cycleStart = path.firstIndex(of: next) {
                return (path[cycleStart...].min()!, path)
            }
            path.append(next)
            current = next
        }
        return (current, path)
    }

    /// The organisation that `id` stands for now.
    public static func survivor(of id: String, mergedInto: (String) throws -> String?) rethrows -> String {
        try self.resolve(id, mergedInto: mergedInto).survivor
    }
}
