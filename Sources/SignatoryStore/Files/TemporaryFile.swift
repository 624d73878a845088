public import Foundation

/// New files that only their owner can read, for anything that may hold personal data.
///
/// ```swift
/// let (path, handle) = try TemporaryFile.handle(in: FileManager.default.temporaryDirectory.path, prefix: "signatory-push")
/// defer { unlink(path) }
/// ```
public enum TemporaryFile {
    /// Creates a new, empty file (mode 0600) with a unique name in `folder`.
    public static func create(
        in folder: String,
        prefix: String
    ) throws(FileWriteError) -> (path: String, descriptor: Int32) {
        try self.create(in: folder, prefix: prefix, reportingAs: folder)
    }

    /// A temporary file beside `target`, in the same folder so that renaming it over the target is atomic.
    static func create(beside target: String) throws(FileWriteError) -> (path: String, descriptor: Int32) {
        let url = URL(fileURLWithPath: target)
        return try self.create(
            in: url.deletingLastPathComponent().path,
            prefix: ".\(url.lastPathComponent).partial",
            reportingAs: target
        )
    }

    /// An unnamed file (mode 0600) in the folder of `target`, on Linux file systems that have
    /// them (`O_TMPFILE`): until it is linked, it has no name to be found by, and a process
    /// stopped while writing it leaves nothing behind. `nil` where none can be made there; the
    /// caller then uses a named file, whose creation reports why the folder cannot be written.
    static func unnamed(beside target: String) -> Int32? {
        #if os(Linux)
        // Linking it needs its /proc/self/fd entry.
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Swift does not import the macro.
        let descriptor = Glibc.open(folder, 0o20_000_000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o600)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
    }

    /// Names the unnamed file `descriptor` `path`; fails, setting `errno`, if anything is there.
    static func link(_ descriptor: Int32, as path: String) -> Bool {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    }

    /// Names the unnamed file `descriptor` with a new temporary name beside `target`, to be renamed over it.
    static func link(_ descriptor: Int32, beside target: String) throws(FileWriteError) -> String {
        let url = URL(fileURLWithPath: target)
        let stem = url.deletingLastPathComponent().path
        let prefix = (stem.hasSuffix("/") ? stem : stem + "/") + ".\(url.lastPathComponent).partial."
        while true {
            let name = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            if self.link(descriptor, as: name) { return name }
            guard errno == EEXIST else { throw .fromErrno(target) }
        }
    }

    /// Creates a temporary file and opens it for writing; the caller removes it.
    public static func handle(
        in folder: String,
        prefix: String
    ) throws(FileWriteError) -> (path: String, handle: FileHandle) {
        let (path, descriptor) = try self.create(in: folder, prefix: prefix)
        return (path, FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    private static func create(
        in folder: String,
        prefix: String,
        reportingAs path: String
    ) throws(FileWriteError) -> (path: String, descriptor: Int32) {
        let stem = folder.hasSuffix("/") ? folder : folder + "/"
        var template = Array((stem + prefix + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .fromErrno(path) }
        return (String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self), descriptor)
    }
}
