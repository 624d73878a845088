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

extension SeededRandom {
    /// The seeds of one of `batches` parallel batches of a property test: every `batches`-th
    /// seed from `first`, `count` in all; only `$SIGNATORY_SEED` (in batch 0) when it is set.
    ///
    /// ```swift
    /// for seed in SeededRandom.seeds(batch: batch, of: 8, count: 1_000, first: 20_261_129) { … }
    /// ```
    public static func seeds(batch: Int, of batches: Int, count: Int, first: UInt64) -> [UInt64] {
        if let replayed = ProcessInfo.processInfo.environment["SIGNATORY_SEED"].flatMap({ UInt64($0) }) {
            return batch == 0 ? [replayed] : []
        }
        return stride(from: batch, to: count, by: batches).map { first &+ UInt64($0) }
    }
}
