/// Algorithms on magnitudes stored as little-endian arrays of 64-bit limbs.
///
/// Inputs may carry leading zero limbs unless stated otherwise; outputs are trimmed.
enum Limbs {
    /// −1, 0 or 1 comparing two trimmed magnitudes. O(n).
    static func compare(_ a: [UInt], _ b: [UInt]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    /// Drops leading zero limbs in place (no copy of a uniquely referenced array).
    static func trim(_ a: inout [UInt]) {
        while let last = a.last, last == 0 { a.removeLast() }
    }

    /// a + b. O(max(n, m)).
    static func add(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt](repeating: 0, count: long.count + 1)
        var carry: UInt = 0
        result.withUnsafeMutableBufferPointer { r in
            long.withUnsafeBufferPointer { l in
                short.withUnsafeBufferPointer { s in
                    for i in 0..<l.count {
                        let (s1, o1) = l[i].addingReportingOverflow(i < s.count ? s[i] : 0)
                        let (s2, o2) = s1.addingReportingOverflow(carry)
                        r[i] = s2
                        carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    }
                }
            }
            r[long.count] = carry
        }
        trim(&result)
        return result
    }

    /// a += w in place for a single limb w. O(n).
    static func add(_ a: inout [UInt], _ w: UInt) {
        var carry = w
        for i in a.indices where carry != 0 {
            let (sum, overflow) = a[i].addingReportingOverflow(carry)
            a[i] = sum
            carry = overflow ? 1 : 0
        }
        if carry != 0 { a.append(carry) }
    }

    /// a −= w in place for a single limb w ≤ a; leading zero limbs may remain. O(n).
    static func subtract(_ a: inout [UInt], _ w: UInt) {
        var borrow = w
        for i in a.indices where borrow != 0 {
            let (difference, overflow) = a[i].subtractingReportingOverflow(borrow)
            a[i] = difference
            borrow = overflow ? 1 : 0
        }
        precondition(borrow == 0, "Limbs.subtract: a < w")
    }

    /// a − b for a ≥ b. O(n).
    static func subtract(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        var result = a
        var borrow: UInt = 0
        result.withUnsafeMutableBufferPointer { r in
            b.withUnsafeBufferPointer { s in
                for i in 0..<r.count {
                    let (d1, o1) = r[i].subtractingReportingOverflow(i < s.count ? s[i] : 0)
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                    r[i] = d2
                    borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    if borrow == 0 && i >= s.count { break }
                }
            }
        }
        precondition(borrow == 0, "Limbs.subtract: a < b")
        trim(&result)
        return result
    }

    /// a × b: schoolbook for short operands, Karatsuba (O(n^1.585)) once both are long; a
    /// square by `square(_:)`.
    static func multiply(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        if a.isEmpty || b.isEmpty { return [] }
        if a.count == b.count, a.count > 1, a == b { return square(a) }
        if min(a.count, b.count) >= karatsubaThreshold { return karatsuba(a, b) }
        return schoolbook(a, b)
    }

