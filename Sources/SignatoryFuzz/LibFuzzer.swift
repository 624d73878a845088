#if SIGNATORY_FUZZING
/// libFuzzer's entry point for programs with their own `main` (compiler-rt, `FuzzerDriver.cpp`):
/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The target libFuzzer runs; set once, before the driver starts.
private let selected = FuzzTarget.fromEnvironment

enum LibFuzzer {
    /// Runs libFuzzer over `target` with this process's arguments; returns its exit status.
    static func run(_ target: FuzzTarget) -> Int32 {
        check(selected == target, "SIGNATORY_FUZZ_TARGET changed")
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            selected?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
}
#endif
