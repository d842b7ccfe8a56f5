/// Karatsuba multiplication of long magnitudes: three half-size products instead of four.
/// Values near 10^−130000 (a saturated softmax) have ~7000-limb denominators; schoolbook
/// products of those dominated the run time.
extension Limbs {
    /// Below this many limbs in the shorter operand, schoolbook is faster (measured: 64 limbs
    /// multiply 45000-limb operands in 0.29 s, 40 in 0.48 s).
    static let karatsubaThreshold = 64

    /// a × b for a, b of at least `karatsubaThreshold` limbs.
    static func karatsuba(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        if 2 * short.count <= long.count {
            // Unbalanced: the longer operand in chunks of the shorter's length.
            var result = [UInt](repeating: 0, count: a.count + b.count)
            var offset = 0
            while offset < long.count {
                var chunk = Array(long[offset..<min(offset + short.count, long.count)])
                trim(&chunk)
                addShifted(into: &result, multiply(chunk, short), limbs: offset)
                offset += short.count
            }
            trim(&result)
            return result
        }
        let half = long.count / 2
        let (a0, a1) = split(a, at: half)
        let (b0, b1) = split(b, at: half)
        let low = multiply(a0, b0)
        let high = multiply(a1, b1)
        let middle = subtract(subtract(multiply(add(a0, a1), add(b0, b1)), low), high)
        var result = [UInt](repeating: 0, count: a.count + b.count + 1)
        addShifted(into: &result, low, limbs: 0)
        addShifted(into: &result, middle, limbs: half)
        addShifted(into: &result, high, limbs: 2 * half)
        trim(&result)
        return result
    }

    /// The low `index` limbs and the rest, each trimmed.
    private static func split(_ a: [UInt], at index: Int) -> ([UInt], [UInt]) {
        var low = Array(a[0..<min(index, a.count)])
        var high = index < a.count ? Array(a[index...]) : []
        trim(&low)
        trim(&high)
        return (low, high)
    }

    /// accumulator += x × 2^(64·limbs); the accumulator is long enough for the sum.
    static func addShifted(into accumulator: inout [UInt], _ x: [UInt], limbs offset: Int) {
        var carry: UInt = 0
        accumulator.withUnsafeMutableBufferPointer { r in
            x.withUnsafeBufferPointer { s in
                var i = 0
                while i < s.count || carry != 0 {
                    let (s1, o1) = r[offset + i].addingReportingOverflow(i < s.count ? s[i] : 0)
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    r[offset + i] = s2
                    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    i += 1
                }
            }
        }
    }
}
