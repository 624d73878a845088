public import Foundation

/// Writes a file so that it appears whole or not at all, readable by its owner alone.
///
/// The bytes go to a new temporary file beside the target (mode 0600), which `rename(2)` puts
/// over the target once everything is written and flushed. A folder, a SQLite database or
/// WAL journal, and the open database's own files are refused before anything is written;
/// nothing is ever removed but the temporary file.
///
/// ```swift
/// try OutputFile.write(to: "for-bucharest.jsonl", protecting: store.database.path) { handle in
///     try handle.write(contentsOf: bytes)
/// }
/// ```
public enum OutputFile {
    public static func write<T>(
        to path: String,
        protecting database: String? = nil,
        _ body: (FileHandle) throws -> T
    ) throws -> T {
        try self.place(at: path, protecting: database) { descriptor in
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            do {
                return try body(handle)
            } catch let error as NSError where FileWriteError.isOutOfSpace(error) {
                throw FileWriteError.diskFull(path)
            }
        }
    }

    /// The way a file is written through its descriptor: `body` fills a temporary file, which
    /// is flushed and renamed over `path` (or, when not `replacing`, linked to it, which fails
    /// if anything is there); on any failure only the temporary file goes.
    ///
    /// Where the file system allows it, the temporary file has no name until it is whole
    /// (`TemporaryFile.unnamed(beside:)`): a process stopped while writing (Ctrl-C, kill -9)
    /// leaves no hidden copy of what it was writing.
    ///
    /// - Parameter replacing: whether an existing file at `path` may be replaced.
    static func place<T>(
        at path: String,
        protecting database: String?,
        replacing: Bool = true,
        _ body: (_ descriptor: Int32) throws -> T
    ) throws -> T {
        let path = try self.followingLink(path)
        try self.checkTarget(path, protecting: database)
        if !replacing && FileManager.default.fileExists(atPath: path) { throw FileWriteError.exists(path) }
        guard let descriptor = TemporaryFile.unnamed(beside: path) else {
            return try self.placeNamed(at: path, protecting: database, replacing: replacing) { _, descriptor in
                try body(descriptor)
            }
        }
        defer { close(descriptor) }
        let result = try body(descriptor)
        guard fsync(descriptor) == 0 else { throw FileWriteError.fromErrno(path) }
        if !replacing {
            guard TemporaryFile.link(descriptor, as: path) else {
                throw errno == EEXIST ? FileWriteError.exists(path) : FileWriteError.fromErrno(path)
            }
            return result
        }
        let temporary = try TemporaryFile.link(descriptor, beside: path)
        guard rename(temporary, path) == 0 else {
            let failure = FileWriteError.fromErrno(path)
            unlink(temporary)
            throw failure
        }
        return result
    }

