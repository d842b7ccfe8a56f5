extension Rational {
    /// The exact value of a finite double; nil for NaN and infinities. O(1) word operations
    /// plus one shift.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 {
            self = 0
            return
        }
        // value = ±significand × 2^(exponent − 52) with an integer significand.
        let significand = BigInt(Int(value.significandBitPattern | (value.isNormal ? 1 << 52 : 0)))
        let exponent = Int(value.isNormal ? value.exponent : Double.leastNormalMagnitude.exponent) - 52
        let magnitude = Rational(reduced: significand, 1).scaledByPowerOfTwo(exponent)
        self = value < 0 ? -magnitude : magnitude
    }

    /// The double nearest to the value, ties to even, including subnormal results, and ±infinity
    /// when the value exceeds the largest finite double. One division of O(n)-limb integers.
    public func toDouble() -> Double {
        if isZero { return 0 }
        let a = numerator.magnitude
        let b = denominator
        // Choose s so that q = ⌊a·2^s / b⌋ has 53 bits, unless the result is subnormal
        // (the last representable bit is then 2^−1074, so s ≤ 1074).
        var s = min(1074, 53 - a.magnitudeBitWidth + b.magnitudeBitWidth)
        var (q, r, divisor) = Rational.scaledQuotient(a, b, s)
        if q.magnitudeBitWidth > 53 {
            s -= 1
            (q, r, divisor) = Rational.scaledQuotient(a, b, s)
        }
        let twiceRemainder = r << 1
        if twiceRemainder > divisor || (twiceRemainder == divisor && q.trailingZeroBitCount == 0 && !q.isZero) {
            q += 1
        }
        var bits = UInt64(q.asInt!)
        if bits == 1 << 53 {
            bits = 1 << 52
            s -= 1
        }
        // value = bits × 2^−s; for a normal double bits ∈ [2^52, 2^53) and the biased exponent
        // is 1075 − s, which the implicit leading bit of `bits` supplies with (1074 − s) << 52.
        let biasedExponentBase = 1074 - s
        let magnitude: Double
        if biasedExponentBase >= 2046 {
            magnitude = .infinity
        } else {
            magnitude = Double(bitPattern: (UInt64(biasedExponentBase) << 52) &+ bits)
        }
        return numerator.isNegative ? -magnitude : magnitude
    }

    /// (⌊a·2^s / b⌋, remainder, effective divisor) for positive a, b.
    private static func scaledQuotient(_ a: BigInt, _ b: BigInt, _ s: Int) -> (BigInt, BigInt, BigInt) {
        let (dividend, divisor) = s >= 0 ? (a << s, b) : (a, b << -s)
        let (q, r) = dividend.quotientAndRemainder(dividingBy: divisor)
        return (q, r, divisor)
    }
}
