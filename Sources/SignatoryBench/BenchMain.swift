import CSQLite
import Foundation

/// `Scripts/bench NAME`: each benchmark prints Signatory's figure beside a baseline measured in
/// the same run, because the machine is shared and absolute numbers drift.
@main
struct BenchMain {
    static let benchmarks: [String: @Sendable () async throws -> Void] = [
        "store": StoreBenchmark.run,
        "sync": SyncBenchmark.run,
        "erase": EraseBenchmark.run,
        "export": ExportBenchmark.run,
        "hub": HubBenchmark.run,
        "ui": UIBenchmark.run,
    ]

    static func main() async throws {
        // The raw-SQLite baselines run with the settings the store's connections use.
        _ = signatory_sqlite3_config_memstatus(0)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = arguments.isEmpty ? self.benchmarks.keys.sorted() : arguments
        for name in names {
            guard let benchmark = self.benchmarks[name] else {
                FileHandle.standardError.write(
                    Data(
                        "unknown benchmark '\(name)'; choose from: \(self.benchmarks.keys.sorted().joined(separator: ", "))\n"
                            .utf8
                    )
                )
                exit(64)
            }
            try await benchmark()
        }
    }
}

/// Wall-clock seconds that `body` takes.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Formats a rate such as 512,340.
func formatted(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    return formatter.string(from: NSNumber(value: value)) ?? String(Int(value))
}

/// Prints a line at once, even when standard output is a file, so a long run shows its progress.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
