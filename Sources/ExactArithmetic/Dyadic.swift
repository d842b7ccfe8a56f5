/// Direction of a rounding: toward −∞ or toward +∞.
enum RoundingDirection {
    case down, up
}

/// A dyadic number mantissa × 2^exponent: the endpoints of enclosures.
///
/// Not normalised (trailing zero bits in the mantissa are allowed, so the hot path never
/// strips them); equality and hashing compare values.
struct Dyadic: Sendable {
    var mantissa: BigInt
    var exponent: Int

    init(_ mantissa: BigInt, _ exponent: Int = 0) {
        self.mantissa = mantissa
        self.exponent = mantissa.isZero ? 0 : exponent
    }

    static let zero = Dyadic(0)
    static let one = Dyadic(1)

    var isZero: Bool { mantissa.isZero }
    func signum() -> Int { mantissa.signum() }

    /// The least t with |value| < 2^t (Int.min for zero).
    var top: Int { isZero ? .min : exponent + mantissa.magnitudeBitWidth }

    static prefix func - (a: Dyadic) -> Dyadic { Dyadic(-a.mantissa, a.exponent) }

    /// The value as a rational (the mantissa's factors of two are cancelled, so no GCD is needed).
    var rational: Rational {
        if exponent >= 0 { return Rational(reduced: mantissa << exponent, 1) }
        let cancel = min(mantissa.trailingZeroBitCount, -exponent)
        return Rational(reduced: mantissa >> cancel, BigInt(1) << (-exponent - cancel))
    }

    /// self × 2^k, exactly.
    func scaled(byPowerOfTwo k: Int) -> Dyadic { Dyadic(mantissa, exponent + k) }

    /// An approximation good to about 60 bits (for choosing algorithm parameters only).
    var approximateDouble: Double {
        let excess = max(0, mantissa.magnitudeBitWidth - 62)
        let head = Double((mantissa >> excess).asInt!)
        return head * Double(sign: .plus, exponent: exponent + excess, significand: 1)
    }

    /// The value rounded in the given direction to at most `bits` significant bits. O(n).
    func rounded(_ bits: Int, _ direction: RoundingDirection) -> Dyadic {
        let excess = mantissa.magnitudeBitWidth - bits
        if excess <= 0 { return self }
        let m = direction == .down ? mantissa >> excess : mantissa.shiftedRightRoundingUp(excess)
        return Dyadic(m, exponent + excess)
    }

    /// The value rounded in the given direction to a multiple of 2^exponent, if it is finer.
    private func truncated(toExponent e: Int, _ direction: RoundingDirection) -> Dyadic {
        if exponent >= e { return self }
        let shift = e - exponent
        return Dyadic(direction == .down ? mantissa >> shift : mantissa.shiftedRightRoundingUp(shift), e)
    }

    /// a + b rounded in the given direction to `bits` bits. Bits of an operand far below the
    /// other's precision are first rounded in the same direction, so adding a tiny number to a
    /// large one costs no more than adding two numbers of similar size.
    static func add(_ a: Dyadic, _ b: Dyadic, _ bits: Int, _ direction: RoundingDirection) -> Dyadic {
        if a.isZero { return b.rounded(bits, direction) }
        if b.isZero { return a.rounded(bits, direction) }
        let floorExponent = max(a.top, b.top) - bits - 3
        let x = a.truncated(toExponent: floorExponent, direction)
        let y = b.truncated(toExponent: floorExponent, direction)
        return (x + y).rounded(bits, direction)
    }

    /// a + b exactly (the mantissa grows by the exponent difference).
    static func + (a: Dyadic, b: Dyadic) -> Dyadic {
        if a.isZero { return b }
        if b.isZero { return a }
        let e = min(a.exponent, b.exponent)
        return Dyadic((a.mantissa << (a.exponent - e)) + (b.mantissa << (b.exponent - e)), e)
    }

    /// a × b rounded in the given direction to `bits` bits.
    static func multiply(_ a: Dyadic, _ b: Dyadic, _ bits: Int, _ direction: RoundingDirection) -> Dyadic {
        Dyadic(a.mantissa * b.mantissa, a.exponent + b.exponent).rounded(bits, direction)
    }

    /// a / b rounded in the given direction to `bits` bits. Precondition: b ≠ 0.
    static func divide(_ a: Dyadic, _ b: Dyadic, _ bits: Int, _ direction: RoundingDirection) -> Dyadic {
        bracketQuotient(a.mantissa, b.mantissa, a.exponent - b.exponent, bits)[direction]
    }

    /// Floor and ceiling of (n / d) × 2^exponent at `bits` bits, from a single division.
    static func bracketQuotient(_ n: BigInt, _ d: BigInt, _ exponent: Int, _ bits: Int) -> Enclosure {
        if n.isZero { return Enclosure(point: .zero) }
        let k = bits + 2 + d.magnitudeBitWidth - n.magnitudeBitWidth
        let (q, r) = (n << max(k, 0)).quotientAndRemainder(dividingBy: d << max(-k, 0))
        let e = exponent - k
        if r.isZero { return Enclosure(point: Dyadic(q, e)).rounded(bits) }
        // q is truncated toward zero; the true quotient lies strictly between q and q ± 1.
        let (low, high) = q.isNegative || (q.isZero && n.isNegative != d.isNegative) ? (q - 1, q) : (q, q + 1)
        return Enclosure(lower: Dyadic(low, e), upper: Dyadic(high, e)).rounded(bits)
    }

    /// Floor and ceiling of a rational at `bits` bits. Exact for dyadic rationals (then rounded);
    /// one division otherwise, a short one for single-limb denominators such as 10³.
    static func bracket(_ r: Rational, _ bits: Int) -> Enclosure {
        let d = r.denominator
        if d.isPowerOfTwoMagnitude {
            return Enclosure(point: Dyadic(r.numerator, -d.trailingZeroBitCount)).rounded(bits)
        }
        return bracketQuotient(r.numerator, d, 0, bits)
    }
}

extension Dyadic: Comparable, Hashable {
    static func compare(_ a: Dyadic, _ b: Dyadic) -> Int {
        if a.signum() != b.signum() { return a.signum() < b.signum() ? -1 : 1 }
        if a.isZero { return 0 }
        if a.top != b.top { return (a.top < b.top) == (a.signum() > 0) ? -1 : 1 }
        let e = min(a.exponent, b.exponent)
        let c = BigInt.compareMagnitudes(a.mantissa, shiftedBy: a.exponent - e, b.mantissa, shiftedBy: b.exponent - e)
        return a.signum() > 0 ? c : -c
    }

    static func < (a: Dyadic, b: Dyadic) -> Bool { compare(a, b) < 0 }
    static func == (a: Dyadic, b: Dyadic) -> Bool { compare(a, b) == 0 }

    func hash(into hasher: inout Hasher) {
        let zeros = mantissa.trailingZeroBitCount
        hasher.combine(mantissa >> zeros)
        hasher.combine(exponent + zeros)
    }
}
