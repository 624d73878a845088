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
    /// Its clock when its first change was written: far enough back for 2,000,000 changes a
    /// millisecond apart, none dated ahead of the importer's clock.
    let epoch = Int64(Date().timeIntervalSince1970 * 1000) - 2_000_000

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
        try self.writeBundle(count: organisations.count, to: path) { index in
            let organisation = organisations[index]
            return (.organisation, organisation.id.description, organisation.syncFields.mapValues { ($0, []) })
        }
    }

    /// `count` changes in the current format, every value salted as an office writes them;
    /// `change(index)` gives each one's record and values, with the versions each replaces.
    func writeBundle(
        count: Int,
        to path: String,
        change: (Int) -> (kind: EntityKind, id: String, values: [String: (FieldValue, [HybridTimestamp])])
    ) throws {
        let body = path + ".body"
        _ = FileManager.default.createFile(atPath: body, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: body))
        var previous = Change.genesis
        var buffer = Data()
        for index in 0..<count {
            let (kind, id, values) = change(index)
            let change = Change(
                format: .current,
                office: self.id,
                sequence: Int64(index + 1),
                timestamp: self.timestamp(index),
                kind: kind,
                entityID: id,
                fields: values.mapValues { .salted($0.0, bases: $0.1) },
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
        let sequence = Int64(count)
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

    /// The clock reading of change `index` (from 0): one millisecond apart.
    func timestamp(_ index: Int) -> HybridTimestamp {
        HybridTimestamp(physical: self.epoch + Int64(index), counter: 0, office: self.id)
    }
}
