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

    var formatted: FormattedDecimal {
        if scientific {
            let text = digits.description
            let head = String(text.prefix(1))
            let tail = text.dropFirst()
            return FormattedDecimal(negative: negative, significand: tail.isEmpty ? head : head + "." + tail,
                                    exponent: scale + text.count - 1, isExact: exact)
        }
        return FormattedDecimal(negative: negative,
                                significand: Rational.fixedText(digits: digits, fractionDigits: -scale, negative: false),
                                exponent: nil, isExact: exact)
    }

    /// Whether the shown magnitude digits × 10^scale falls in a scientific range.
    private static func isScientific(_ digits: BigInt, _ scale: Int, _ format: DecimalFormat) -> Bool {
        func compare(_ t: Rational) -> Int {
            let left = digits * BigInt.powerOfTen(max(scale, 0)) * t.denominator
            let right = t.numerator * BigInt.powerOfTen(max(-scale, 0))
            return BigInt.compare(left, right)
        }
        return format.scientificBelow.map { compare($0) < 0 } == true
            || format.scientificFrom.map { compare($0) >= 0 } == true
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
