import ArgumentParser
import Foundation
import NIOCore

/// Why `serve` or `ui` could not listen, in words and with what to type: the network layer's
/// own errors name system calls (`bind(descriptor:ptr:bytes:)`, errno 98).
///
/// ```swift
/// try await ListenFailure.explained(host: "127.0.0.1", port: 8443) { try await hub.run() }
/// ```
enum ListenFailure {
    static func explained(host: String, port: Int, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch is SocketAddressError, is SocketAddressError.UnknownHost {
            throw ValidationError(
                "cannot listen on \(host): no address of that name was found; give an address of this computer, e.g. --host 127.0.0.1 or --host 0.0.0.0"
            )
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ValidationError(
                "cannot listen on port \(port) of \(host): another program, or another signatory, uses it; stop it or choose another --port"
            )
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL || error.errnoCode == EINVAL {
            // EINVAL: an address no socket here can take, such as a link-local one without its interface.
            throw ValidationError(
                "cannot listen on \(host): it is not an address of this computer; give one of its addresses, e.g. --host 127.0.0.1 or --host 0.0.0.0"
            )
        } catch let error as IOError where error.errnoCode == EACCES {
            throw ValidationError(
                "cannot listen on port \(port): ports below 1024 need administrator rights; choose --port 1024 or above"
            )
        }
    }
}
