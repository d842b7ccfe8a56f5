import Synchronization

extension BigInt {
    /// Sum. O(1) for word-sized operands without overflow, O(n) otherwise.
    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return BigInt(sum) }
        }
        if case .large(let negative, let magnitude) = a.storage, case .small(let y) = b.storage {
            return addingWord(negative, magnitude, y)
        }
        if case .small(let x) = a.storage, case .large(let negative, let magnitude) = b.storage {
            return addingWord(negative, magnitude, x)
        }
        return signedSum(a.isNegative, a.limbs, b.isNegative, b.limbs)
    }

    /// Difference. Same cost as `+`.
    public static func - (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return BigInt(difference) }
        }
        if case .large(let negative, let magnitude) = a.storage, case .small(let y) = b.storage, y != .min {
            return addingWord(negative, magnitude, -y)
        }
        if case .small(let x) = a.storage, case .large(let negative, let magnitude) = b.storage {
            return addingWord(!negative, magnitude, x)
        }
        return signedSum(a.isNegative, a.limbs, !b.isNegative && !b.isZero, b.limbs)
    }

    /// Product. O(1) for word-sized operands without overflow, O(n·m) otherwise.
    public static func * (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return BigInt(product) }
        }
        if case .small(let y) = b.storage, y != .min, case .large(let negative, let magnitude) = a.storage {
            return BigInt(negative: negative != (y < 0), magnitude: Limbs.multiplyAdd(magnitude, y.magnitude, 0))
        }
        if case .small(let x) = a.storage, x != .min, case .large(let negative, let magnitude) = b.storage {
            return BigInt(negative: negative != (x < 0), magnitude: Limbs.multiplyAdd(magnitude, x.magnitude, 0))
        }
        return BigInt(negative: a.isNegative != b.isNegative, magnitude: Limbs.multiply(a.limbs, b.limbs))
    }

    /// Negation. O(1) for word-sized values, O(n) otherwise (copy-on-write).
    public static prefix func - (a: BigInt) -> BigInt {
        switch a.storage {
        case .small(let v) where v != .min: BigInt(-v)
        case .small: BigInt(negative: false, magnitude: [Int.min.magnitude])
        case .large(let negative, let magnitude): BigInt(negative: !negative, magnitude: magnitude)
        }
    }

    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// (±magnitude) + w for a large value's magnitude (at least 2⁶³, more than |w| unless
    /// both are 2⁶³) and a word w: one copy of the limbs, no array for w. O(n).
    private static func addingWord(_ negative: Bool, _ magnitude: [UInt], _ w: Int) -> BigInt {
        if w == 0 { return BigInt(negative: negative, magnitude: magnitude) }
        var result = magnitude
        if (w < 0) == negative {
            Limbs.add(&result, w.magnitude)
        } else {
            Limbs.subtract(&result, w.magnitude)
        }
        return BigInt(negative: negative, magnitude: result)
    }

    private static func signedSum(_ aNegative: Bool, _ a: [UInt], _ bNegative: Bool, _ b: [UInt]) -> BigInt {
        if aNegative == bNegative {
            return BigInt(negative: aNegative, magnitude: Limbs.add(a, b))
        }
        switch Limbs.compare(a, b) {
        case 0: return 0
        case 1: return BigInt(negative: aNegative, magnitude: Limbs.subtract(a, b))
        default: return BigInt(negative: bNegative, magnitude: Limbs.subtract(b, a))
        }
    }

    /// self raised to a nonnegative power by repeated squaring, from the exponent's leading
    /// bit down: O(log e) squarings, and every other product is by self alone — for 5^868592
    /// a single-limb multiplication instead of a product of two long partial powers.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power: negative exponent")
        if exponent == 0 { return 1 }
        var result = self
        var bit = Int.bitWidth - 1 - exponent.leadingZeroBitCount - 1
        while bit >= 0 {
            result *= result
            if (exponent >> bit) & 1 == 1 { result *= self }
            bit -= 1
        }
        return result
    }

    /// 10^k, from a table for k < 420 (enough for 200 significant digits of values down to 10⁻²²⁰);
    /// larger ones remembered: a saturated network shows many values near the same
    /// 10^−130000, and each formatting would otherwise recompute its power. A power near a
    /// remembered one (within the table's range above it, or 19 below) is derived from it by
    /// one short multiplication or division; others are 5^k · 2^k.
    static func powerOfTen(_ k: Int) -> BigInt {
        if k < powersOfTen.count { return powersOfTen[k] }
        let (known, near) = largePowersOfTen.withLock { cache -> (BigInt?, (Int, BigInt)?) in
            if let known = cache[k] { return (known, nil) }
            let nearest = cache.min { abs($0.key - k) < abs($1.key - k) }
            return (nil, nearest.map { ($0.key, $0.value) })
        }
        if let known { return known }
        let value: BigInt
        if let (j, p) = near, j < k, k - j < powersOfTen.count {
            value = p * powersOfTen[k - j]
        } else if let (j, p) = near, j > k, j - k <= 19 {
            // 10^(j − k) ≤ 10^19 is one limb, and it divides 10^j exactly.
            value = BigInt(negative: false, magnitude: Limbs.divide(p.limbs, by: powersOfTen[j - k].limbs[0]).quotient)
        } else {
            value = BigInt(5).power(k) << k
        }
        largePowersOfTen.withLock { cache in
            if cache.count >= 32 { cache.removeAll() }
            cache[k] = value
        }
        return value
    }
}

/// Recently used powers of ten beyond the table, by exponent.
private let largePowersOfTen = Mutex([Int: BigInt]())

private let powersOfTen: [BigInt] = {
    var table: [BigInt] = [1]
    for _ in 1..<420 { table.append(table[table.count - 1] * 10) }
    return table
}()
