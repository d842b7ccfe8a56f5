extension RealArithmetic {
    /// `x` itself, unless it is an exact rational whose numerator or denominator has more
    /// than `bits` bits: then its enclosure at the working precision.
    ///
    /// Iterated exact arithmetic (many gradient-descent steps on a ReLU or linear network)
    /// multiplies the size of exact values at every step; bounding them keeps each step's
    /// cost flat at the price of the exactness flag, which is then honestly lost.
    public func bounded(_ x: Real, bits: Int) -> Real {
        guard let r = x.exactValue,
              r.numerator.magnitudeBitWidth > bits || r.denominator.magnitudeBitWidth > bits
        else { return x }
        return Real(enclosure: enclosure(x))
    }
}
