extension BigInt {
    /// self × 2^shift (a negative shift shifts right). O(n).
    public static func << (a: BigInt, shift: Int) -> BigInt {
        if shift < 0 { return a >> -shift }
        if case .small(let v) = a.storage {
            if v == 0 || shift == 0 { return a }
            if shift < v.magnitude.leadingZeroBitCount - 1 { return BigInt(v << shift) }
        }
        return BigInt(negative: a.isNegative, magnitude: Limbs.shiftLeft(a.limbs, shift))
    }

    /// ⌊self / 2^shift⌋, rounding toward −∞ like `Int`'s `>>` (a negative shift shifts left). O(n).
    public static func >> (a: BigInt, shift: Int) -> BigInt {
        if shift < 0 { return a << -shift }
        if case .small(let v) = a.storage {
            return BigInt(shift >= Int.bitWidth ? (v < 0 ? -1 : 0) : v >> shift)
        }
        let (magnitude, lost) = Limbs.shiftRight(a.limbs, shift)
        let truncated = BigInt(negative: a.isNegative, magnitude: magnitude)
        return a.isNegative && lost ? truncated - 1 : truncated
    }

    /// ⌈self / 2^shift⌉ for shift ≥ 0.
    func shiftedRightRoundingUp(_ shift: Int) -> BigInt {
        -((-self) >> shift)
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
