/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fixed, portable generator, so variants do not
/// depend on the standard library's unspecified random algorithms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator for `seed` alone.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for the stream `stream` of `seed` (variant n of seed S, say).
    public init(seed: UInt64, stream: UInt64) {
        state = seed
        state = next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in 0..<n (n ≥ 1), by rejection so every value is equally likely.
    public mutating func below(_ n: Int) -> Int {
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let r = next()
            if r < limit { return Int(r % bound) }
        }
    }
}
