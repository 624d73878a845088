import Foundation

/// SplitMix64: a small generator whose sequence a printed seed reproduces.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededRandom {
    /// The seed in $SIGNATORY_SEED, or a fresh one; tests print it so a failure can be replayed.
    public static func seedFromEnvironment() -> UInt64 {
        ProcessInfo.processInfo.environment["SIGNATORY_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64.max)
    }
}
