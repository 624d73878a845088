/// Why a file could not be written. Nothing is left behind: the target is as it was.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case isFolder(path: String)
        case folderName(path: String)
        case isDatabase(path: String)
        case noFolder(path: String)
        case notWritable(path: String)
        case diskFull(path: String)
        case failed(path: String, detail: String)
        case exists(path: String)
        case leftoverJournal(path: String, journal: String)
        case notAFile(path: String)
        case noName
        case standardStream
        case readOnly(path: String)
        case danglingLink(path: String)
        case openFile(path: String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func isFolder(_ path: String) -> FileWriteError { .init(.isFolder(path: path)) }
    static func folderName(_ path: String) -> FileWriteError { .init(.folderName(path: path)) }
    static func isDatabase(_ path: String) -> FileWriteError { .init(.isDatabase(path: path)) }
    static func noFolder(_ path: String) -> FileWriteError { .init(.noFolder(path: path)) }
    static func notWritable(_ path: String) -> FileWriteError { .init(.notWritable(path: path)) }
    static func diskFull(_ path: String) -> FileWriteError { .init(.diskFull(path: path)) }
    static func failed(_ path: String, _ detail: String) -> FileWriteError {
        .init(.failed(path: path, detail: detail))
    }
    package static func exists(_ path: String) -> FileWriteError { .init(.exists(path: path)) }
    static func leftoverJournal(_ path: String, journal: String) -> FileWriteError {
        .init(.leftoverJournal(path: path, journal: journal))
    }
    static func notAFile(_ path: String) -> FileWriteError { .init(.notAFile(path: path)) }
    static var noName: FileWriteError { .init(.noName) }
    static var standardStream: FileWriteError { .init(.standardStream) }
    static func readOnly(_ path: String) -> FileWriteError { .init(.readOnly(path: path)) }
    static func danglingLink(_ path: String) -> FileWriteError { .init(.danglingLink(path: path)) }
    static func openFile(_ path: String) -> FileWriteError { .init(.openFile(path: path)) }

    /// Whether the target itself was refused (a folder or a database), rather than the write failing.
    public var isRefusedTarget: Bool {
        switch self.base {
        case .isFolder, .folderName, .isDatabase, .exists, .leftoverJournal, .notAFile, .noName, .standardStream,
            .readOnly,
            .danglingLink, .openFile:
            return true
        default: return false
        }
    }

    public var description: String {
        switch self.base {
        case .isFolder(let path): return "\(path) is a folder; name a file to write"
        case .folderName(let path): return "\(path) ends with /, so it names a folder; name a file to write"
        case .isDatabase(let path): return "\(path) is a database or its journal; it is never written over"
        case .noFolder(let path): return "cannot write \(path): its folder does not exist"
        case .notWritable(let path): return "cannot write \(path): its folder is not writable"
        case .diskFull(let path): return "cannot write \(path): the disk is full; nothing was written"
        case .failed(let path, let detail): return "cannot write \(path): \(detail)"
        case .exists(let path): return "\(path) exists already; name a new file"
        case .leftoverJournal(let path, let journal):
            return
                "\(journal) lies beside \(path), left by a database of that name that is gone, and SQLite would take it "
                + "into a new one; name a new file, or move \(journal) away"
        case .notAFile(let path): return "\(path) is a device, a pipe or a socket, not a file; name a file to write"
        case .noName: return "no file was named; give the path of a file to write"
        case .standardStream:
            return "- names standard output, not a file, and this writes only files; name a file (./- for one called -)"
        case .openFile(let path):
            return
                "\(path) leads to a file a process has open (standard output, say), which is never replaced; name a file"
        case .danglingLink(let path):
            return "\(path) is a symbolic link to a file that does not exist; name the file itself"
        case .readOnly(let path):
            return "\(path) is read-only, so it is not replaced; name another file or make it writable"
        }
    }
}
