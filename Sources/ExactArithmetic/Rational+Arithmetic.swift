extension Rational {
    /// Sum in lowest terms (Henrici's method: GCDs of the smaller parts only).
    public static func + (a: Rational, b: Rational) -> Rational {
        if a.isZero { return b }
        if b.isZero { return a }
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        let g = BigInt.gcd(a.denominator, b.denominator)
        if g == 1 {
            return Rational(
                reduced: a.numerator * b.denominator + b.numerator * a.denominator,
                a.denominator * b.denominator)
        }
        let aScale = a.denominator / g
        let t = a.numerator * (b.denominator / g) + b.numerator * aScale
        let h = BigInt.gcd(t, g)
        if h == 1 { return Rational(reduced: t, aScale * b.denominator) }
        return Rational(reduced: t / h, aScale * (b.denominator / h))
    }

    public static func - (a: Rational, b: Rational) -> Rational {
        a + (-b)
    }

    /// Product in lowest terms (cross-cancellation before multiplying).
    public static func * (a: Rational, b: Rational) -> Rational {
        if a.isZero || b.isZero { return 0 }
        let g1 = BigInt.gcd(a.numerator, b.denominator)
        let g2 = BigInt.gcd(b.numerator, a.denominator)
        return Rational(
            reduced: (a.numerator / g1) * (b.numerator / g2),
            (a.denominator / g2) * (b.denominator / g1))
    }

    /// Quotient. Precondition: `b` is nonzero.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return a * b.reciprocal
    }

    public static prefix func - (a: Rational) -> Rational {
        Rational(reduced: -a.numerator, a.denominator)
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    /// 1 / self. Precondition: nonzero.
    var reciprocal: Rational {
        precondition(!isZero, "reciprocal of zero")
        return numerator.isNegative
            ? Rational(reduced: -denominator, -numerator)
            : Rational(reduced: denominator, numerator)
    }

    /// self × 2^k, exactly.
    func scaledByPowerOfTwo(_ k: Int) -> Rational {
        k >= 0 ? Rational(numerator << k, denominator) : Rational(numerator, denominator << -k)
    }
}
