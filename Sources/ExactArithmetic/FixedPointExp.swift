/// exp(t) for |t| < 1 as an integer multiple of 2^−bits, bounded in a chosen direction.
enum FixedPointExp {
    /// ⌊exp(t) × 2^bits⌋-or-below (direction .down) or ⌈exp(t) × 2^bits⌉-or-above (.up).
    static func bound(_ t: Dyadic, _ direction: RoundingDirection, _ bits: Int) -> BigInt {
        let unit = BigInt(1) << bits
        if t.signum() >= 0 {
            return series(grid(t, direction, bits), direction, bits)
        }
        // exp(t) = 1 / exp(−t): bound exp(−t) the other way, then divide in this direction.
        let other: RoundingDirection = direction == .down ? .up : .down
        let denominator = series(grid(-t, other, bits), other, bits)
        let (q, r) = (unit << bits).quotientAndRemainder(dividingBy: denominator)
        return direction == .up && !r.isZero ? q + 1 : q
    }

    /// t × 2^bits rounded in the given direction to an integer.
    private static func grid(_ t: Dyadic, _ direction: RoundingDirection, _ bits: Int) -> BigInt {
        let shift = t.exponent + bits
        if shift >= 0 { return t.mantissa << shift }
        return direction == .down ? t.mantissa >> -shift : t.mantissa.shiftedRightRoundingUp(-shift)
    }

    /// Σ Tⁱ / (i! 2^(bits·(i−1))) for 0 ≤ T < 2^bits: with floors at every step it is a lower
    /// bound of exp(T/2^bits) × 2^bits (⌊⌊x⌋/n⌋ = ⌊x/n⌋ keeps each term below the true one); with
    /// ceilings it is an upper bound once the remainder is added. The ceiling chain stops at a
    /// term ≤ 1 unit, and the remainder after term i is below that term (|t| < 1, i ≥ 1).
    private static func series(_ t: BigInt, _ direction: RoundingDirection, _ bits: Int) -> BigInt {
        var term = BigInt(1) << bits
        var sum = term
        var i = 1
        while true {
            let product = term * t
            let divisor = BigInt(i)
            if direction == .down {
                term = (product >> bits) / divisor
                if term.isZero { return sum }
                sum += term
            } else {
                let (q, r) = product.shiftedRightRoundingUp(bits).quotientAndRemainder(dividingBy: divisor)
                term = r.isZero ? q : q + 1
                sum += term
                if term <= 1 { return sum + term }
            }
            i += 1
        }
    }
}
