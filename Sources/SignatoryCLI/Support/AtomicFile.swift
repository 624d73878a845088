import ArgumentParser
import Foundation

/// Writing a file so that it appears whole or not at all: into a temporary file beside it,
/// renamed over it only once everything is written.
enum AtomicFile {
    static func write<T>(to path: String, _ body: (FileHandle) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ValidationError("Cannot write \(path): check that its folder exists and is writable.")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            let result: T
            do {
                result = try body(handle)
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw ValidationError("Cannot write \(path): \(String(cString: strerror(errno))).")
            }
            return result
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
