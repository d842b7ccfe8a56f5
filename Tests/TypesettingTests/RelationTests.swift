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

    struct DecisionCase: Sendable, CustomTestStringConvertible {
        let lhs: Denotation
        let rhs: Denotation
        let expected: Relation
        let testDescription: String
    }

    static let decisions: [DecisionCase] = [
        .init(lhs: .trueQuantity(exactValue: nil), rhs: .trueQuantity(exactValue: nil), expected: .equals,
              testDescription: "symbolic = symbolic"),
        .init(lhs: .trueQuantity(exactValue: 0), rhs: .trueQuantity(exactValue: nil), expected: .equals,
              testDescription: "symbolic = symbolic, one value known"),
        .init(lhs: .trueQuantity(exactValue: 1), rhs: .trueQuantity(exactValue: 2), expected: .approximately,
              testDescription: "two different exact quantities are never equal"),
        .init(lhs: .trueQuantity(exactValue: Rational(1, 4)), rhs: .displayed(Rational(1, 4)), expected: .equals,
              testDescription: "exact quantity = its displayed value"),
        .init(lhs: .displayed(Rational(1, 4)), rhs: .trueQuantity(exactValue: Rational(1, 4)), expected: .equals,
              testDescription: "displayed value = exact quantity"),
        .init(lhs: .trueQuantity(exactValue: Rational(1, 3)), rhs: .displayed(rational("0.3333")), expected: .approximately,
              testDescription: "exact quantity ≈ rounded display"),
        .init(lhs: .trueQuantity(exactValue: nil), rhs: .displayed(rational("0.8997")), expected: .approximately,
              testDescription: "certified quantity ≈ any display"),
        .init(lhs: .displayed(rational("0.8997")), rhs: .displayed(rational("0.89970")), expected: .equals,
              testDescription: "equal displays"),
        .init(lhs: .displayed(rational("0.89976")), rhs: .displayed(rational("0.8997")), expected: .approximately,
              testDescription: "unequal displays"),
        .init(lhs: .approximation, rhs: .displayed(1), expected: .approximately, testDescription: "approximation ≈ display"),
        .init(lhs: .trueQuantity(exactValue: 1), rhs: .approximation, expected: .approximately,
              testDescription: "quantity ≈ approximation"),
        .init(lhs: .approximation, rhs: .approximation, expected: .approximately, testDescription: "approximations"),
    ]

    @Test(arguments: decisions)
    func decision(_ c: DecisionCase) {
        #expect(Relation.between(c.lhs, c.rhs) == c.expected)
    }

    struct ClassificationCase: Sendable, CustomTestStringConvertible {
        let expression: MathExpression
        let expected: Denotation
        let testDescription: String
    }

    static let classifications: [ClassificationCase] = [
        .init(expression: .sum(num("0.35"), rounded("0.4497"), num("0.1")), expected: .displayed(rational("0.8997")),
              testDescription: "sum of displays"),
        .init(expression: .cdot(num("0.8"), rounded("0.5622")), expected: .displayed(rational("0.44976")),
              testDescription: "product of displays"),
        .init(expression: .juxtapose(.frac(num("1"), num("2")), .power(.parentheses(rounded("-0.3494")), exponent: num("2"))),
              expected: .displayed(rational("0.06104018")), testDescription: "half a square"),
        .init(expression: .power(num("2"), exponent: num("-2")), expected: .displayed(Rational(1, 4)),
              testDescription: "negative power"),
        .init(expression: .fraction(num("1"), num("0"), .slash), expected: .trueQuantity(exactValue: 7),
              testDescription: "division by zero is not evaluated"),
        .init(expression: .fraction(.absoluteValue(num("-1")), .colored(.error, .boxed(num("4"))), .frac),
              expected: .displayed(Rational(1, 4)), testDescription: "absolute value, colour and box are transparent"),
        .init(expression: .negation(.hadamard([num("2"), num("3")])), expected: .displayed(-6),
              testDescription: "negated scalar Hadamard"),
        .init(expression: .number(NumberLiteral(exactly: Rational(1, 3))), expected: .displayed(Rational(1, 3)),
              testDescription: "exact fraction"),
        .init(expression: rounded("8.497e-10"), expected: .displayed(rational("8.497e-10")), testDescription: "scientific"),
        .init(expression: .cdot(.w(.number(1), 1, 1), .x(1)), expected: .trueQuantity(exactValue: 7), testDescription: "symbolic"),
        .init(expression: .cdot(rounded("0.5622"), .x(1)), expected: .approximation, testDescription: "symbol times rounded number"),
        .init(expression: .cdot(.tex("0.5622"), .x(1)), expected: .approximation,
              testDescription: "fixed TeX may hide rounded digits"),
        .init(expression: .column([num("1"), num("2")]), expected: .trueQuantity(exactValue: 7), testDescription: "matrix of exact numbers"),
    ]

    @Test(arguments: classifications)
    func classification(_ c: ClassificationCase) {
        #expect(Denotation.of(c.expression, exactValue: 7) == c.expected)
    }

    private func relations(of chain: MathExpression) -> [Relation] {
        guard case .chain(_, let steps) = chain else { return [] }
        return steps.map(\.relation)
    }
}
