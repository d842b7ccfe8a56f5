import ExactArithmetic
import Testing
@testable import Typesetting

struct RelationTests {
    static let engine = RealArithmetic(precision: 200)
    static let four = DecimalFormat(.significantDigits(4))

    /// A number shown as the formatter shows `x` to four significant digits.
    static func shown(_ x: Real, role: Role = .plain) -> MathExpression {
        .number(NumberLiteral(x.formatted(four)!, role: role))
    }

    /// Seed 000's slip: z₁⁽²⁾ = 0.7·σ(0) + 0.8·σ(0.25) + 0.1 = 0.899741…, with the products
    /// rounded from their true values (0.449741… → 0.4497), not from rounded factors.
    @Test func seed000ForwardPassChain() {
        let e = Self.engine
        let a1 = e.sigmoid(.exact(0)), a2 = e.sigmoid(.exact(rational("0.25")))
        let p1 = e.multiply(.exact(rational("0.7")), a1), p2 = e.multiply(.exact(rational("0.8")), a2)
        let z = e.sum([p1, p2, .exact(rational("0.1"))])
        #expect(a1.exactValue == Rational(1, 2))
        #expect(z.exactValue == nil)

        let members: [MathExpression] = [
            .z(.number(2), 1),
            .sum(.cdot(num("0.7", role: .weight), Self.shown(a1, role: .activation)),
                 .cdot(num("0.8", role: .weight), Self.shown(a2, role: .activation)),
                 num("0.1", role: .weight)),
            .sum(Self.shown(p1), Self.shown(p2), num("0.1")),
            Self.shown(z),
        ]
        let chain = MathExpression.chain(members, trueValue: z, lineBreaks: [2])
        #expect(defaultPrinter.tex(chain) == """
            \\begin{aligned} z_{1}^{(2)} &\\approx \\wt{0.7} \\cdot \\act{0.5} + \\wt{0.8} \\cdot \\act{0.5622} + \\wt{0.1} \
            \\\\ &\\approx 0.35 + 0.4497 + 0.1 = 0.8997 \\end{aligned}
            """)
    }

    /// z₁⁽¹⁾ = 0.1·1 + 0.2·0.5 + 0.3·(−1) + 0.1 = 0.1 + 0.1 − 0.3 + 0.1 = 0: exact all the way.
    @Test func exactChainIsAllEquals() {
        let members: [MathExpression] = [
            .z(.number(1), 1),
            .sum(.cdot(num("0.1", role: .weight), num("1.0", role: .input)),
                 .cdot(num("0.2", role: .weight), num("0.5", role: .input)),
                 .cdot(num("0.3", role: .weight), num("-1.0", role: .input)),
                 num("0.1", role: .weight)),
            .sum(num("0.1"), num("0.1"), num("-0.3"), num("0.1")),
            num("0"),
        ]
        let chain = MathExpression.chain(members, exactValue: Rational(0))
        #expect(defaultPrinter.tex(chain) == """
            z_{1}^{(1)} = \\wt{0.1} \\cdot \\inp{1.0} + \\wt{0.2} \\cdot \\inp{0.5} + \\wt{0.3} \\cdot \\inp{(-1.0)} + \\wt{0.1} \
            = 0.1 + 0.1 - 0.3 + 0.1 = 0
            """)
    }

    /// σ(0.25) = 1/(1 + e^{−0.25}) ≈ 0.5622, and σ(0.8997) only approximates a₁⁽²⁾ because
    /// 0.8997 is itself rounded.
    @Test func functionsOfShownNumbers() {
        let a = Self.engine.sigmoid(.exact(rational("0.25")))
        let exactArgument: [MathExpression] = [
            .a(.number(1), 2), .activation(of: num("0.25")),
            .frac(num("1"), .sum(num("1"), .apply(.exp, num("-0.25")))), Self.shown(a),
        ]
        #expect(relations(of: .chain(exactArgument, trueValue: a)) == [.equals, .equals, .approximately])

        let roundedArgument: [MathExpression] = [.a(.number(2), 1), .activation(of: rounded("0.8997")), rounded("0.7109")]
        #expect(relations(of: .chain(roundedArgument, exactValue: nil)) == [.approximately, .approximately])

        let halfExactly: [MathExpression] = [.a(.number(1), 1), .activation(of: num("0")), num("0.5")]
        #expect(relations(of: .chain(halfExactly, exactValue: Rational(1, 2))) == [.equals, .equals])
    }

    /// σ(0.8997) is exactly 1/(1 + e^{−0.8997}): a definition applied to a shown number is `=`
    /// even when that number is rounded (issue 10, item 4).
    @Test func definitionAppliedToRoundedNumber() {
        let members: [MathExpression] = [
            .a(.number(2), 1), .activation(of: .z(.number(2), 1)), .activation(of: rounded("0.8997")),
            .frac(num("1"), .sum(num("1"), .apply(.exp, rounded("-0.8997")))), rounded("0.7109"),
        ]
        #expect(relations(of: .chain(members, exactValue: nil)) == [.equals, .approximately, .equals, .approximately])
    }

    /// A summarised vector of exact values is equal to the vector, ⋮ and all.
    @Test func summarisedExactVector() {
        let members: [MathExpression] = [.z(.number(1)), .column([num("0.1"), num("0.65"), .tex("\\vdots"), num("2")])]
        let truth = ChainTruth(entries: [[rational("0.1")], [rational("0.65")], [3], [4], [2]])
        #expect(Relation.chain(members, truth: truth) == [.equals])
    }

    /// (p₁, p₂) ⊙ (f₁, f₂) = (p₁·f₁, p₂·f₂) with rounded entries; the rounded result then ≈.
    @Test func hadamardExpansion() {
        let p = MathExpression.column([rounded("-0.02383"), rounded("-0.03177")])
        let f = MathExpression.column([rounded("0.2055"), rounded("0.1767")])
        let members: [MathExpression] = [
            .delta(.number(2)), .hadamard([p, f]),
            .column([.cdot(rounded("-0.02383"), rounded("0.2055")), .cdot(rounded("-0.03177"), rounded("0.1767"))]),
            .column([rounded("-0.004898"), rounded("-0.005615")]),
        ]
        let truth = ChainTruth(entries: [[nil], [nil]])
        #expect(Relation.chain(members, truth: truth) == [.approximately, .equals, .approximately])
    }

    /// −(0·ln 0.2 + 1·ln 0.5 + 0·ln 0.3) = −ln 0.5: the vanishing terms change nothing.
    @Test func crossEntropyZeroTerms() {
        func term(_ y: String, _ a: String) -> MathExpression { .cdot(num(y), .apply(.log, rounded(a))) }
        let members: [MathExpression] = [
            .loss, .negation(.parentheses(.sum(term("0", "0.2"), term("1", "0.5"), term("0", "0.3")))),
            .negation(.apply(.log, rounded("0.5"))), rounded("0.6931"),
        ]
        #expect(relations(of: .chain(members, exactValue: nil)) == [.approximately, .equals, .approximately])
    }

    /// b − η δ: 0 − 0.5·(−0.09238) = 0.04619 exactly, as displayed.
    @Test func sgdStepOfDisplayedNumbers() {
        let members: [MathExpression] = [
            .b(.number(1), 1), .difference(num("0"), .cdot(num("0.5"), rounded("-0.09238"))), rounded("0.04619"),
        ]
        #expect(relations(of: .chain(members, exactValue: nil)) == [.approximately, .equals])
    }

    /// Arrays: W x + b with the numbers is the column it evaluates to; shapes that do not
    /// match have no value.
    @Test func matrixArithmetic() {
        let w = MathExpression.matrix([[num("1"), num("-1")], [num("0.5"), rounded("0.25")]])
        let x = MathExpression.column([num("2"), num("3")])
        #expect(MathExpression.sum(.juxtapose(w, x), .column([num("1"), num("0")])).shownValue()
                == .matrix([[.rational(0)], [.rational(rational("1.75"))]]))
        #expect(MathExpression.juxtapose(x, w).shownValue() == nil)
        #expect(MathExpression.transpose(x).shownValue() == .matrix([[.rational(2), .rational(3)]]))
        #expect(MathExpression.matrix([[rounded("0.6215")]]).shownValue() == .rational(rational("0.6215")))
    }

    struct DecisionCase: Sendable, CustomTestStringConvertible {
        let lhs: Denotation
        let rhs: Denotation
        let truth: Rational?
        let expected: Relation
        let testDescription: String
    }

    static let symbolic = Denotation(shown: nil, isTrueQuantity: true)
    static func exactlyShown(_ r: Rational) -> Denotation { Denotation(shown: .rational(r), isTrueQuantity: true) }
    static func roundedShown(_ r: Rational) -> Denotation { Denotation(shown: .rational(r), isTrueQuantity: false) }
    static let mixed = Denotation(shown: nil, isTrueQuantity: false)

    static let decisions: [DecisionCase] = [
        .init(lhs: symbolic, rhs: symbolic, truth: nil, expected: .equals, testDescription: "symbolic = symbolic"),
        .init(lhs: symbolic, rhs: exactlyShown(Rational(1, 4)), truth: Rational(1, 4), expected: .equals,
              testDescription: "quantity = its exact display"),
        .init(lhs: symbolic, rhs: roundedShown(Rational(1, 4)), truth: Rational(1, 4), expected: .equals,
              testDescription: "quantity = digits that happen to be its exact value"),
        .init(lhs: roundedShown(Rational(1, 4)), rhs: symbolic, truth: Rational(1, 4), expected: .equals,
              testDescription: "digits that are the exact value = quantity"),
        .init(lhs: symbolic, rhs: roundedShown(rational("0.3333")), truth: Rational(1, 3), expected: .approximately,
              testDescription: "exact quantity ≈ rounded display"),
        .init(lhs: symbolic, rhs: roundedShown(rational("0.8997")), truth: nil, expected: .approximately,
              testDescription: "certified quantity ≈ any rounded display"),
        .init(lhs: roundedShown(rational("0.8997")), rhs: roundedShown(rational("0.89970")), truth: nil, expected: .equals,
              testDescription: "equal displays"),
        .init(lhs: roundedShown(rational("0.89976")), rhs: roundedShown(rational("0.8997")), truth: nil, expected: .approximately,
              testDescription: "unequal displays"),
        .init(lhs: mixed, rhs: roundedShown(1), truth: nil, expected: .approximately, testDescription: "symbol and rounded number ≈ display"),
        .init(lhs: symbolic, rhs: mixed, truth: 1, expected: .approximately, testDescription: "quantity ≈ symbol and rounded number"),
        .init(lhs: mixed, rhs: mixed, truth: nil, expected: .approximately, testDescription: "two mixed members"),
    ]

    @Test(arguments: decisions)
    func decision(_ c: DecisionCase) {
        #expect(Relation.between(c.lhs, c.rhs, truth: ChainTruth(exactValue: c.truth)) == c.expected)
    }

    struct ClassificationCase: Sendable, CustomTestStringConvertible {
        let expression: MathExpression
        let shown: ShownValue?
        let isTrueQuantity: Bool
        let testDescription: String
    }

    static let classifications: [ClassificationCase] = [
        .init(expression: .sum(num("0.35"), rounded("0.4497"), num("0.1")), shown: .rational(rational("0.8997")),
              isTrueQuantity: false, testDescription: "sum of displays"),
        .init(expression: .cdot(num("0.8"), rounded("0.5622")), shown: .rational(rational("0.44976")),
              isTrueQuantity: false, testDescription: "product of displays"),
        .init(expression: .juxtapose(.frac(num("1"), num("2")), .power(.parentheses(rounded("-0.3494")), exponent: num("2"))),
              shown: .rational(rational("0.06104018")), isTrueQuantity: false, testDescription: "half a square"),
        .init(expression: .power(num("2"), exponent: num("-2")), shown: .rational(Rational(1, 4)), isTrueQuantity: true,
              testDescription: "negative power"),
        .init(expression: .fraction(num("1"), num("0"), .slash), shown: nil, isTrueQuantity: true,
              testDescription: "division by zero is not evaluated"),
        .init(expression: .fraction(.absoluteValue(num("-1")), .colored(.error, .boxed(num("4"))), .frac),
              shown: .rational(Rational(1, 4)), isTrueQuantity: true, testDescription: "absolute value, colour and box are transparent"),
        .init(expression: .negation(.hadamard([num("2"), num("3")])), shown: .rational(-6), isTrueQuantity: true,
              testDescription: "negated scalar Hadamard"),
        .init(expression: .number(NumberLiteral(exactly: Rational(1, 3))), shown: .rational(Rational(1, 3)), isTrueQuantity: true,
              testDescription: "exact fraction"),
        .init(expression: rounded("8.497e-10"), shown: .rational(rational("8.497e-10")), isTrueQuantity: false, testDescription: "scientific"),
        .init(expression: .cdot(.w(.number(1), 1, 1), .x(1)), shown: nil, isTrueQuantity: true, testDescription: "symbolic"),
        .init(expression: .cdot(rounded("0.5622"), .x(1)), shown: nil, isTrueQuantity: false, testDescription: "symbol times rounded number"),
        .init(expression: .cdot(.tex("0.5622"), .x(1)), shown: nil, isTrueQuantity: false,
              testDescription: "fixed TeX may hide rounded digits"),
        .init(expression: .column([num("1"), .tex("\\vdots"), num("2")]),
              shown: .matrix([[.rational(1)], [.elided], [.rational(2)]]), isTrueQuantity: true,
              testDescription: "summarised column of exact numbers"),
        .init(expression: .activation(of: num("0")), shown: .rational(Rational(1, 2)), isTrueQuantity: true,
              testDescription: "σ(0) = 1/2"),
        .init(expression: .apply(.activation(.relu), num("-2")), shown: .rational(0), isTrueQuantity: true,
              testDescription: "ReLU of a negative number"),
        .init(expression: .apply(.log, num("1")), shown: .rational(0), isTrueQuantity: true, testDescription: "ln 1 = 0"),
    ]

    @Test(arguments: classifications)
    func classification(_ c: ClassificationCase) {
        let denotation = Denotation.of(c.expression)
        #expect(denotation.shown == c.shown)
        #expect(denotation.isTrueQuantity == c.isTrueQuantity)
    }

    private func relations(of chain: MathExpression) -> [Relation] {
        guard case .chain(_, let steps) = chain else { return [] }
        return steps.map(\.relation)
    }
}
