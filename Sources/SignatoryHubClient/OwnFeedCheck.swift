import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

extension HubClient {
    /// Refuses to push when the hub's copy of this office's own feed differs from the one held
    /// here: the database was restored from a backup after it had sent changes, and has written
    /// others since. Without this check a push of as many changes as were lost sends nothing
    /// (the hub holds as many) and a push of more is refused as a broken feed, neither saying why.
    ///
    /// Compares the hash of the last position both hold, which the hash chain makes enough.
    func checkOwnFeed(hubHolds held: Int64) async throws {
        let own = self.store.office.id
        let position = min(held, try self.store.versionVector()[own] ?? 0)
        guard position > 0, let local = try self.store.change(office: own, sequence: position) else { return }
        let request = PullRequest(have: [own.description: position - 1], offices: [own.description], limit: 1)
        let answer: HubConnection.Answer
        do {
            answer = try await self.connection.send(
                "POST",
                "/v1/sync/pull",
                body: try JSONEncoder().encode(request),
                contentType: "application/json"
            )
        } catch let error as HubClientError where error.status != nil {
            // A hub that will not show the copy leaves the push to its own checks.
            return
        }
        for line in answer.body.split(separator: UInt8(ascii: "\n")) {
            guard let change = Change(jsonBytes: Array(line)), change.office == own, change.sequence == position else {
                continue
            }
            // A line its own hash does not cover is the hub's damage, which the hub's checks of
            // the push report; only an intact different change is a fork.
            guard change.computedHash == change.hash, change.hash != local.hash else { return }
            throw HubClientError.ownFeedForked(position)
        }
    }
}
