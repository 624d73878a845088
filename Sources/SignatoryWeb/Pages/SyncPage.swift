import SignatoryBundles
import SignatoryDomain
import SignatoryExport
import SignatoryStore

/// `/sync`: each office's feed as held here, open conflicts with both values and who wrote
/// them, and organisations that look like one created twice.
struct SyncPage {
    let text: WebText

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        let status = try SyncStatus(store: store)
        let names = Dictionary(try store.trustedOffices().map { ($0.id, $0.name) }) { first, _ in first }
        let behind = Dictionary(status.peers.map { ($0.office, $0.behind) }) { first, _ in first }
        let offices: [[String: Any]] = status.feeds.map { feed in
            [
                "name": feed.name ?? feed.office.description, "held": feed.held,
                "behind": behind[feed.office].map(String.init) ?? "—",
            ]
        }
        let conflicts: [[String: Any]] = try store.conflicts().map { conflict in
            let name = try store.recordName(conflict.record, conflict.recordID)
            let statement = try store.statementTitle(of: conflict.record, conflict.recordID)
            func writer(_ version: FieldVersion) -> String {
                let office = names[version.timestamp.office] ?? String(version.timestamp.office.description.prefix(8))
                return self.text.format("writtenAt", office, version.timestamp.readable)
            }
            return [
                "id": conflict.id.description,
                "subject": statement.map { self.text.format("recordOnStatement", name, $0) } ?? name,
                "field": conflict.field, "kept": conflict.winner.value.description,
                "other": conflict.loser.value.description, "keptBy": writer(conflict.winner),
                "otherBy": writer(conflict.loser),
            ]
        }
        var duplicates: [[String: Any]] = []
        for pair in try store.duplicatePairs() {
            guard let first = try store.organisation(pair.first), let second = try store.organisation(pair.second)
            else { continue }
            duplicates.append([
                "keepID": first.id.description, "duplicateID": second.id.description,
                "keepName": first.displayName, "duplicateName": second.displayName, "reason": pair.reason,
                "mergeLabel": self.text.format("mergeInto", second.displayName, first.displayName),
            ])
        }
        return (
            self.text["syncAndConflicts"],
            [
                "offices": offices, "conflicts": conflicts, "conflictCount": conflicts.count,
                "duplicates": duplicates, "duplicateCount": duplicates.count,
            ]
        )
    }
}
