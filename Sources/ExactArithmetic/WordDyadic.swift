/// A dyadic number ±magnitude × 2^exponent whose magnitude fits in 128 bits, held in machine
/// words: the endpoints of `WordEnclosure`, the allocation-free fast path of enclosure
/// arithmetic at up to 128 bits.
///
/// Normalised: the magnitude's top bit is set, or the value is zero (magnitude 0, exponent 0,
/// not negative). Every operation rounds its magnitude toward zero or away from it, never to
/// nearest, so that enclosures built from these bounds stay proven.
struct WordDyadic: Sendable, Equatable {
    private(set) var negative: Bool
    private(set) var magnitude: UInt128
    private(set) var exponent: Int

    static let zero = WordDyadic(negative: false, normalized: 0, exponent: 0)

    private init(negative: Bool, normalized magnitude: UInt128, exponent: Int) {
        self.negative = negative
        self.magnitude = magnitude
        self.exponent = exponent
    }

    /// ±magnitude × 2^exponent, exactly.
    init(negative: Bool, magnitude: UInt128, exponent: Int) {
        if magnitude == 0 {
            self = .zero
            return
        }
        let shift = magnitude.leadingZeroBitCount
        self.init(negative: negative, normalized: magnitude << shift, exponent: exponent - shift)
    }

    /// The dyadic d exactly, or nil when its mantissa needs more than 128 bits.
    init?(_ d: Dyadic) {
        switch d.mantissa.storage {
        case .small(let v):
            self.init(negative: v < 0, magnitude: UInt128(v.magnitude), exponent: d.exponent)
        case .large(let negative, let limbs):
            guard limbs.count <= 2 else { return nil }
            let high = limbs.count == 2 ? UInt128(limbs[1]) << 64 : 0
            self.init(negative: negative, magnitude: high | UInt128(limbs[0]), exponent: d.exponent)
        }
    }

    var isZero: Bool { magnitude == 0 }

    /// −1, 0 or 1 according to the sign.
    func signum() -> Int { isZero ? 0 : (negative ? -1 : 1) }

    static prefix func - (a: WordDyadic) -> WordDyadic {
        a.isZero ? a : WordDyadic(negative: !a.negative, normalized: a.magnitude, exponent: a.exponent)
    }

    /// The same value as a `Dyadic` (trailing zero bits dropped, so most small values stay inline).
    var dyadic: Dyadic {
        if isZero { return .zero }
        let zeros = magnitude.trailingZeroBitCount
        let m = magnitude >> zeros
        return Dyadic(BigInt(m, negative: negative), exponent + zeros)
    }

    /// The magnitude rounded in `direction` (of the value, not of the magnitude) to `bits` bits.
    func rounded(_ bits: Int, _ direction: RoundingDirection) -> WordDyadic {
        guard bits < 128, !isZero else { return self }
        let shift = 128 - bits
        let dropped = magnitude & ((1 << shift) - 1) != 0
        let m = magnitude >> shift
        return WordDyadic.bound(negative: negative, high: 0, low: m, exponent: exponent + shift, sticky: dropped,
                                away: WordDyadic.roundsAway(negative, direction))
    }

    /// Whether rounding a value of this sign in `direction` rounds its magnitude up.
    static func roundsAway(_ negative: Bool, _ direction: RoundingDirection) -> Bool {
        (direction == .up) != negative
    }

    /// ±(high × 2^128 + low + θ) × 2^exponent rounded to a 128-bit magnitude, where θ is 0, or
    /// strictly between 0 and 1 when `sticky`: up (away from zero) when `away`, else down.
    static func bound(negative: Bool, high: UInt128, low: UInt128, exponent: Int, sticky: Bool, away: Bool) -> WordDyadic {
        if high == 0 {
            // At most 128 bits: exact unless θ must be rounded away to a whole unit.
            guard sticky && away else { return WordDyadic(negative: negative, magnitude: low, exponent: exponent) }
            let (m, overflow) = low.addingReportingOverflow(1)
            return overflow ? WordDyadic(negative: negative, normalized: 1 << 127, exponent: exponent + 1)
                : WordDyadic(negative: negative, magnitude: m, exponent: exponent)
        }
        let shift = 128 - high.leadingZeroBitCount  // bits to drop, 1…128
        let m = shift == 128 ? high : (high << (128 - shift)) | (low >> shift)
        let dropped = sticky || (shift == 128 ? low != 0 : low & ((1 << shift) - 1) != 0)
        guard dropped && away else { return WordDyadic(negative: negative, normalized: m, exponent: exponent + shift) }
        let (up, overflow) = m.addingReportingOverflow(1)
        return overflow ? WordDyadic(negative: negative, normalized: 1 << 127, exponent: exponent + shift + 1)
            : WordDyadic(negative: negative, normalized: up, exponent: exponent + shift)
    }

    /// a × b rounded in `direction` to 128 bits.
    static func multiply(_ a: WordDyadic, _ b: WordDyadic, _ direction: RoundingDirection) -> WordDyadic {
        if a.isZero || b.isZero { return .zero }
        let negative = a.negative != b.negative
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        return bound(negative: negative, high: high, low: low, exponent: a.exponent + b.exponent, sticky: false,
                     away: roundsAway(negative, direction))
    }

