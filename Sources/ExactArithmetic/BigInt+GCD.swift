extension BigInt {
    /// The nonnegative greatest common divisor; gcd(0, 0) = 0.
    ///
    /// Euclid's algorithm on limbs until both values fit in a word, then binary GCD on words.
    /// O(n²) limb operations for n-limb inputs, O(log) word operations for word-sized inputs.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.magnitude
        var y = b.magnitude
        while true {
            if case .small(let u) = x.storage, case .small(let v) = y.storage {
                return BigInt(Int(wordGCD(u.magnitude, v.magnitude)))
            }
            if y.isZero { return x }
            (x, y) = (y, x % y)
        }
    }

    private static func wordGCD(_ a: UInt, _ b: UInt) -> UInt {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var u = a >> a.trailingZeroBitCount
        var v = b
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }
}
