import Foundation

/// A fresh folder for one benchmark's files, removed when the benchmark ends.
///
/// With `SIGNATORY_BENCH_KEEP=1` the folder stays and its path goes to stderr, so its bundles,
/// CSV files and databases can be fed to a profiler:
///
/// ```sh
/// SIGNATORY_BENCH_KEEP=1 SYNC_BENCH_SIZES=100000 Scripts/bench sync
/// ```
struct BenchFolder {
    let url: URL

    init() throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    /// Whether `SIGNATORY_BENCH_KEEP=1` asked to keep every file, intermediate ones included.
    static var keepsFiles: Bool { ProcessInfo.processInfo.environment["SIGNATORY_BENCH_KEEP"] == "1" }

    /// Removes a file the benchmark no longer needs, unless every file is to be kept.
    static func discard(_ path: String) {
        if !Self.keepsFiles { unlink(path) }
    }

    /// Removes the benchmark's files one by one, then the folder, unless `SIGNATORY_BENCH_KEEP=1`
    /// asks to keep them. Nothing is deleted recursively.
    func finish() {
        if Self.keepsFiles {
            FileHandle.standardError.write(Data("bench files kept in \(self.url.path)\n".utf8))
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: self.url.path)) ?? [] {
            unlink(self.url.appendingPathComponent(name).path)
        }
        rmdir(self.url.path)
    }
}
