import ExactArithmetic

/// Issue 16: a step whose result is one printed number is *hand-checkable* when evaluating its
/// printed operands exactly and rounding to the digits the result shows (half away from zero,
/// the rule the notation section states) gives the printed result. Everything here reads the
/// printed TeX alone, with its own rounding; nothing comes from the engine or the typesetting.
enum PrintedHandCheck {
    /// The result of a step when it is one printed number: its value and how many decimal
    /// places it shows (places of the significand minus the power of ten; negative for
    /// `1.2 \times 10^{3}`). Nil for arrays, expressions and symbols.
    static func result(_ term: PrintedTerm) -> (value: Rational, places: Int)? {
        switch term {
        case .number(let n):
            guard n.text != "e" else { return nil }
            return (n.value, places(n.text))
        case .sum(let terms) where terms.count == 1 && !terms[0].plus:
            return result(terms[0].term).map { (Rational(0) - $0.value, $0.places) }
        case .product(let factors) where factors.count == 2:
            // 8.497 \times 10^{-10}
            guard case .number(let n) = factors[0], case .power(.number(let ten), let exponent) = factors[1], ten.text == "10",
                  let k = integer(exponent) else { return nil }
            let scale = k >= 0 ? Rational(BigInt(10).power(k)) : Rational(1) / Rational(BigInt(10).power(-k))
            return (n.value * scale, places(n.text) - k)
        default:
            return nil
        }
    }

    private static func places(_ text: String) -> Int {
        text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
    }

    private static func integer(_ term: PrintedTerm) -> Int? {
        switch term {
        case .number(let n): return Int(n.text)
        case .sum(let terms) where terms.count == 1 && !terms[0].plus: return integer(terms[0].term).map { -$0 }
        default: return nil
        }
    }

    /// `v` rounded to `places` decimal places, ties away from zero.
    static func round(_ v: Rational, places: Int) -> Rational {
        let scale = places >= 0 ? Rational(BigInt(10).power(places)) : Rational(1) / Rational(BigInt(10).power(-places))
        let scaled = (v * scale).magnitude
        // floor(|v|·10^p + 1/2)
        let shifted = scaled + Rational(1, 2)
        let n = shifted.numerator / shifted.denominator
        let rounded = Rational(n) / scale
        return v.signum() < 0 ? Rational(0) - rounded : rounded
    }

    /// Whether the printed operands `lhs` (evaluated from the printed digits) round to the
    /// printed `result`; nil when the evaluation cannot decide (an enclosure straddling a
    /// rounding boundary: a near-tie at double precision).
    static func reproduces(_ lhs: Enclosure, _ result: (value: Rational, places: Int)) -> Bool? {
        if let exact = lhs.exact { return round(exact, places: result.places) == result.value }
        guard let lo = Rational(exactly: lhs.lo), let hi = Rational(exactly: lhs.hi) else { return nil }
        let a = round(lo, places: result.places), b = round(hi, places: result.places)
        guard a == b else { return nil }
        return a == result.value
    }

    /// The decimal digits of every number printed in the equation chains of `formulas`
    /// (exponents of ten included; formulas without a relation, such as the notation
    /// section's rounding example, left out): the measure of the digits the mode adds.
    static func digitCount(_ formulas: [String]) -> Int {
        var count = 0
        for formula in formulas {
            let chains: [PrintedChain] = PrintedChains.chains(in: formula)
            guard !chains.isEmpty else { continue }
            for token in TeXMathParser.tokens(formula) {
                if case .number(let text) = token { count += text.filter(\.isNumber).count }
            }
        }
        return count
    }
}
