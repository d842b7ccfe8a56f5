/// Why a text is not a rational number.
public enum RationalParseError: Error, Hashable, Sendable {
    /// Not a JSON-number decimal or a fraction of two of them.
    case invalidSyntax
    /// A fraction whose denominator is zero.
    case zeroDenominator
    /// A decimal exponent whose magnitude exceeds the allowed maximum.
    case exponentOutOfRange
}

extension Rational {
    /// Parses a JSON-number decimal ("5", "0.1", "-1.25e-3", "1E+2") or a fraction of two of
    /// them ("1/3", "-2/4", "0.5/3"; only the numerator may carry a sign). No spaces, no '+'
    /// sign, no leading zeros ("01"), no bare point (".5", "5.").
    ///
    /// The exponent is range-checked against `maxExponent` before any digits are converted, so
    /// hostile input such as "1e999999999" fails in time linear in its length.
    public static func parse(_ text: String, maxExponent: Int = 1000) throws(RationalParseError) -> Rational {
        let bytes = Substring(text).utf8[...]
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            return try parseDecimal(bytes, allowSign: true, maxExponent: maxExponent)
        }
        let numerator = try parseDecimal(bytes[..<slash], allowSign: true, maxExponent: maxExponent)
        let denominator = try parseDecimal(bytes[bytes.index(after: slash)...], allowSign: false,
                                           maxExponent: maxExponent)
        guard !denominator.isZero else { throw .zeroDenominator }
        return numerator / denominator
    }

    private static func parseDecimal(_ text: Substring.UTF8View.SubSequence, allowSign: Bool,
                                     maxExponent: Int) throws(RationalParseError) -> Rational {
        let bytes = Array(text)
        var i = 0
        func isDigit(_ k: Int) -> Bool {
            k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")
        }
        func skipDigits() -> Range<Int> {
            let start = i
            while isDigit(i) { i += 1 }
            return start..<i
        }
        let negative = allowSign && i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let integerDigits = skipDigits()
        guard !integerDigits.isEmpty,
              integerDigits.count == 1 || bytes[integerDigits.lowerBound] != UInt8(ascii: "0")
        else { throw .invalidSyntax }
        var fractionDigits = i..<i
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fractionDigits = skipDigits()
            guard !fractionDigits.isEmpty else { throw .invalidSyntax }
        }
        var exponentNegative = false
        var exponentDigits = i..<i
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            exponentDigits = skipDigits()
            guard !exponentDigits.isEmpty else { throw .invalidSyntax }
        }
        guard i == bytes.count else { throw .invalidSyntax }

        var exponent = 0
        for k in exponentDigits {
            exponent = exponent * 10 + Int(bytes[k] - UInt8(ascii: "0"))
            guard exponent <= maxExponent else { throw .exponentOutOfRange }
        }
        if exponentNegative { exponent = -exponent }

        let mantissa: BigInt
        if integerDigits.count + fractionDigits.count <= 18 {
            // Below 10¹⁸: the digits in one word, no limb array (most numbers of a spec).
            var m = 0
            for k in integerDigits { m = m * 10 + Int(bytes[k] - UInt8(ascii: "0")) }
            for k in fractionDigits { m = m * 10 + Int(bytes[k] - UInt8(ascii: "0")) }
            mantissa = BigInt(negative ? -m : m)
        } else {
            var digits = bytes[integerDigits]
            digits += bytes[fractionDigits]
            let magnitude = Limbs.parseDecimal(Substring(decoding: digits, as: UTF8.self).utf8[...])!
            mantissa = BigInt(negative: negative, magnitude: magnitude)
        }
        let scale = exponent - fractionDigits.count
        return scale >= 0
            ? Rational(reduced: mantissa * BigInt.powerOfTen(scale), 1)
            : Rational(mantissa, BigInt.powerOfTen(-scale))
    }
}
