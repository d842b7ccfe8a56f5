extension Limbs {
    /// (u / v, u % v) for trimmed magnitudes, v nonzero: Knuth's Algorithm D (TAOCP 4.3.1).
    /// O(m·n) for an (m+n)-limb dividend and an n-limb divisor.
    static func divide(_ u: [UInt], _ v: [UInt]) -> (quotient: [UInt], remainder: [UInt]) {
        precondition(!v.isEmpty, "division by zero")
        if compare(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            let (q, r) = divide(u, by: v[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = v.count
        let m = u.count - n
        let s = v[n - 1].leadingZeroBitCount
        // Normalise so that the divisor's top bit is set; the dividend gains one limb.
        var vn = [UInt](repeating: 0, count: n)
        var un = [UInt](repeating: 0, count: u.count + 1)
        if s == 0 {
            for i in 0..<n { vn[i] = v[i] }
            for i in 0..<u.count { un[i] = u[i] }
        } else {
            for i in stride(from: n - 1, to: 0, by: -1) {
                vn[i] = (v[i] << s) | (v[i - 1] >> (UInt.bitWidth - s))
            }
            vn[0] = v[0] << s
            un[u.count] = u[u.count - 1] >> (UInt.bitWidth - s)
            for i in stride(from: u.count - 1, to: 0, by: -1) {
                un[i] = (u[i] << s) | (u[i - 1] >> (UInt.bitWidth - s))
            }
            un[0] = u[0] << s
        }
        var q = [UInt](repeating: 0, count: m + 1)
        let vTop = vn[n - 1]
        let vNext = vn[n - 2]
        for j in stride(from: m, through: 0, by: -1) {
            // Estimate the quotient digit from the top two limbs, then correct it (at most twice).
            var qhat: UInt
            var rhat: UInt
            var rhatOverflow = false
            if un[j + n] == vTop {
                qhat = .max
                (rhat, rhatOverflow) = un[j + n - 1].addingReportingOverflow(vTop)
            } else {
                (qhat, rhat) = vTop.dividingFullWidth((un[j + n], un[j + n - 1]))
            }
            while !rhatOverflow {
                let p = qhat.multipliedFullWidth(by: vNext)
                guard p.high > rhat || (p.high == rhat && p.low > un[j + n - 2]) else { break }
                qhat -= 1
                (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
            }
            // Multiply and subtract qhat × vn from the window un[j ... j+n].
            var k: UInt = 0
            for i in 0..<n {
                let p = qhat.multipliedFullWidth(by: vn[i])
                let (low, c) = p.low.addingReportingOverflow(k)
                let (t, b) = un[i + j].subtractingReportingOverflow(low)
                un[i + j] = t
                k = p.high &+ (c ? 1 : 0) &+ (b ? 1 : 0)
            }
            let (t, borrow) = un[j + n].subtractingReportingOverflow(k)
            un[j + n] = t
            if borrow {
                // qhat was one too large: add the divisor back.
                qhat -= 1
                var carry: UInt = 0
                for i in 0..<n {
                    let (s1, o1) = un[i + j].addingReportingOverflow(vn[i])
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    un[i + j] = s2
                    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                un[j + n] &+= carry
            }
            q[j] = qhat
        }
        var r = [UInt](repeating: 0, count: n)
        if s == 0 {
            for i in 0..<n { r[i] = un[i] }
        } else {
            for i in 0..<n {
                r[i] = (un[i] >> s) | (un[i + 1] << (UInt.bitWidth - s))
            }
        }
        trim(&q)
        trim(&r)
        return (q, r)
    }
}

extension BigInt {
    /// The quotient truncated toward zero and the remainder, which has the dividend's sign
    /// (like `Int`). O(1) for word-sized operands, O(m·n) limb operations otherwise.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if case .small(let x) = storage, case .small(let y) = divisor.storage, !(x == .min && y == -1) {
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            return (BigInt(q), BigInt(r))
        }
        if case .small(let d) = divisor.storage, d != .min {
            let (q, r) = Limbs.divide(limbs, by: d.magnitude)
            // r < |d| ≤ Int.max, so the remainder is word-sized.
            return (BigInt(negative: isNegative != (d < 0), magnitude: q),
                    BigInt(isNegative ? -Int(r) : Int(r)))
        }
        let (q, r) = Limbs.divide(limbs, divisor.limbs)
        return (
            BigInt(negative: isNegative != divisor.isNegative, magnitude: q),
            BigInt(negative: isNegative, magnitude: r)
        )
    }

    /// Quotient truncated toward zero. Precondition: `b` is nonzero.
    public static func / (a: BigInt, b: BigInt) -> BigInt {
        a.quotientAndRemainder(dividingBy: b).quotient
    }

    /// Remainder with the sign of the dividend. Precondition: `b` is nonzero.
    public static func % (a: BigInt, b: BigInt) -> BigInt {
        a.quotientAndRemainder(dividingBy: b).remainder
    }
}
