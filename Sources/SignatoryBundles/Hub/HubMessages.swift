public import SignatoryDomain

/// The JSON bodies the hub and its offices exchange besides bundles (see `Schema/openapi.json`).

/// `GET /v1/sync/vector`: how far into each feed the hub is.
public struct HubVector: Codable, Sendable {
    public let office: String
    public let name: String
    public let have: [String: Int64]

    public init(office: String, name: String, have: [String: Int64]) {
        self.office = office
        self.name = name
        self.have = have
    }
}

/// The answer to `POST /v1/sync/push`.
public struct PushReply: Codable, Sendable {
    public let applied: Int
    public let alreadyKnown: Int
    public let have: [String: Int64]

    public init(applied: Int, alreadyKnown: Int, have: [String: Int64]) {
        self.applied = applied
        self.alreadyKnown = alreadyKnown
        self.have = have
    }
}

/// The body of `POST /v1/sync/pull`.
public struct PullRequest: Codable, Sendable {
    /// What the caller holds, by office id.
    public let have: [String: Int64]
    /// Only these offices' feeds (those the caller trusts); all when left out.
    public let offices: [String]?
    /// At most this many changes; the hub's page limit caps it.
    public let limit: Int?

    public init(have: [String: Int64], offices: [String]?, limit: Int? = nil) {
        self.have = have
        self.offices = offices
        self.limit = limit
    }
}

extension Dictionary where Key == ID<Office>, Value == Int64 {
    /// The version vector as JSON carries it, keyed by office id text.
    public var keyedByText: [String: Int64] {
        [String: Int64](uniqueKeysWithValues: self.map { ($0.key.description, $0.value) })
    }

    /// A version vector read from JSON; keys that are not office ids are left out.
    public init(keyedByText vector: [String: Int64]) {
        self.init()
        for (office, position) in vector { if let id = ID<Office>(office) { self[id] = position } }
    }
}
