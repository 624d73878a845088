public import Foundation
public import SignatoryDomain

/// This office's keys, the offices it trusts, and what it knows of its peers.
extension Store {
    public func officeKeys() throws -> OfficeKeys {
        guard
            let text = try self.database.prepare("SELECT private_key FROM office").firstRow(read: { $0.optionalText(0) }
            ) ?? nil,
            let keys = OfficeKeys(privateKeyBase64: text)
        else { throw StoreError.notADatabase(path: self.database.path, detail: "this office has no signing key") }
        return keys
    }

    /// This office's X25519 key, which opens bundles encrypted for it.
    public func officeEncryptionKey() throws -> OfficeEncryptionKey {
        guard
            let text = try self.database.prepare("SELECT encryption_key FROM office").firstRow(read: {
                $0.optionalText(0)
            }) ?? nil,
            let key = OfficeEncryptionKey(identity: text)
        else { throw StoreError.notADatabase(path: self.database.path, detail: "this office has no encryption key") }
        return key
    }

    /// This office's public identity, as `signatory office card` prints it.
    public func officeCard() throws -> OfficeCard {
        let succession = try self.setting(Self.successionSetting).flatMap {
            try? JSONDecoder().decode(OfficeCard.Succession.self, from: Data($0.utf8))
        }
        let keys = try self.officeKeys()
        let recipient = try self.officeEncryptionKey().recipient.description
        return OfficeCard(
            id: self.office.id,
            name: self.office.name,
            publicKey: keys.publicKey,
            succeeds: succession,
            recipient: recipient,
            recipientSignature: try keys.sign(OfficeCard.recipientMessage(office: self.office.id, recipient: recipient))
        )
    }

    /// Gives an office created before encrypted bundles its encryption key, and trusts it.
    func giveOfficeAnEncryptionKey() throws {
        try self.transaction {
            guard
                try self.database.prepare("SELECT encryption_key FROM office").firstRow(read: { $0.optionalText(0) })
                    == .some(nil)
            else { return }
            try self.database.prepare("UPDATE office SET encryption_key = ?").run(OfficeEncryptionKey().identity)
            try self.trust(try self.officeCard())
        }
    }

    /// The encryption key of a trusted office, for a bundle encrypted for it.
    public func recipient(of office: ID<Office>) throws -> AgeRecipient {
        guard let card = try self.trustedOffice(office) else {
            throw StoreError.notFound("office", reference: "\(office)")
        }
        guard case .signed(let recipient) = card.recipientCheck else {
            throw StoreError.noEncryptionKey(office: "\(card.name) (\(card.id))")
        }
        guard try self.trustRevocation(of: office) == nil else {
            throw StoreError.trustRevoked(office: "\(card.name) (\(card.id))")
        }
        return recipient
    }

    static let successionSetting = "succession"
    static let successorSetting = "successor"

    /// Where this office continues, once `office recover` wrote its successor: this database
    /// then takes no more changes of its own.
    public func successor() throws -> (office: ID<Office>, path: String)? {
        try self.setting(Self.successorSetting).flatMap(Self.successor(in:))
    }

    /// The successor a ``successorSetting`` value names.
    static func successor(in text: String) -> (office: ID<Office>, path: String)? {
        let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
        guard parts.count == 2, let office = ID<Office>(parts[0]) else { return nil }
        return (office, parts[1])
    }

    /// Marks this database as continued by `office` in the database at `path`.
    package func recordSuccessor(_ office: ID<Office>, at path: String) throws {
        try self.setSetting(Self.successorSetting, to: "\(office)\n\(path)")
    }

    /// Refuses a change of this office's own, or sending its feed, once another database continues it.
    package func refuseIfSucceeded() throws {
        guard let successor = try self.successor() else { return }
        throw StoreError.succeeded(office: successor.office.description, path: successor.path)
    }

    /// Records that this office continues `predecessor`, signed with the predecessor's keys.
    package func recordSuccession(of predecessor: OfficeCard, keys: OfficeKeys) throws {
        let message = OfficeCard.Succession.message(
            from: predecessor.id,
            to: self.office.id,
            publicKey: try self.officeKeys().publicKey
        )
        let succession = OfficeCard.Succession(office: predecessor.id, signature: try keys.sign(message))
        try self.setSetting(
            Self.successionSetting,
            to: String(decoding: try JSONEncoder().encode(succession), as: UTF8.self)
        )
    }

