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
