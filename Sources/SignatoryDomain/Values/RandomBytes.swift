import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Random bytes from the system's generator (`/dev/urandom`), fetched 64 KiB at a time.
///
/// Every value a change writes gets a salt and every new record an id: drawn one by one, through
/// Swift's generator or swift-crypto's `SymmetricKey`, each costs a system call per 8 bytes, and
/// those calls were half the time of a sign-on import.
///
/// ```swift
/// let salt = RandomBytes.next(16)
/// ```
enum RandomBytes {
    private static let poolSize = 65_536
    private static let pool = Mutex<(bytes: [UInt8], position: Int)>(([], 0))

    /// `count` fresh random bytes, at most 65,536; no byte is ever handed out twice.
    static func next(_ count: Int) -> [UInt8] {
        precondition(count <= Self.poolSize)
        return Self.pool.withLock { pool in
            if pool.position + count > pool.bytes.count {
                pool.bytes = Self.fresh(Self.poolSize)
                pool.position = 0
            }
            defer { pool.position += count }
            return Array(pool.bytes[pool.position..<pool.position + count])
        }
    }

    private static func fresh(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        #if canImport(Glibc)
        let file = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if file >= 0 {
            while filled < count {
                let read = bytes.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress! + filled, count - filled) }
                if read > 0 { filled += read } else if read == 0 || errno != EINTR { break }
            }
            close(file)
        }
        #endif
        // Where the device cannot be read, Swift's generator (which uses the best the system has).
        var generator = SystemRandomNumberGenerator()
        while filled < count {
            withUnsafeBytes(of: generator.next() as UInt64) { word in
                for byte in word where filled < count {
                    bytes[filled] = byte
                    filled += 1
                }
            }
        }
        return bytes
    }
}
