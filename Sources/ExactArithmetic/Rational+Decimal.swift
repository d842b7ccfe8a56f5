extension Rational: CustomStringConvertible {
    /// Whether the value has a finite decimal expansion: the denominator has no prime factors
    /// other than 2 and 5.
    public var isFiniteDecimal: Bool {
        decimalScale != nil
    }

    /// The exact value: a finite decimal such as "0.25", "-3" or "0.000001" (never exponent
    /// form), otherwise "p/q" such as "-1/3".
    public var description: String {
        guard let (scale, places) = decimalScale else { return "\(numerator)/\(denominator)" }
        return Rational.fixedText(digits: (numerator * scale).magnitude, fractionDigits: places,
                                  negative: numerator.isNegative)
    }

    /// For a finite decimal n/d: the factor m and the count k with d × m = 10^k, k minimal.
    var decimalScale: (factor: BigInt, places: Int)? {
        var rest = denominator
        let twos = rest.trailingZeroBitCount
        rest = rest >> twos
        var fives = 0
        while rest != 1 {
            let (q, r) = rest.quotientAndRemainder(dividingBy: 5)
            guard r.isZero else { return nil }
            rest = q
            fives += 1
        }
        let places = max(twos, fives)
        return (BigInt(2).power(places - twos) * BigInt(5).power(places - fives), places)
    }

    /// The decimal text of digits × 10^−fractionDigits (digits ≥ 0), e.g. (25, 3) → "0.025",
    /// (12, −2) → "1200".
    static func fixedText(digits: BigInt, fractionDigits: Int, negative: Bool) -> String {
        var text: [UInt8] = []
        appendFixedText(digits: digits, fractionDigits: fractionDigits, negative: negative, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `fixedText` appended as ASCII bytes.
    static func appendFixedText(digits: BigInt, fractionDigits: Int, negative: Bool, to text: inout [UInt8]) {
        if negative { text.append(UInt8(ascii: "-")) }
        let start = text.count
        digits.appendDecimalDigits(to: &text)
        placePoint(in: &text, from: start, fractionDigits: fractionDigits, isZero: digits.isZero)
    }

    /// Turns the digits text[start...] of an integer d into the text of d × 10^−fractionDigits:
    /// a decimal point with leading zeros, or trailing zeros (none for d = 0).
    static func placePoint(in text: inout [UInt8], from start: Int, fractionDigits: Int, isZero: Bool) {
        if fractionDigits <= 0 {
            if !isZero { text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -fractionDigits)) }
            return
        }
        let count = text.count - start
        if count <= fractionDigits {
            text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: fractionDigits + 1 - count), at: start)
        }
        text.insert(UInt8(ascii: "."), at: text.count - fractionDigits)
    }
}
