// `SignatoryFuzz TARGET FILE...` replays inputs through one parser (see `FuzzTarget`).
// Built with `-D SIGNATORY_FUZZING` and `-sanitize=fuzzer`, it is libFuzzer instead: the
// target comes from `SIGNATORY_FUZZ_TARGET` and every argument goes to libFuzzer.
import Foundation

#if SIGNATORY_FUZZING
guard let target = FuzzTarget.fromEnvironment else {
    FileHandle.standardError.write(
        Data("usage: SIGNATORY_FUZZ_TARGET=\(FuzzTarget.names) SignatoryFuzz [libFuzzer flags] [CORPUS...]\n".utf8)
    )
    exit(64)
}
exit(LibFuzzer.run(target))
#else
let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: SignatoryFuzz \(FuzzTarget.names) FILE...\n".utf8))
    exit(64)
}
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("SignatoryFuzz: cannot read \(path)\n".utf8))
        exit(66)
    }
    target.run(Array(data))
}
print("\(target.rawValue): \(arguments.count - 1) inputs ran without a crash")
#endif
