/// An exact rational number, always in lowest terms with a positive denominator (zero is 0/1).
public struct Rational: Hashable, Sendable {
    public let numerator: BigInt
    public let denominator: BigInt

    /// numerator / denominator in lowest terms. Precondition: the denominator is nonzero.
    /// O(1) for word-sized parts, one GCD otherwise.
    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        var (n, d) = denominator.isNegative ? (-numerator, -denominator) : (numerator, denominator)
        if d != 1 {
            let g = BigInt.gcd(n, d)
            if g != 1 {
                n = n / g
                d = d / g
            }
        }
        self.init(reduced: n, d)
    }

    /// The integer v.
    public init(_ v: Int) {
        self.init(reduced: BigInt(v), 1)
    }

    /// Trusts the caller that the fraction is reduced and the denominator positive.
    init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Whether the value is zero.
    public var isZero: Bool { numerator.isZero }

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }

    /// −1, 0 or 1 according to the sign.
    public func signum() -> Int { numerator.signum() }

    /// The absolute value.
    public var magnitude: Rational {
        numerator.isNegative ? -self : self
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Rational: Comparable {
    /// Compares by cross-multiplication; O(1) for equal denominators.
    public static func < (a: Rational, b: Rational) -> Bool {
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        if a.signum() != b.signum() { return a.signum() < b.signum() }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }
}
