import Foundation

/// The parsers the fuzzer exercises, by the names `Scripts/fuzz` and the replayer use.
///
/// Each target must never trap on any input; a `precondition` in a target marks a property
/// the parser promises, so breaking it is reported as a crash too.
enum FuzzTarget: String, CaseIterable, Sendable {
    case changeLine = "change-line"
    case bundleHeader = "bundle-header"
    case requestCredentials = "request-credentials"

    /// The names, as a usage line shows them: `change-line|bundle-header|…`.
    static var names: String { self.allCases.map(\.rawValue).joined(separator: "|") }

    /// The target named by `SIGNATORY_FUZZ_TARGET`.
    static var fromEnvironment: FuzzTarget? {
        ProcessInfo.processInfo.environment["SIGNATORY_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
    }

    func run(_ input: [UInt8]) {
        switch self {
        case .changeLine: ChangeLineTarget.run(input)
        case .bundleHeader: BundleHeaderTarget.run(input)
        case .requestCredentials: RequestCredentialsTarget.run(input)
        }
    }
}

/// Stops with `message` unless a property the parsers promise holds. Unlike `precondition`,
/// the message survives `-O`, so libFuzzer's log says what broke.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
