import ExactArithmetic

extension RealArithmetic {
    /// |x|, or `nil` when the sign of x is not settled.
    func magnitude(_ x: Real) -> Real? {
        guard let sign = x.knownSignum else { return nil }
        return sign < 0 ? negate(x) : x
    }

    /// Multiplies by an exact rational.
    func scale(_ x: Real, by r: Rational) -> Real { multiply(x, .exact(r)) }
}
