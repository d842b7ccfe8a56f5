import ExactArithmetic

extension Real {
    /// The sign of the true value (−1, 0, 1) when the enclosure settles it, else `nil`.
    var certifiedSign: Int? {
        if let exact = exactValue { return exact.signum() }
        if lowerBound.signum() > 0 { return 1 }
        if upperBound.signum() < 0 { return -1 }
        return nil
    }
}

extension RealArithmetic {
    /// |x|, or `nil` when the sign of x is not settled.
    func magnitude(_ x: Real) -> Real? {
        guard let sign = x.certifiedSign else { return nil }
        return sign < 0 ? negate(x) : x
    }

    /// Multiplies by an exact rational.
    func scale(_ x: Real, by r: Rational) -> Real { multiply(x, .exact(r)) }
}