    /// The same for a writer that needs the temporary file's name (SQLite's `VACUUM INTO`): the
    /// file is named from the start, and removed on any failure the process lives to see.
    static func placeNamed<T>(
        at path: String,
        protecting database: String?,
        replacing: Bool = true,
        _ body: (_ temporary: String, _ descriptor: Int32) throws -> T
    ) throws -> T {
        let path = try self.followingLink(path)
        try self.checkTarget(path, protecting: database)
        if !replacing && FileManager.default.fileExists(atPath: path) { throw FileWriteError.exists(path) }
        let (temporary, descriptor) = try TemporaryFile.create(beside: path)
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        let result = try body(temporary, descriptor)
        guard fsync(descriptor) == 0 else { throw FileWriteError.fromErrno(path) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw FileWriteError.fromErrno(path) }
            renamed = true
        } else {
            // link(2) never replaces anything, not even a symbolic link or a file that appeared
            // after the check above; the temporary name then goes.
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? FileWriteError.exists(path) : FileWriteError.fromErrno(path)
            }
        }
        return result
    }

    /// The file a symbolic link at `path` leads to, which is written instead of the link, as `>`
    /// in a shell would: replacing the link would leave what it points at stale (and, run as
    /// root, `--out /dev/stdout` replaced the system's link). A link to nothing is refused.
    ///
    /// A link into `/proc` or `/dev/fd` (`/dev/stdout`) names a file some process has open,
    /// standard output say: replacing it would swap the file under the shell that redirected
    /// there and lose what it wrote. It is refused.
    static func followingLink(_ path: String) throws(FileWriteError) -> String {
        var link = stat()
        guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return path }
        var hop = path
        for _ in 0..<40 {
            guard !hop.hasPrefix("/proc/"), !hop.hasPrefix("/dev/fd/") else { throw .openFile(path) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(hop, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            hop =
                target.hasPrefix("/")
                ? target : (URL(fileURLWithPath: hop).deletingLastPathComponent().path + "/" + target)
        }
        guard let resolved = realpath(path, nil) else { throw .danglingLink(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Refuses a target that is a folder, a database or journal, or the open database's files.
    public static func checkTarget(_ path: String, protecting database: String?) throws(FileWriteError) {
        guard !path.isEmpty else { throw .noName }
        guard path != "-" else { throw .standardStream }
        var target = stat()
        let exists = stat(path, &target) == 0
        if exists, (target.st_mode & S_IFMT) == S_IFDIR { throw .isFolder(path) }
        guard !path.hasSuffix("/") else { throw .folderName(path) }
        // A device, a FIFO or a socket is not a file to replace (`--out /dev/null` must not swap it).
        if exists, (target.st_mode & S_IFMT) != S_IFREG { throw .notAFile(path) }
        // rename(2) would replace a file its owner made read-only, as `>` in a shell does not.
        // The mode bits count too: access(2) says yes to root whatever they are.
        if exists, access(path, W_OK) != 0 || (target.st_mode & 0o222) == 0 { throw .readOnly(path) }
        var link = stat()
        if !exists, lstat(path, &link) == 0, (link.st_mode & S_IFMT) != S_IFLNK, (link.st_mode & S_IFMT) != S_IFREG {
            throw .notAFile(path)
        }
        // Any database's journals: a -shm file has no magic bytes, and an emptied WAL no bytes at all.
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
            let base = String(path.dropLast(suffix.count))
            if self.looksLikeDatabase(base) { throw .isDatabase(path) }
        }
        if let database {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                var protected = stat()
                if exists, stat(database + suffix, &protected) == 0,
                    protected.st_dev == target.st_dev, protected.st_ino == target.st_ino
                {
                    throw .isDatabase(path)
                }
                if let own = self.canonical(database + suffix), own == self.canonical(path) { throw .isDatabase(path) }
            }
        }
        if exists, (target.st_mode & S_IFMT) == S_IFREG, self.looksLikeDatabase(path) { throw .isDatabase(path) }
    }

    /// The path with its folder resolved (the file itself may not exist yet).
    private static func canonical(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        guard let folder = realpath(url.deletingLastPathComponent().path, nil) else { return nil }
        defer { free(folder) }
        return String(cString: folder) + "/" + url.lastPathComponent
    }

    /// A SQLite database ("SQLite format 3"), a WAL journal (magic 0x377f0682 or 0x377f0683) or
    /// a rollback journal (magic d9d505f920a163d7).
    private static func looksLikeDatabase(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
            let handle = FileHandle(forReadingAtPath: path)
        else {
            return false
        }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        if start.starts(with: Array("SQLite format 3".utf8)) { return true }
        if start.starts(with: [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]) { return true }
        return start.count >= 4 && start[0...2] == [0x37, 0x7f, 0x06] && (start[3] == 0x82 || start[3] == 0x83)
    }
}

extension FileWriteError {
    static func fromErrno(_ path: String) -> FileWriteError {
        switch errno {
        case ENOENT, ENOTDIR: return .noFolder(path)
        case EACCES, EPERM, EROFS: return .notWritable(path)
        case ENOSPC, EDQUOT: return .diskFull(path)
        case EISDIR: return .isFolder(path)
        default: return .failed(path, String(cString: strerror(errno)))
        }
    }

    static func isOutOfSpace(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain { return error.code == Int(ENOSPC) || error.code == Int(EDQUOT) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return self.isOutOfSpace(underlying) }
        return error.domain == NSCocoaErrorDomain && error.code == NSFileWriteOutOfSpaceError
    }
}
