extension Real {
    /// The correctly rounded digits of the true value, or nil when the enclosure is too wide to
    /// decide them (refine with more precision and try again).
    ///
    /// Rounding is monotone, so the digits are decided exactly when both endpoints of the
    /// enclosure render identically; then every point between them does too. An enclosure that
    /// touches or contains 0 gives nil. Enclosures render with trailing zeros ("0.2500") and
    /// isExact false; exact values render as `Rational.formatted`. A few µs for 30 digits.
    public func formatted(_ format: DecimalFormat) -> FormattedDecimal? {
        switch storage {
        case .exact(let r):
            return r.formatted(format)
        case .enclosure(let e):
            guard !e.containsZero, !e.lower.isZero, !e.upper.isZero else { return nil }
            let negative = e.isNegative
            if case .significantDigits(let n) = format.precision, let lower = WordDyadic(e.lower), let upper = WordDyadic(e.upper),
               let low = DecimalRendering.roundSignificant(words: lower, n),
               let high = DecimalRendering.roundSignificant(words: upper, n) {
                guard low == high else { return nil }
                return DecimalRendering.formatted(words: low.digits, scale: low.scale, digitCount: n, negative: negative, format)
            }
            if case .significantDigits(let n) = format.precision,
               let low = DecimalRendering.roundSignificant(mantissa: e.lower.mantissa.magnitude, exponent: e.lower.exponent, n),
               let high = DecimalRendering.roundSignificant(mantissa: e.upper.mantissa.magnitude, exponent: e.upper.exponent, n) {
                guard low == high else { return nil }
                return DecimalRendering(negative: negative, digits: low.0, scale: low.1, digitCount: n, format).formatted
            }
            let low = DecimalRendering(e.lower.rational.magnitude, negative: negative, format, exactValue: false)
            let high = DecimalRendering(e.upper.rational.magnitude, negative: negative, format, exactValue: false)
            return low == high ? low.formatted : nil
        }
    }

    /// The midpoint of the enclosure rendered with trailing zeros and isExact false: the fallback
    /// when refinement gives up. Exact values render as `Rational.formatted`.
    public func formattedMidpoint(_ format: DecimalFormat) -> FormattedDecimal {
        let m = midpoint
        if isExact || m.isZero { return m.formatted(format) }
        return DecimalRendering(m.magnitude, negative: m.signum() < 0, format, exactValue: false).formatted
    }
}

extension RealArithmetic {
    /// `x.formatted(format)`: correctly rounded digits of the true value, or nil when the
    /// enclosure is too wide to decide them.
    public func format(_ x: Real, _ format: DecimalFormat) -> FormattedDecimal? {
        x.formatted(format)
    }

    /// `x.formattedMidpoint(format)`: the fallback after refinement gives up.
    public func formatMidpoint(_ x: Real, _ format: DecimalFormat) -> FormattedDecimal {
        x.formattedMidpoint(format)
    }
}