    /// Whether |a| < |b|.
    private static func magnitudeIsBelow(_ a: WordDyadic, _ b: WordDyadic) -> Bool {
        if a.isZero || b.isZero { return a.isZero && !b.isZero }
        return a.exponent != b.exponent ? a.exponent < b.exponent : a.magnitude < b.magnitude
    }

    /// a + b rounded in `direction` to 128 bits: both aligned in a 256-bit window below the
    /// larger one's top bit; bits of the smaller one below the window only set the sticky flag.
    static func add(_ a: WordDyadic, _ b: WordDyadic, _ direction: RoundingDirection) -> WordDyadic {
        if a.isZero { return b }
        if b.isZero { return a }
        let (big, small) = magnitudeIsBelow(a, b) ? (b, a) : (a, b)
        let d = big.exponent - small.exponent
        var (high, low) = (big.magnitude, UInt128(0))
        var exponent = big.exponent - 128
        // The smaller magnitude × 2^(128 − d), truncated, and whether bits were cut off.
        let smallHigh: UInt128, smallLow: UInt128, sticky: Bool
        switch d {
        case 0: (smallHigh, smallLow, sticky) = (small.magnitude, 0, false)
        case 1..<128: (smallHigh, smallLow, sticky) = (small.magnitude >> d, small.magnitude << (128 - d), false)
        case 128: (smallHigh, smallLow, sticky) = (0, small.magnitude, false)
        case 129..<256:
            let shift = d - 128
            (smallHigh, smallLow, sticky) = (0, small.magnitude >> shift, small.magnitude & ((1 << shift) - 1) != 0)
        default: (smallHigh, smallLow, sticky) = (0, 0, true)
        }
        if big.negative == small.negative {
            let (l, carry) = low.addingReportingOverflow(smallLow)
            let (h1, c1) = high.addingReportingOverflow(smallHigh)
            let (h2, c2) = h1.addingReportingOverflow(carry ? 1 : 0)
            (high, low) = (h2, l)
            var lostBit = false
            if c1 || c2 {
                lostBit = low & 1 != 0
                low = (low >> 1) | (high << 127)
                high = (high >> 1) | (1 << 127)
                exponent += 1
            }
            return bound(negative: big.negative, high: high, low: low, exponent: exponent, sticky: sticky || lostBit,
                         away: roundsAway(big.negative, direction))
        }
        let (l, borrow) = low.subtractingReportingOverflow(smallLow)
        (high, low) = (high &- smallHigh &- (borrow ? 1 : 0), l)
        if sticky {
            // big − small − θ = (big − small − 1) + (1 − θ), and 1 − θ is again strictly inside (0, 1).
            let (l2, b2) = low.subtractingReportingOverflow(1)
            (high, low) = (high &- (b2 ? 1 : 0), l2)
        }
        if high == 0 && low == 0 && !sticky { return .zero }
        return bound(negative: big.negative, high: high, low: low, exponent: exponent, sticky: sticky,
                     away: roundsAway(big.negative, direction))
    }

    /// Floor and ceiling of n / d at 128 bits, for word-sized n and a positive word-sized d: one
    /// short division of n × 2^192 (exact when d is a power of two).
    static func bracket(_ n: Int, _ d: Int) -> (lower: WordDyadic, upper: WordDyadic) {
        precondition(d > 0, "bracket of a fraction with a non-positive denominator")
        let negative = n < 0
        if d & (d - 1) == 0 {
            let point = WordDyadic(negative: negative, magnitude: UInt128(n.magnitude), exponent: -d.trailingZeroBitCount)
            return (point, point)
        }
        // Quotient limbs of (|n| × 2^192) / d from the top; the remainder sets the sticky flag.
        let divisor = UInt64(d)
        let (q3, r3) = divisor.dividingFullWidth((high: 0, low: UInt64(n.magnitude)))
        let (q2, r2) = divisor.dividingFullWidth((high: r3, low: 0))
        let (q1, r1) = divisor.dividingFullWidth((high: r2, low: 0))
        let (q0, remainder) = divisor.dividingFullWidth((high: r1, low: 0))
        let high = UInt128(q3) << 64 | UInt128(q2)
        let low = UInt128(q1) << 64 | UInt128(q0)
        let sticky = remainder != 0
        return (bound(negative: negative, high: high, low: low, exponent: -192, sticky: sticky, away: negative),
                bound(negative: negative, high: high, low: low, exponent: -192, sticky: sticky, away: !negative))
    }
}

extension BigInt {
    /// The integer v (inline when it fits in an `Int`).
    init(_ v: UInt128, negative: Bool = false) {
        if v <= UInt128(Int.max) {
            self.init(negative ? -Int(v) : Int(v))
        } else {
            self.init(negative: negative, magnitude: [UInt(truncatingIfNeeded: v), UInt(truncatingIfNeeded: v >> 64)])
        }
    }
}