    /// Accepts feeds signed by the office on `card`. Trusting the same card again changes nothing;
    /// a different key for a trusted office is refused. A card that continues an office whose trust
    /// was revoked here is refused unless `successionOfRevoked`: that office's key, which signed the
    /// succession, may be in other hands, so only the card's fingerprint, checked with the office
    /// itself, vouches for it.
    public func trust(_ card: OfficeCard, successionOfRevoked: Bool = false, now: Date? = nil) throws {
        try self.refuseIfSucceeded()
        try Office(id: card.id, name: card.name, createdAt: Date()).validate()
        let described = "\(card.name) (\(card.id))"
        if let succeeds = card.succeeds, let predecessor = try self.trustedOffice(succeeds.office) {
            guard card.isSuccessor(of: predecessor) else {
                throw StoreError.unsignedSuccession(card: described, predecessor: predecessor.name)
            }
            if !successionOfRevoked, try self.trustRevocation(of: predecessor.id) != nil,
                try self.trustedOffice(card.id) == nil
            {
                throw StoreError.successionOfRevoked(card: described, predecessor: predecessor.name)
            }
        }
        // A revoked key vouches for nobody, whatever id or name its card now gives.
        if let revoked = try self.revokedOffice(holdingKeysOf: card) {
            throw StoreError.keyOfRevoked(card: described, revoked: revoked)
        }
        switch card.recipientCheck {
        case .none, .signed: break
        case .malformed:
            throw StoreError.badEncryptionKey(
                card: described,
                detail: "its encryption key is not an age recipient (age1…)"
            )
        case .unsigned:
            throw StoreError.badEncryptionKey(
                card: described,
                detail: "its encryption key is not signed by its own key"
            )
        }
        if let known = try self.trustedOffice(card.id) {
            guard known.publicKey == card.publicKey else {
                throw StoreError.trustedWithAnotherKey(office: described)
            }
            guard let recipient = card.recipient, recipient != known.recipient else { return }
            // A card from before encrypted bundles gains its key; a trusted key is never swapped
            // by a card alone, since an old card replayed would otherwise undo a change.
            guard known.recipient == nil else {
                throw StoreError.badEncryptionKey(
                    card: described,
                    detail:
                        "this office is already trusted with a different encryption key; check the card with its office"
                )
            }
            try self.database.prepare("UPDATE trusted_office SET recipient = ?, recipient_signature = ? WHERE id = ?")
                .run(recipient, card.recipientSignature, card.id)
            return
        }
        try self.database.prepare(
            "INSERT INTO trusted_office (id, name, public_key, trusted_at, recipient, recipient_signature) VALUES (?, ?, ?, ?, ?, ?)"
        )
        .run(card.id, card.name, card.publicKey, now ?? self.clock(), card.recipient, card.recipientSignature)
    }

    /// The name of another office, revoked here (`office revoke`, or `hub revoke` at a hub), whose
    /// signing or encryption key `card` carries.
    private func revokedOffice(holdingKeysOf card: OfficeCard) throws -> String? {
        try self.database.prepare(
            """
            SELECT name FROM trusted_office t WHERE id <> ?1 AND (public_key = ?2 OR recipient = ?3)
                AND (revoked_after IS NOT NULL
                    OR EXISTS (SELECT 1 FROM hub_member m WHERE m.office = t.id AND m.revoked_at IS NOT NULL))
            LIMIT 1
            """
        ).firstRow(card.id, card.publicKey, card.recipient) { $0.text(0) }
    }

    public func trustedOffice(_ id: ID<Office>) throws -> OfficeCard? {
        try self.database.prepare(
            "SELECT id, name, public_key, recipient, recipient_signature FROM trusted_office WHERE id = ?"
        )
        .firstRow(id, read: Self.trustedCard)
    }

    public func trustedOffices() throws -> [OfficeCard] {
        try self.database.prepare(
            "SELECT id, name, public_key, recipient, recipient_signature FROM trusted_office ORDER BY name, id"
        )
        .rows(read: Self.trustedCard)
    }

    private static func trustedCard(_ row: Row) throws -> OfficeCard {
        OfficeCard(
            id: try row.id(0),
            name: row.text(1),
            publicKey: row.text(2),
            recipient: row.optionalText(3),
            recipientSignature: row.optionalText(4)
        )
    }

    /// The newest signed head stored for each feed.
    public func feedHeads() throws -> [FeedHead] {
        try self.database.prepare("SELECT office, sequence, hash, signature FROM feed_head ORDER BY office")
            .rows(read: Self.feedHead)
    }

