/// Where a hub listens and how much it accepts.
public struct HubConfiguration: Sendable {
    public var host: String
    /// The TCP port; 0 picks a free one (printed once the hub listens).
    public var port: Int
    public var databasePath: String
    /// The largest request body accepted, in bytes; a larger push gets 413.
    public var maximumBodyBytes: Int
    /// The most changes one pull page carries.
    public var pageLimit: Int
    /// The certificate and key the hub serves HTTPS with; plain HTTP without them.
    public var tls: TLSFiles?

    /// PEM files of the hub's certificate chain (its own certificate first) and private key.
    public struct TLSFiles: Sendable {
        public var certificateChain: String
        public var privateKey: String

        public init(certificateChain: String, privateKey: String) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
        }
    }

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        databasePath: String,
        maximumBodyBytes: Int = 64 << 20,
        pageLimit: Int = 5_000,
        tls: TLSFiles? = nil
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.maximumBodyBytes = maximumBodyBytes
        self.pageLimit = pageLimit
        self.tls = tls
    }
}
