/// The decimal digits shown for a nonzero rational: digits × 10^scale, in fixed or scientific
/// form. Two values render equally exactly when they show the same text.
struct DecimalRendering: Equatable {
    var negative: Bool
    var digits: BigInt
    var scale: Int
    var scientific: Bool
    /// Whether the shown number equals the rendered value (only tracked for exact values).
    var exact: Bool

    /// Renders a positive value v. For an exact value, a decimal expansion that fits the digits
    /// is kept short; otherwise the digits are rounded to nearest, ties away from zero, and padded.
    init(_ v: Rational, negative: Bool, _ format: DecimalFormat, exactValue: Bool) {
        self.negative = negative
        switch format.precision {
        case .significantDigits(let n):
            (digits, scale, exact) = DecimalRendering.roundSignificant(v, n, exactValue)
            scientific = DecimalRendering.isScientific(digits, scale, format)
        case .decimalPlaces(let k):
            let magnitude = v
            scientific = format.scientificBelow.map { magnitude < $0 } == true
                || format.scientificFrom.map { magnitude >= $0 } == true
            if scientific {
                (digits, scale, exact) = DecimalRendering.roundSignificant(v, k + 1, exactValue)
            } else {
                (digits, scale, exact) = DecimalRendering.roundFixed(v, k, exactValue)
                if digits.isZero { self.negative = false }
            }
        }
        if !exactValue { exact = false }
    }

    /// The rendering of digits × 10^scale, not exact, when digits has `digitCount` digits
    /// (rounded by `roundSignificant(mantissa:exponent:_:)`).
    init(negative: Bool, digits: BigInt, scale: Int, digitCount: Int, _ format: DecimalFormat) {
        self.negative = negative
        self.digits = digits
        self.scale = scale
        self.exact = false
        scientific = DecimalRendering.isScientific(digits, scale, format, digitCount: digitCount)
    }

    /// n significant digits (digits, scale) of a positive m × 2^e, rounded to nearest with ties
    /// away from zero, or nil when the value is at least 10^n: ⌊m × 10^k × 2^e⌋, rounded up when
    /// the first bit shifted out is set. The same digits as the rational path with exactValue
    /// false, by a multiplication and a shift instead of rational arithmetic; values ≥ 10^n need
    /// a division and take the rational path.
    static func roundSignificant(mantissa m: BigInt, exponent e: Int, _ n: Int) -> (BigInt, Int)? {
        // An estimate of ⌊log₁₀ v⌋, off by one at most near powers of ten; corrected below.
        var leading = Int(((m.approximateLog2 + Double(e)) * 0.30102999566398120).rounded(.down))
        let lowest = BigInt.powerOfTen(n - 1)
        let highest = BigInt.powerOfTen(n)
        while true {
            let k = n - 1 - leading
            guard k >= 0 else { return nil }
            let scaled = m * BigInt.powerOfTen(k)
            let q = scaled << e
            if q >= highest { leading += 1; continue }
            if q < lowest { leading -= 1; continue }
            let roundsUp = e < 0 && scaled.bit(-e - 1)
            if !roundsUp { return (q, -k) }
            let rounded = q + 1
            return rounded == highest ? (lowest, 1 - k) : (rounded, -k)
        }
    }

    var formatted: FormattedDecimal {
        var text: [UInt8] = []
        text.reserveCapacity(digits.magnitudeBitWidth * 3 / 10 + max(-scale, 0) + 4)
        digits.appendDecimalDigits(to: &text)
        return DecimalRendering.formatted(digitText: text, isZero: digits.isZero, scale: scale, scientific: scientific,
                                          negative: negative, exact: exact)
    }

    /// The number shown for the decimal digits `text` (of a value that is zero when `isZero`)
    /// × 10^scale, in scientific or fixed form.
    static func formatted(digitText text: [UInt8], isZero: Bool, scale: Int, scientific: Bool, negative: Bool,
                          exact: Bool) -> FormattedDecimal {
        var text = text
        if scientific {
            let exponent = scale + text.count - 1
            if text.count > 1 { text.insert(UInt8(ascii: "."), at: 1) }
            return FormattedDecimal(negative: negative, significand: String(decoding: text, as: UTF8.self),
                                    exponent: exponent, isExact: exact)
        }
        Rational.placePoint(in: &text, from: 0, fractionDigits: -scale, isZero: isZero)
        return FormattedDecimal(negative: negative, significand: String(decoding: text, as: UTF8.self),
                                exponent: nil, isExact: exact)
    }