    /// The head of `office`'s feed signed by it that this database holds, if any.
    public func feedHead(of office: ID<Office>) throws -> FeedHead? {
        try self.database.prepare("SELECT office, sequence, hash, signature FROM feed_head WHERE office = ?")
            .firstRow(office, read: Self.feedHead)
    }

    private static func feedHead(_ row: Row) throws -> FeedHead {
        FeedHead(office: try row.id(0), sequence: row.integer(1), hash: row.text(2), signature: row.text(3))
    }

    public func saveFeedHead(_ head: FeedHead) throws {
        try self.database.prepare(
            """
            INSERT INTO feed_head (office, sequence, hash, signature) VALUES (?, ?, ?, ?)
            ON CONFLICT (office) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, signature = excluded.signature
            WHERE excluded.sequence > feed_head.sequence
            """
        ).run(head.office, head.sequence, head.hash, head.signature)
    }

    /// How far into each feed `peer` is known to be.
    public func knowledge(of peer: ID<Office>) throws -> [ID<Office>: Int64] {
        let pairs = try self.database.prepare("SELECT office, sequence FROM peer_knowledge WHERE peer = ?")
            .rows(peer) { (try $0.id(0) as ID<Office>, $0.integer(1)) }
        return Dictionary(uniqueKeysWithValues: pairs)
    }

    /// Every peer this office has heard from, with what each is known to have.
    public func peerKnowledge() throws -> [ID<Office>: [ID<Office>: Int64]] {
        let rows = try self.database.prepare("SELECT peer, office, sequence FROM peer_knowledge")
            .rows { (try $0.id(0) as ID<Office>, try $0.id(1) as ID<Office>, $0.integer(2)) }
        return Dictionary(grouping: rows, by: \.0).mapValues {
            Dictionary(uniqueKeysWithValues: $0.map { ($0.1, $0.2) })
        }
    }

    /// Records that `peer` has at least `vector`; knowledge only grows.
    ///
    /// Only feeds of trusted offices are learned, each at most up to what this office holds:
    /// a claim beyond that could only make this office hold back changes the peer lacks.
    public func learn(that peer: ID<Office>, has vector: [ID<Office>: Int64]) throws {
        for (office, sequence) in vector where sequence > 0 {
            try self.database.prepare(
                """
                INSERT INTO peer_knowledge (peer, office, sequence)
                SELECT ?1, ?2, min(?3, (SELECT coalesce(max(sequence), 0) FROM change_log WHERE office = ?2))
                WHERE EXISTS (SELECT 1 FROM trusted_office WHERE id = ?2)
                ON CONFLICT (peer, office) DO UPDATE SET sequence = excluded.sequence WHERE excluded.sequence > peer_knowledge.sequence
                """
            ).run(peer, office, sequence)
        }
    }

    func setting(_ key: String) throws -> String? {
        try self.database.prepare("SELECT value FROM setting WHERE key = ?").firstRow(key) { $0.text(0) }
    }

    func setSetting(_ key: String, to value: String) throws {
        try self.database.prepare(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        .run(key, value)
    }

    /// A database from schema 1 had no keys and no change log: give it both, logging its records
    /// as this office's changes so they sync like any other.
    func adoptRecordsWithoutChanges() throws {
        try self.transaction {
            if try self.database.prepare("SELECT private_key FROM office").firstRow(read: { $0.optionalText(0) })
                == .some(nil)
            {
                let keys = OfficeKeys()
                try self.database.prepare("UPDATE office SET public_key = ?, private_key = ?").run(
                    keys.publicKey,
                    keys.privateKeyBase64
                )
                try self.trust(OfficeCard(id: self.office.id, name: self.office.name, publicKey: keys.publicKey))
            }
            for campaign in try self.campaigns() {
                try self.write(EntityRef(.campaign, campaign.id.description), campaign.syncFields)
            }
            for organisation in try self.organisations() {
                try self.write(EntityRef(.organisation, organisation.id.description), organisation.syncFields)
            }
            for contact in try self.contacts() {
                try self.write(EntityRef(.contact, contact.id.description), contact.syncFields)
            }
            for statement in try self.statements() {
                try self.write(EntityRef(.statement, statement.id.description), statement.syncFields)
                for text in try self.texts(of: statement.id) {
                    try self.write(EntityRef(.statementText, text.entityID), text.syncFields)
                }
                for signature in try self.signatures(on: statement.id) {
                    try self.write(EntityRef(.signature, signature.id.description), signature.syncFields)
                }
            }
        }
    }
}
