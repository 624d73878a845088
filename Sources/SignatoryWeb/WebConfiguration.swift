/// Where `signatory ui` listens and how much it accepts.
public struct WebConfiguration: Sendable {
    /// A loopback address: 127.0.0.1, ::1 or localhost. The app has no TLS, so nothing else is served.
    public var host: String
    /// The TCP port; 0 picks a free one (printed once the app listens).
    public var port: Int
    public var databasePath: String
    /// The largest sign-on file accepted, in bytes.
    public var maximumUploadBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 0, databasePath: String, maximumUploadBytes: Int = 16 << 20) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.maximumUploadBytes = maximumUploadBytes
    }

    /// The names a browser on this machine reaches the app by; any other `Host` is refused,
    /// so a web page on another site cannot reach the app through DNS rebinding.
    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    /// Whether `host` is one of the loopback addresses the app may bind to.
    public static func isLoopback(_ host: String) -> Bool { Self.loopbackHosts.contains(host.lowercased()) }
}
