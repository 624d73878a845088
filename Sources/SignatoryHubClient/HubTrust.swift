/// How an office decides that it is talking to its coalition's hub.
///
/// ```swift
/// let hub = try HubClient(
///     url: "https://hub.example.org:8443",
///     store: store,
///     trust: HubTrust(certificateAuthorityFile: "coalition-ca.pem")
/// )
/// ```
public struct HubTrust: Sendable {
    /// A PEM file of the certificate authorities that vouch for the hub, in place of the
    /// system's roots: for a coalition that runs its own authority.
    public var certificateAuthorityFile: String?
    /// Allows plain `http://` to a hub on another computer. A hub on this computer
    /// (`localhost`, 127.0.0.0/8) is always allowed.
    public var allowsPlainHTTP: Bool

    public init(certificateAuthorityFile: String? = nil, allowsPlainHTTP: Bool = false) {
        self.certificateAuthorityFile = certificateAuthorityFile
        self.allowsPlainHTTP = allowsPlainHTTP
    }
}
