/// Why talking to a hub failed, worded for a coordinator.
public struct HubClientError: Error, Sendable, CustomStringConvertible {
    private enum Base: Sendable {
        case unreachable(url: String, detail: String)
        case refused(status: Int, code: String, message: String)
        case relayRefused(
            offices: String,
            status: Int,
            code: String,
            message: String,
            pushed: Int64,
            ownWaiting: Int64,
            erasedContacts: [String]
        )
        case badURL(String)
        case ipv6(String)
        case unexpected(String)
        case untrustedCertificate(url: String, detail: String)
        case plainHTTP(url: String)
        case certificateAuthority(path: String, detail: String)
        case ownFeedForked(position: Int64)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func unreachable(_ url: String, _ detail: String) -> HubClientError {
        .init(.unreachable(url: url, detail: detail))
    }
    static func refused(status: Int, code: String, message: String) -> HubClientError {
        .init(.refused(status: status, code: code, message: message))
    }
    /// The hub refused the feeds of `offices`, relayed by this office, after `pushed` other
    /// changes went through; `ownWaiting` of this office's own wait for them, for the erasures
    /// of `erasedContacts` those feeds carry.
    static func relayRefused(
        _ offices: String,
        _ refusal: HubClientError,
        pushed: Int64,
        ownWaiting: Int64,
        erasedContacts: [String] = []
    ) -> HubClientError {
        guard case .refused(let status, let code, let message) = refusal.base else { return refusal }
        return .init(
            .relayRefused(
                offices: offices,
                status: status,
                code: code,
                message: message,
                pushed: pushed,
                ownWaiting: ownWaiting,
                erasedContacts: erasedContacts
            )
        )
    }
    static func badURL(_ text: String) -> HubClientError { .init(.badURL(text)) }
    static func ipv6(_ text: String) -> HubClientError { .init(.ipv6(text)) }
    static func unexpected(_ detail: String) -> HubClientError { .init(.unexpected(detail)) }
    static func untrustedCertificate(_ url: String, _ detail: String) -> HubClientError {
        .init(.untrustedCertificate(url: url, detail: detail))
    }
    static func plainHTTP(_ url: String) -> HubClientError { .init(.plainHTTP(url: url)) }
    static func certificateAuthority(_ path: String, _ detail: String) -> HubClientError {
        .init(.certificateAuthority(path: path, detail: detail))
    }

    static func ownFeedForked(_ position: Int64) -> HubClientError { .init(.ownFeedForked(position: position)) }

    /// Whether this office's own feed and the hub's copy of it differ: the database was
    /// restored from a backup after it had sent changes, and has written others since.
    public var isOwnFeedFork: Bool {
        if case .ownFeedForked = self.base { return true }
        return false
    }

    /// The contacts whose erasure, held only in a feed the hub refused, this office's own
    /// changes wait for: erasing them here as well (`contact erase --again`) lets those go.
    public var contactsErasedOnlyInRefusedFeeds: [String] {
        if case .relayRefused(_, _, _, _, _, _, let contacts) = self.base { return contacts }
        return []
    }

    /// Whether the hub's address is plain `http://` to another computer, which needs an explicit choice.
    public var isPlainHTTP: Bool {
        if case .plainHTTP = self.base { return true }
        return false
    }

    /// Whether the hub's certificate was not vouched for by the trusted authorities.
    public var isUntrustedCertificate: Bool {
        if case .untrustedCertificate = self.base { return true }
        return false
    }

    /// The HTTP status the hub answered with, when it answered.
    public var status: Int? {
        switch self.base {
        case .refused(let status, _, _), .relayRefused(_, let status, _, _, _, _, _): return status
        default: return nil
        }
    }

    public var description: String {
        switch self.base {
        case .unreachable(let url, let detail):
            return
                "cannot reach the hub at \(url) (\(detail)); check the address and the connection, then run the command again"
        case .refused(let status, let code, let message):
            return "the hub refused the request (\(status) \(code)): \(message)"
        case .relayRefused(let offices, let status, let code, let message, let pushed, let ownWaiting, let contacts):
            let refusal =
                "the hub refused the changes of \(offices) that this office relays (\(status) \(code)): \(message); "
                + "\(pushed) other change(s) went through"
            guard ownWaiting > 0 else { return refusal + ", this office's own among them" }
            let waiting =
                refusal + ", but \(ownWaiting) of this office's own wait for that feed, as an erasure it carries "
                + "vouches for them: they go once the hub takes it (ask the hub's operator)"
            guard !contacts.isEmpty else { return waiting }
            return waiting + ", or once this office erases the same person itself (contact "
                + contacts.joined(separator: ", ") + ")"
        case .badURL(let text):
            return "'\(text)' is not a hub address; give one like https://hub.example.org:8443 (a host and a port only)"
        case .ipv6(let text):
            return
                "'\(text)' is an IPv6 address, which this client cannot reach; give the hub's host name or IPv4 address"
        case .unexpected(let detail):
            return "the hub answered in a way this version does not understand: \(detail)"
        case .untrustedCertificate(let url, let detail):
            return
                "the hub at \(url) did not prove who it is: \(detail); nothing was sent"
        case .plainHTTP(let url):
            return
                "\(url) is plain HTTP to another computer: anyone on the way could read every contact synced, and a false hub could pose as this one; use the hub's https:// address"
        case .certificateAuthority(let path, let detail):
            return "the certificate authority file \(path) cannot be used: \(detail)"
        case .ownFeedForked(let position):
            return
                "this office's own feed differs from the hub's copy at or before position \(position): this database was restored from a backup after it had sent changes, and has written others since; nothing was pushed"
        }
    }
}
