extension BigInt {
    /// self × 2^shift (a negative shift shifts right). O(n).
    public static func << (a: BigInt, shift: Int) -> BigInt {
        if shift <= 0 { return shift == 0 ? a : a >> -shift }
        if case .small(let v) = a.storage {
            if v == 0 || shift == 0 { return a }
            if shift < v.magnitude.leadingZeroBitCount - 1 { return BigInt(v << shift) }
        }
        return BigInt(negative: a.isNegative, magnitude: Limbs.shiftLeft(a.limbs, shift))
    }

    /// ⌊self / 2^shift⌋, rounding toward −∞ like `Int`'s `>>` (a negative shift shifts left). O(n).
    public static func >> (a: BigInt, shift: Int) -> BigInt {
        if shift < 0 { return a << -shift }
        return a.shiftedRight(shift, roundingUp: false)
    }

    /// ⌈self / 2^shift⌉ for shift ≥ 0.
    func shiftedRightRoundingUp(_ shift: Int) -> BigInt {
        shiftedRight(shift, roundingUp: true)
    }

    /// ⌊self / 2^shift⌋ or ⌈self / 2^shift⌉ for shift ≥ 0: one shift of the magnitude and, when
    /// one bits are lost in the direction away from zero, an in-place increment. O(n), at most
    /// one allocation.
    func shiftedRight(_ shift: Int, roundingUp: Bool) -> BigInt {
        if shift == 0 { return self }
        switch storage {
        case .small(let v):
            if shift >= Int.bitWidth {
                return roundingUp ? BigInt(v > 0 ? 1 : 0) : BigInt(v < 0 ? -1 : 0)
            }
            let floor = v >> shift
            return BigInt(roundingUp && v & ~(-1 << shift) != 0 ? floor + 1 : floor)
        case .large(let negative, let magnitude):
            var (truncated, lost) = Limbs.shiftRight(magnitude, shift)
            // Truncation rounds toward zero; floor of a negative or ceiling of a positive value
            // is one unit further out.
            if lost && negative != roundingUp { Limbs.increment(&truncated) }
            return BigInt(negative: negative, magnitude: truncated)
        }
    }

    /// Number of bits of the magnitude (0 for zero). O(1).
    public var magnitudeBitWidth: Int {
        switch storage {
        case .small(let v): Int.bitWidth - v.magnitude.leadingZeroBitCount
        case .large(_, let magnitude): Limbs.bitWidth(magnitude)
        }
    }

    /// Number of zero bits below the lowest one bit; 0 for zero. O(n).
    var trailingZeroBitCount: Int {
        switch storage {
        case .small(let v): v == 0 ? 0 : v.trailingZeroBitCount
        case .large(_, let magnitude): Limbs.trailingZeroBitCount(magnitude)
        }
    }

    /// Whether the magnitude is a power of two (1, 2, 4, …).
    var isPowerOfTwoMagnitude: Bool {
        !isZero && trailingZeroBitCount == magnitudeBitWidth - 1
    }
}

extension BigInt {
    /// Whether bit `i` (i ≥ 0) of the two's-complement value is set; for nonnegative values,
    /// bit `i` of the magnitude. O(1).
    func bit(_ i: Int) -> Bool {
        switch storage {
        case .small(let v):
            return i >= Int.bitWidth ? v < 0 : (v >> i) & 1 == 1
        case .large(let negative, let magnitude):
            precondition(!negative, "BigInt.bit: negative large value")
            let (limb, offset) = i.quotientAndRemainder(dividingBy: UInt.bitWidth)
            return limb < magnitude.count && (magnitude[limb] >> offset) & 1 == 1
        }
    }

    /// log₂ |self| to about 10⁻⁴, for a nonzero value: for estimates that are then checked
    /// exactly. O(1).
    var approximateLog2: Double {
        let head: Double
        let shift: Int
        switch storage {
        case .small(let v):
            (head, shift) = (Double(v.magnitude), 0)
        case .large(_, let magnitude) where magnitude.count == 1:
            // A magnitude in [2⁶³, 2⁶⁴).
            (head, shift) = (Double(magnitude[0]), 0)
        case .large(_, let magnitude):
            let n = magnitude.count
            (head, shift) = (Double(magnitude[n - 1]) * 0x1p64 + Double(magnitude[n - 2]), (n - 2) * UInt.bitWidth)
        }
        // head = s × 2^k with s in [1, 2); log₂ s = (2 / ln 2) atanh((s − 1) / (s + 1)), |t| ≤ 1/3.
        let s = head.significand
        let t = (s - 1) / (s + 1)
        let t2 = t * t
        let log2s = 2.8853900817779268 * t * (1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 / 7)))
        return Double(Int(head.exponent) + shift) + log2s
    }
}

extension BigInt {
    /// Calls `body` with the magnitude's little-endian limbs (empty for zero), without
    /// allocating for word-sized values.
    func withMagnitudeLimbs<R>(_ body: (UnsafeBufferPointer<UInt>) -> R) -> R {
        switch storage {
        case .small(let v):
            var m = v.magnitude
            return withUnsafePointer(to: &m) { body(UnsafeBufferPointer(start: $0, count: v == 0 ? 0 : 1)) }
        case .large(_, let magnitude):
            return magnitude.withUnsafeBufferPointer(body)
        }
    }

    /// −1, 0 or 1 comparing |a| × 2^aShift with |b| × 2^bShift (shifts ≥ 0), without
    /// materialising the shifted values. O(n).
    static func compareMagnitudes(_ a: BigInt, shiftedBy aShift: Int, _ b: BigInt, shiftedBy bShift: Int) -> Int {
        let aWidth = a.magnitudeBitWidth == 0 ? 0 : a.magnitudeBitWidth + aShift
        let bWidth = b.magnitudeBitWidth == 0 ? 0 : b.magnitudeBitWidth + bShift
        if aWidth != bWidth { return aWidth < bWidth ? -1 : 1 }
        let count = (aWidth + UInt.bitWidth - 1) / UInt.bitWidth
        return a.withMagnitudeLimbs { x in
            b.withMagnitudeLimbs { y in
                var i = count - 1
                while i >= 0 {
                    let u = Limbs.limb(i, of: x, shiftedBy: aShift)
                    let v = Limbs.limb(i, of: y, shiftedBy: bShift)
                    if u != v { return u < v ? -1 : 1 }
                    i -= 1
                }
                return 0
            }
        }
    }
}

extension Limbs {
    /// Limb i of a × 2^shift (shift ≥ 0). O(1).
    static func limb(_ i: Int, of a: UnsafeBufferPointer<UInt>, shiftedBy shift: Int) -> UInt {
        let (limbShift, bitShift) = shift.quotientAndRemainder(dividingBy: UInt.bitWidth)
        let j = i - limbShift
        let high = j >= 0 && j < a.count ? a[j] : 0
        if bitShift == 0 { return high }
        let low = j >= 1 && j - 1 < a.count ? a[j - 1] : 0
        return (high << bitShift) | (low >> (UInt.bitWidth - bitShift))
    }

    /// a += 1 in place. O(n) worst case, O(1) amortised.
    static func increment(_ a: inout [UInt]) {
        for i in a.indices {
            a[i] &+= 1
            if a[i] != 0 { return }
        }
        a.append(1)
    }
}
