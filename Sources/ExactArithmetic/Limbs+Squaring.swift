/// Squares of long magnitudes: the cross products aᵢaⱼ (i ≠ j) appear twice in a², so a
/// schoolbook square computes each once and doubles them, about half the products of a
/// general multiplication; Karatsuba squares recurse into three half-size squares. Repeated
/// squaring (powers of ten of a million digits) and the squares of a loss near 10^−868589 are
/// where it pays.
extension Limbs {
    /// a × a.
    static func square(_ a: [UInt]) -> [UInt] {
        if a.isEmpty { return [] }
        if a.count < karatsubaThreshold { return schoolbookSquare(a) }
        let half = a.count / 2
        var low = Array(a[0..<half])
        var high = Array(a[half...])
        trim(&low)
        trim(&high)
        let lowSquare = square(low)
        let highSquare = square(high)
        let middle = subtract(subtract(square(add(low, high)), lowSquare), highSquare)
        var result = [UInt](repeating: 0, count: 2 * a.count + 1)
        addShifted(into: &result, lowSquare, limbs: 0)
        addShifted(into: &result, middle, limbs: half)
        addShifted(into: &result, highSquare, limbs: 2 * half)
        trim(&result)
        return result
    }

    /// a × a by schoolbook: Σ_{i<j} aᵢaⱼ doubled by a shift, plus the squares aᵢ². O(n²/2).
    static func schoolbookSquare(_ a: [UInt]) -> [UInt] {
        let n = a.count
        var result = [UInt](repeating: 0, count: 2 * n)
        result.withUnsafeMutableBufferPointer { r in
            a.withUnsafeBufferPointer { x in
                guard let rp = r.baseAddress, let xp = x.baseAddress else { return }
                // Cross products, each once.
                for i in 0..<n where xp[i] != 0 {
                    let count = n - i - 1
                    (rp + 2 * i + 1)[count] = multiplyAccumulate(rp + 2 * i + 1, xp + i + 1, count: count, by: xp[i])
                }
                // Doubled, then the squares on the diagonal added.
                var shiftedOut: UInt = 0
                for k in 0..<(2 * n) {
                    let v = rp[k]
                    rp[k] = (v << 1) | shiftedOut
                    shiftedOut = v >> (UInt.bitWidth - 1)
                }
                var carry: UInt = 0
                for i in 0..<n {
                    let p = xp[i].multipliedFullWidth(by: xp[i])
                    let (s0, o0) = rp[2 * i].addingReportingOverflow(p.low)
                    let (s1, o1) = s0.addingReportingOverflow(carry)
                    rp[2 * i] = s1
                    let c0: UInt = (o0 ? 1 : 0) &+ (o1 ? 1 : 0)
                    let (t0, q0) = rp[2 * i + 1].addingReportingOverflow(p.high)
                    let (t1, q1) = t0.addingReportingOverflow(c0)
                    rp[2 * i + 1] = t1
                    carry = (q0 ? 1 : 0) &+ (q1 ? 1 : 0)
                }
            }
        }
        trim(&result)
        return result
    }
}
