/// How to show a number in decimal: how many digits, and when to switch to scientific notation.
public struct DecimalFormat: Hashable, Sendable {
    public enum Precision: Hashable, Sendable {
        /// Round to this many significant digits (at least 1).
        case significantDigits(Int)
        /// Round to this many digits after the decimal point (at least 0); in scientific form,
        /// this many digits after the significand's point.
        case decimalPlaces(Int)
    }

    public var precision: Precision
    /// Scientific notation for 0 < |x| < scientificBelow; nil never switches for small values.
    public var scientificBelow: Rational?
    /// Scientific notation for |x| ≥ scientificFrom; nil never switches for large values.
    public var scientificFrom: Rational?

    /// In significant-digit mode the thresholds are compared with the rounded value (so 999999.7
    /// to 4 digits shows as "1.000e6" with the default thresholds); in decimal-places mode with
    /// the value itself.
    public init(_ precision: Precision, scientificBelow: Rational? = Rational(1, 10_000),
                scientificFrom: Rational? = Rational(1_000_000)) {
        switch precision {
        case .significantDigits(let n): precondition(n >= 1, "at least one significant digit")
        case .decimalPlaces(let k): precondition(k >= 0, "negative decimal places")
        }
        self.precision = precision
        self.scientificBelow = scientificBelow
        self.scientificFrom = scientificFrom
    }
}

/// A number as shown: sign, significand digits and an optional power of ten.
public struct FormattedDecimal: Hashable, Sendable {
    /// Whether a minus sign is shown (never for a shown zero such as "0.000").
    public let negative: Bool
    /// The digits with an optional decimal point: "0.5622", "8.497", "0.25", "1.000", "1200".
    public let significand: String
    /// The power of ten in scientific form (the significand is then in [1, 10)), else nil.
    public let exponent: Int?
    /// Whether the shown number equals the true value exactly.
    public let isExact: Bool

    public init(negative: Bool, significand: String, exponent: Int?, isExact: Bool) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
        self.isExact = isExact
    }

    /// Plain text: "-0.07944", "8.497e-10", "0.25".
    public var text: String {
        if !negative && exponent == nil { return significand }
        var text = negative ? "-" : ""
        text.reserveCapacity(significand.utf8.count + 8)
        text += significand
        if let exponent { text += "e" + String(exponent) }
        return text
    }
}

extension Rational {
    /// The exact value shown in the given format. An exact value whose decimal expansion fits in
    /// the requested digits is shown in full without padding ("0.25", "1", isExact true);
    /// otherwise it is rounded to nearest with ties away from zero and padded with trailing zeros
    /// ("0.3333", isExact false). Exactly 0 is "0". O(1) big-integer operations in the number
    /// of digits.
    public func formatted(_ format: DecimalFormat) -> FormattedDecimal {
        if isZero { return FormattedDecimal(negative: false, significand: "0", exponent: nil, isExact: true) }
        return DecimalRendering(magnitude, negative: signum() < 0, format, exactValue: true).formatted
    }
}
