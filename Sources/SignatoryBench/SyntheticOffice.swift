import Foundation
import SignatoryBundles
import SignatoryDomain

/// An office that exists only to write a large valid bundle quickly: a real key, a real hash
/// chain and a signed head, without a database behind it.
struct SyntheticOffice {
    let id = ID<Office>()
    let name: String
    let keys = OfficeKeys()
    let encryptionKey = OfficeEncryptionKey()

    var card: OfficeCard {
        let recipient = self.encryptionKey.recipient.description
        return OfficeCard(
            id: self.id,
            name: self.name,
            publicKey: self.keys.publicKey,
            recipient: recipient,
            recipientSignature: try? self.keys.sign(OfficeCard.recipientMessage(office: self.id, recipient: recipient))
        )
    }

    /// One change per organisation, as if the office had created them one after another.
    func writeBundle(of organisations: [Organisation], to path: String) throws {
        let body = path + ".body"
        _ = FileManager.default.createFile(atPath: body, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: body))
        var previous = Change.genesis
        var buffer = Data()
        let start = Int64(Date().timeIntervalSince1970 * 1000) - Int64(organisations.count)
        for (index, organisation) in organisations.enumerated() {
            let change = Change(
                office: self.id,
                sequence: Int64(index + 1),
                timestamp: HybridTimestamp(physical: start + Int64(index), counter: 0, office: self.id),
                kind: .organisation,
                entityID: organisation.id.description,
                fields: organisation.syncFields.mapValues { FieldAssignment(value: $0) },
                previousHash: previous
            )
            previous = change.hash
            buffer.append(contentsOf: change.jsonLine.utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.close()
        let sequence = Int64(organisations.count)
        let head = FeedHead(
            office: self.id,
            sequence: sequence,
            hash: previous,
            signature: try self.keys.sign(FeedHead.message(office: self.id, sequence: sequence, hash: previous))
        )
        let header = BundleHeader(
            from: self.id,
            fromName: self.name,
            have: [self.id.description: sequence],
            heads: [head],
            changes: sequence
        )
        var out = try JSONEncoder().encode(header)
        out.append(UInt8(ascii: "\n"))
        _ = FileManager.default.createFile(atPath: path, contents: out)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try output.seekToEnd()
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: body))
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }
        try output.close()
        unlink(body)
    }
}