    /// Whether the shown magnitude digits × 10^scale falls in a scientific range.
    /// `digitCount`, when given, is the number of digits of `digits`.
    static func isScientific(_ digits: @autoclosure () -> BigInt, _ scale: Int, _ format: DecimalFormat, digitCount: Int? = nil) -> Bool {
        guard format.scientificBelow != nil || format.scientificFrom != nil else { return false }
        // The shown value lies in [10^E, 10^(E+1)).
        let decimalExponent = scale + (digitCount ?? digits().decimalDigitCount) - 1
        func isBelow(_ t: Rational) -> Bool {
            if let below = DecimalRendering.estimateIsBelow(decimalExponent: decimalExponent, t) { return below }
            let left = digits() * BigInt.powerOfTen(max(scale, 0)) * t.denominator
            let right = t.numerator * BigInt.powerOfTen(max(-scale, 0))
            return left < right
        }
        return format.scientificBelow.map(isBelow) == true
            || format.scientificFrom.map { !isBelow($0) } == true
    }

    /// Whether every value in [10^e, 10^(e+1)) is below t, or none is; nil when t lies inside
    /// that range and is not 10^e. Decided from bit widths, or for a power of ten t = 10^j by
    /// comparing e with j, without big-integer arithmetic.
    private static func estimateIsBelow(decimalExponent e: Int, _ t: Rational) -> Bool? {
        guard t.signum() > 0 else { return false }
        // t lies in (2^(b − 1), 2^(b + 1)) for b the difference of the bit widths.
        let b = t.numerator.magnitudeBitWidth - t.denominator.magnitudeBitWidth
        let log2Of10 = 3.321928094887362
        if Double(e + 1) * log2Of10 <= Double(b - 1) - 0.01 { return true }
        if Double(e) * log2Of10 >= Double(b + 1) + 0.01 { return false }
        if t.numerator == 1, let j = t.denominator.decimalPowerExponent { return e < -j }
        if t.denominator == 1, let j = t.numerator.decimalPowerExponent { return e < j }
        return nil
    }

    /// ⌊v × 10^k⌋, the remainder and the divisor it is a remainder of; shifts instead of dividing
    /// when the divisor is a power of two (dyadic enclosure endpoints).
    private static func scaledFloor(_ v: Rational, _ k: Int) -> (BigInt, BigInt, BigInt) {
        let (n, d) = k >= 0
            ? (v.numerator * BigInt.powerOfTen(k), v.denominator)
            : (v.numerator, v.denominator * BigInt.powerOfTen(-k))
        if d.isPowerOfTwoMagnitude {
            let shift = d.trailingZeroBitCount
            let q = n >> shift
            return (q, n - (q << shift), d)
        }
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        return (q, r, d)
    }

    /// Rounds q + r/d to nearest, ties away from zero.
    private static func roundHalfAway(_ q: BigInt, _ r: BigInt, _ d: BigInt) -> BigInt {
        (r << 1) >= d ? q + 1 : q
    }

    /// Drops trailing zero digits while scale < limit.
    private static func stripZeros(_ digits: BigInt, _ scale: Int, limit: Int) -> (BigInt, Int) {
        var (digits, scale) = (digits, scale)
        while scale < limit {
            let (q, r) = digits.quotientAndRemainder(dividingBy: 10)
            guard r.isZero, !digits.isZero else { break }
            (digits, scale) = (q, scale + 1)
        }
        return (digits, scale)
    }

    /// n significant digits of a positive v: (digits, scale, exact).
    private static func roundSignificant(_ v: Rational, _ n: Int, _ exactValue: Bool) -> (BigInt, Int, Bool) {
        let bitDifference = v.numerator.magnitudeBitWidth - v.denominator.magnitudeBitWidth
        // An estimate within 1 of ⌊log₁₀ v⌋, corrected by the loop below.
        var leading = Int(Double(bitDifference) * 0.301029995663981195)
        let lowest = BigInt.powerOfTen(n - 1)
        let highest = BigInt.powerOfTen(n)
        while true {
            let k = n - 1 - leading
            let (q, r, d) = scaledFloor(v, k)
            if q >= highest { leading += 1; continue }
            if q < lowest { leading -= 1; continue }
            if exactValue && r.isZero {
                let (digits, scale) = stripZeros(q, -k, limit: .max)
                return (digits, scale, true)
            }
            let rounded = roundHalfAway(q, r, d)
            return rounded == highest ? (lowest, 1 - k, false) : (rounded, -k, false)
        }
    }

    /// A positive v rounded to k decimal places: (digits, scale, exact).
    private static func roundFixed(_ v: Rational, _ k: Int, _ exactValue: Bool) -> (BigInt, Int, Bool) {
        let (q, r, d) = scaledFloor(v, k)
        if exactValue && r.isZero {
            let (digits, scale) = stripZeros(q, -k, limit: 0)
            return (digits, scale, true)
        }
        return (roundHalfAway(q, r, d), -k, false)
    }
}
