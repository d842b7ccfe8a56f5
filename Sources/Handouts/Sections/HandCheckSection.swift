import Documents
import ExactArithmetic
import Typesetting

/// What the notation section says about rounding (`{{handCheck.…}}`): the rule, with a tie
/// rounded by the handout's own formatter (so the example is what the tool does, at the
/// handout's precision), and in hand-checkable mode that every step can be redone with a calculator.
enum HandCheckSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        SectionOutput(values: values(d))
    }

    /// The values, also given to the answer key (`exercises/solutions`): the rounding rule's
    /// example always (every handout states the rule), `enabled` in hand-checkable mode.
    static func values(_ d: Derivation) -> [String: MustacheValue] {
        let tie = tieExample(d.display.format)
        return [
            "enabled": .bool(d.options.handCheckable),
            // Read after every chain is built (the generators ask again at the end).
            "allReproducible": .bool(d.handCheckLedger.unreproducible == 0),
            "unreproducible": .number(String(d.handCheckLedger.unreproducible)),
            "unreproducibleSteps": .string(d.handCheckLedger.unreproducible == 1 ? "step" : "steps"),
            "digitCap": .number(String(HandCheck.cancellationCap)),
            "tie": .string(d.display.tex(.number(NumberLiteral(exactly: tie)))),
            "tieShown": .string(d.display.tex(.number(NumberLiteral(tie.formatted(d.display.format))))),
            "negativeTie": .string(d.display.tex(.number(NumberLiteral(exactly: Rational(0) - tie)))),
            "negativeTieShown": .string(d.display.tex(.number(NumberLiteral((Rational(0) - tie).formatted(d.display.format))))),
        ]
    }

    /// A value exactly halfway between two numbers the handout's format shows: the digits
    /// 1, 2, 3, … to its precision, then a 5 (0.12345 at four significant digits).
    static func tieExample(_ format: DecimalFormat) -> Rational {
        let shown: Int
        switch format.precision {
        case .significantDigits(let n): shown = n
        case .decimalPlaces(let k): shown = k
        }
        let digits = (0..<shown).map { String(($0 % 9) + 1) }.joined() + "5"
        return try! Rational.parse("0." + digits)
    }
}
