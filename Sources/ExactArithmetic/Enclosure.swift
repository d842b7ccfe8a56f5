/// A closed interval [lower, upper] of dyadic numbers known to contain a real number.
///
/// Every operation rounds the lower endpoint down and the upper endpoint up, so the result
/// contains every value the operation can take on the operands' intervals.
struct Enclosure: Hashable, Sendable {
    var lower: Dyadic
    var upper: Dyadic

    init(lower: Dyadic, upper: Dyadic) {
        self.lower = lower
        self.upper = upper
    }

    init(point: Dyadic) {
        self.init(lower: point, upper: point)
    }

    static let one = Enclosure(point: .one)

    subscript(direction: RoundingDirection) -> Dyadic {
        direction == .down ? lower : upper
    }

    /// Rounded outward to `bits` bits.
    func rounded(_ bits: Int) -> Enclosure {
        Enclosure(lower: lower.rounded(bits, .down), upper: upper.rounded(bits, .up))
    }

    var isPoint: Bool { lower == upper }
    var isZeroPoint: Bool { lower.isZero && upper.isZero }
    var isPositive: Bool { lower.signum() > 0 }
    var isNegative: Bool { upper.signum() < 0 }
    var containsZero: Bool { !isPositive && !isNegative }

    /// The least t with |x| < 2^t for every x inside (Int.min for [0, 0]).
    var top: Int { max(lower.top, upper.top) }

    /// Whether the width is below 2^−20 of the magnitude, so that a single interval evaluation
    /// of a smooth function loses nothing to the dependency problem.
    var isNarrow: Bool {
        if isPoint { return true }
        if containsZero { return false }
        let width = Dyadic.add(upper, -lower, 8, .up)
        return width.top < top - 20
    }

    /// An upper bound on |x| for x inside.
    var magnitudeBound: Dyadic {
        max(-lower, upper)
    }

    static prefix func - (a: Enclosure) -> Enclosure {
        Enclosure(lower: -a.upper, upper: -a.lower)
    }

    func scaled(byPowerOfTwo k: Int) -> Enclosure {
        Enclosure(lower: lower.scaled(byPowerOfTwo: k), upper: upper.scaled(byPowerOfTwo: k))
    }

    /// [lower − r, upper + r].
    func widened(by r: Dyadic, _ bits: Int) -> Enclosure {
        Enclosure(lower: Dyadic.add(lower, -r, bits, .down), upper: Dyadic.add(upper, r, bits, .up))
    }

    static func add(_ a: Enclosure, _ b: Enclosure, _ bits: Int) -> Enclosure {
        Enclosure(lower: Dyadic.add(a.lower, b.lower, bits, .down),
                  upper: Dyadic.add(a.upper, b.upper, bits, .up))
    }

    static func subtract(_ a: Enclosure, _ b: Enclosure, _ bits: Int) -> Enclosure {
        add(a, -b, bits)
    }

    /// Interval product by sign cases: two endpoint products unless both operands contain 0.
    static func multiply(_ a: Enclosure, _ b: Enclosure, _ bits: Int) -> Enclosure {
        if a.isZeroPoint || b.isZeroPoint { return Enclosure(point: .zero) }
        if a.upper.signum() <= 0 { return -multiply(-a, b, bits) }
        if b.upper.signum() <= 0 { return -multiply(a, -b, bits) }
        // Now both upper endpoints are positive.
        func product(_ x: Dyadic, _ y: Dyadic, _ direction: RoundingDirection) -> Dyadic {
            Dyadic.multiply(x, y, bits, direction)
        }
        switch (a.lower.signum() >= 0, b.lower.signum() >= 0) {
        case (true, true):
            return Enclosure(lower: product(a.lower, b.lower, .down), upper: product(a.upper, b.upper, .up))
        case (true, false):
            return Enclosure(lower: product(a.upper, b.lower, .down), upper: product(a.upper, b.upper, .up))
        case (false, true):
            return Enclosure(lower: product(a.lower, b.upper, .down), upper: product(a.upper, b.upper, .up))
        case (false, false):
            return Enclosure(
                lower: min(product(a.lower, b.upper, .down), product(a.upper, b.lower, .down)),
                upper: max(product(a.lower, b.lower, .up), product(a.upper, b.upper, .up)))
        }
    }

    /// a / b, or nil when b contains zero.
    static func divide(_ a: Enclosure, _ b: Enclosure, _ bits: Int) -> Enclosure? {
        if b.containsZero { return nil }
        if b.isNegative { return divide(-a, -b, bits) }
        // b > 0: the quotient is increasing in a; the divisor endpoint depends on a's signs.
        let lowerDivisor = a.lower.signum() >= 0 ? b.upper : b.lower
        let upperDivisor = a.upper.signum() >= 0 ? b.lower : b.upper
        return Enclosure(lower: Dyadic.divide(a.lower, lowerDivisor, bits, .down),
                         upper: Dyadic.divide(a.upper, upperDivisor, bits, .up))
    }

    /// a / n for a positive integer n.
    func divided(by n: Int, _ bits: Int) -> Enclosure {
        let d = Dyadic(BigInt(n))
        return Enclosure(lower: Dyadic.divide(lower, d, bits, .down), upper: Dyadic.divide(upper, d, bits, .up))
    }
}
