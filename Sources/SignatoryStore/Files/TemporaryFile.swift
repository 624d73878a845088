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
