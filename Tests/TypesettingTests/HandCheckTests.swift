import ExactArithmetic
import Testing
@testable import Typesetting

/// Issue 16: the per-step digit decision of `HandCheck`, and the rounding rule it shares with
/// the formatter (ties away from zero, as the notation section states).
@Suite struct HandCheckTests {
    let format = DecimalFormat(.significantDigits(4))

    /// A literal rounded from `value` in the document's format, with its origin.
    func shown(_ value: Rational) -> MathExpression {
        var literal = NumberLiteral(value.formatted(format))
        literal.origin = LiteralOrigin(value: .exact(value), format: format)
        return .number(literal)
    }

    /// A tie: the formatter, the hand-check rounding and the stated rule agree (away from zero;
    /// half to even would give 0.1234).
    @Test func tiesRoundAwayFromZero() {
        let tie = rational("0.12345")
        #expect(tie.formatted(format).text == "0.1235")
        #expect((Rational(0) - tie).formatted(format).text == "-0.1235")
        #expect(HandCheck.round(tie, places: 4) == rational("0.1235"))
        #expect(HandCheck.round(Rational(0) - tie, places: 4) == rational("-0.1235"))
        #expect(HandCheck.round(rational("125"), places: -1) == rational("130"))
        // A step whose exact value is a tie reproduces its result rounded by the formatter.
        let step: [MathExpression] = [.sum([.plus(num("0.1")), .plus(num("0.02345"))]), shown(tie)]
        #expect(HandCheck.unreproducibleSteps(step, activation: .sigma).isEmpty)
    }

    /// 1/7 + 1/7 + 1/7: by hand 0.1429 · 3 = 0.4287, but 3/7 rounds to 0.4286. The operands (one
    /// quantity, every occurrence) get one more digit, and nothing else changes.
    @Test func sumOfRoundedTermsGetsTheDigitsItNeeds() {
        let seventh = shown(Rational(1, 7))
        let members: [MathExpression] = [.sum([.plus(seventh), .plus(seventh), .plus(seventh)]), shown(Rational(3, 7))]
        #expect(HandCheck.unreproducibleSteps(members, activation: .sigma) == [1])
        let widened = HandCheck.widen(members, activation: .sigma)
        #expect(HandCheck.unreproducibleSteps(widened, activation: .sigma).isEmpty)
        #expect(defaultPrinter.tex(widened[0]) == "0.14286 + 0.14286 + 0.14286")
        #expect(defaultPrinter.tex(widened[1]) == "0.4286")
    }

    /// A vector operand is widened as a whole, so its entries keep one width.
    @Test func aVectorIsWidenedWhole() {
        let row = MathExpression.matrix([[num("1"), num("1"), num("1")]])
        let column = MathExpression.matrix([[shown(Rational(1, 7))], [shown(Rational(1, 7))], [shown(Rational(1, 2))]])
        let members: [MathExpression] = [.product([row, column], .juxtaposition), shown(Rational(11, 14))]
        let widened = HandCheck.widen(members, activation: .sigma)
        #expect(HandCheck.unreproducibleSteps(widened, activation: .sigma).isEmpty)
        #expect(defaultPrinter.tex(widened[0]).contains("0.14286 \\\\ 0.14286 \\\\ 0.5"))
    }

    /// Transcendental steps are decided from certified values: σ(0.6215) = 1/(1 + e^{−0.6215}).
    @Test func certifiedValuesOfShownFunctions() throws {
        let arithmetic = RealArithmetic(precision: 128)
        let value = try #require(MathExpression.frac(num("1"), .sum(num("1"), .apply(.exp, num("-0.6215")))).shownValue()?
            .certified(arithmetic))
        #expect(value.formatted(DecimalFormat(.significantDigits(6)))?.text == "0.650560")
        let derivative = try #require(MathExpression.apply(.activationDerivative(.sigma), num("0")).shownValue()?.certified(arithmetic))
        #expect(derivative.lowerBound <= Rational(1, 4) && Rational(1, 4) <= derivative.upperBound)
    }
}
