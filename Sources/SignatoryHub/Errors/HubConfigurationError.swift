/// Why a hub cannot start with the configuration it was given.
public struct HubConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case tlsFile(path: String, detail: String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func tlsFile(_ path: String, _ detail: String) -> HubConfigurationError {
        .init(.tlsFile(path: path, detail: detail))
    }

    public var description: String {
        switch self.base {
        case .tlsFile(let path, let detail): return "cannot serve HTTPS with \(path): \(detail)"
        }
    }
}