    /// a × b by schoolbook multiplication. O(n·m). The carries come from comparisons rather
    /// than overflow-reporting tuples, and the loop runs on raw pointers: about four times
    /// faster, in debug builds as well (a 128-bit accumulator would be as fast optimised but
    /// ten times slower unoptimised, through generic integer conversions). This loop is where
    /// Karatsuba products of million-bit numbers spend their time.
    static func schoolbook(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt](repeating: 0, count: a.count + b.count)
        result.withUnsafeMutableBufferPointer { r in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    guard let rp = r.baseAddress, let yp = y.baseAddress else { return }
                    let m = y.count
                    for i in 0..<x.count where x[i] != 0 {
                        (rp + i)[m] = multiplyAccumulate(rp + i, yp, count: m, by: x[i])
                    }
                }
            }
        }
        trim(&result)
        return result
    }

    /// row[0..<count] += y[0..<count] × x, returning the carry out of the last limb.
    @inline(__always)
    static func multiplyAccumulate(_ row: UnsafeMutablePointer<UInt>, _ y: UnsafePointer<UInt>, count: Int, by x: UInt) -> UInt {
        var carry: UInt = 0
        var j = 0
        while j < count {
            // x·yⱼ + row[j] + carry < 2¹²⁸: the high word takes both carries.
            let p = x.multipliedFullWidth(by: y[j])
            let s = p.low &+ row[j]
            var high = s < p.low ? p.high &+ 1 : p.high
            let t = s &+ carry
            if t < carry { high &+= 1 }
            row[j] = t
            carry = high
            j &+= 1
        }
        return carry
    }

    /// a × m + c for single limbs m and c. O(n).
    static func multiplyAdd(_ a: [UInt], _ m: UInt, _ c: UInt) -> [UInt] {
        var result = [UInt](repeating: 0, count: a.count + 1)
        var carry = c
        for i in 0..<a.count {
            let p = a[i].multipliedFullWidth(by: m)
            let (s, o) = p.low.addingReportingOverflow(carry)
            result[i] = s
            carry = p.high &+ (o ? 1 : 0)
        }
        result[a.count] = carry
        trim(&result)
        return result
    }

    /// (a / d, a % d) for a single nonzero limb d. O(n).
    static func divide(_ a: [UInt], by d: UInt) -> (quotient: [UInt], remainder: UInt) {
        var quotient = [UInt](repeating: 0, count: a.count)
        var r: UInt = 0
        quotient.withUnsafeMutableBufferPointer { q in
            a.withUnsafeBufferPointer { x in
                var i = x.count - 1
                while i >= 0 {
                    (q[i], r) = d.dividingFullWidth((r, x[i]))
                    i -= 1
                }
            }
        }
        trim(&quotient)
        return (quotient, r)
    }

    /// a × 2^shift. O(n).
    static func shiftLeft(_ a: [UInt], _ shift: Int) -> [UInt] {
        if a.isEmpty { return [] }
        let (limbShift, bitShift) = shift.quotientAndRemainder(dividingBy: UInt.bitWidth)
        var result = [UInt](repeating: 0, count: a.count + limbShift + 1)
        if bitShift == 0 {
            for i in 0..<a.count { result[i + limbShift] = a[i] }
        } else {
            var carry: UInt = 0
            for i in 0..<a.count {
                result[i + limbShift] = (a[i] << bitShift) | carry
                carry = a[i] >> (UInt.bitWidth - bitShift)
            }
            result[a.count + limbShift] = carry
        }
        trim(&result)
        return result
    }

    /// ⌊a / 2^shift⌋ and whether any one bit was shifted out. O(n).
    static func shiftRight(_ a: [UInt], _ shift: Int) -> (result: [UInt], lostBits: Bool) {
        let (limbShift, bitShift) = shift.quotientAndRemainder(dividingBy: UInt.bitWidth)
        if limbShift >= a.count { return ([], !a.isEmpty) }
        var lost = false
        for i in 0..<limbShift where a[i] != 0 {
            lost = true
            break
        }
        let count = a.count - limbShift
        var result = [UInt](repeating: 0, count: count)
        if bitShift == 0 {
            for i in 0..<count { result[i] = a[i + limbShift] }
        } else {
            if a[limbShift] << (UInt.bitWidth - bitShift) != 0 { lost = true }
            for i in 0..<count {
                let high = i + limbShift + 1 < a.count ? a[i + limbShift + 1] << (UInt.bitWidth - bitShift) : 0
                result[i] = (a[i + limbShift] >> bitShift) | high
            }
        }
        trim(&result)
        return (result, lost)
    }

    /// Number of significant bits of a trimmed magnitude.
    static func bitWidth(_ a: [UInt]) -> Int {
        guard let last = a.last else { return 0 }
        return a.count * UInt.bitWidth - last.leadingZeroBitCount
    }

    /// Number of zero bits below the lowest one bit of a nonzero magnitude.
    static func trailingZeroBitCount(_ a: [UInt]) -> Int {
        var i = 0
        while a[i] == 0 { i += 1 }
        return i * UInt.bitWidth + a[i].trailingZeroBitCount
    }
}

extension Limbs {
    /// accumulator += (a × w) × 2^shift in place, for shift ≥ 0; grows the accumulator as needed
    /// and allocates nothing once it is large enough. O(n).
    static func addShiftedProduct(into accumulator: inout [UInt], _ a: [UInt], _ w: UInt, _ shift: Int) {
        let (limbShift, bitShift) = shift.quotientAndRemainder(dividingBy: UInt.bitWidth)
        // The product has a.count + 1 limbs, the shift may spill into one more; one spare limb
        // above both operands absorbs the final carry.
        let size = max(accumulator.count, a.count + limbShift + 2) + 1
        if accumulator.count < size {
            accumulator.append(contentsOf: repeatElement(0, count: size - accumulator.count))
        }
        accumulator.withUnsafeMutableBufferPointer { r in
            a.withUnsafeBufferPointer { x in
                var productCarry: UInt = 0
                var spill: UInt = 0
                var carry: UInt = 0
                var k = limbShift
                for i in 0...x.count {
                    let limb: UInt
                    if i < x.count {
                        let p = x[i].multipliedFullWidth(by: w)
                        let (low, o) = p.low.addingReportingOverflow(productCarry)
                        productCarry = p.high &+ (o ? 1 : 0)
                        limb = low
                    } else {
                        limb = productCarry
                    }
                    let shifted = bitShift == 0 ? limb : (limb << bitShift) | spill
                    spill = bitShift == 0 ? 0 : limb >> (UInt.bitWidth - bitShift)
                    let (s1, o1) = r[k].addingReportingOverflow(shifted)
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    r[k] = s2
                    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    k += 1
                }
                var pending = spill
                while pending != 0 || carry != 0 {
                    let (s1, o1) = r[k].addingReportingOverflow(pending)
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    r[k] = s2
                    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    pending = 0
                    k += 1
                }
            }
        }
    }
}
