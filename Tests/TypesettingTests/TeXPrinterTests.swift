import ExactArithmetic
import Testing
@testable import Typesetting

struct TeXPrinterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let expression: MathExpression
        let tex: String
        var testDescription: String { tex }
        init(_ expression: MathExpression, _ tex: String) {
            self.expression = expression
            self.tex = tex
        }
    }

    // MARK: Roles

    @Test(arguments: [
        (Role.input, "\\inp{1.0}"), (.weight, "\\wt{1.0}"), (.activation, "\\act{1.0}"),
        (.error, "\\err{1.0}"), (.plain, "1.0"),
    ])
    func rolesBecomeMacros(_ role: Role, _ expected: String) {
        #expect(defaultPrinter.tex(num("1.0", role: role)) == expected)
    }

    static let roleCases: [Case] = [
        // Symbols take the colour code's role by default.
        Case(.w(.number(1), 1, 1), "\\wt{w_{1,1}^{(1)}}"),
        Case(.b(.number(1)), "\\wt{\\mathbf{b}^{(1)}}"),
        Case(.a(.number(2), 1), "\\act{a_{1}^{(2)}}"),
        Case(.delta(.number(3)), "\\err{\\boldsymbol{\\delta}^{(3)}}"),
        Case(.x(1), "\\inp{x_{1}}"),
        Case(.z(.number(1), 1), "z_{1}^{(1)}"),
        // A coloured subtree is wrapped once; leaves inside keep no macro of their own.
        Case(.colored(.error, .chain(.delta(.number(3)), [ChainStep(.equals, rounded("-0.0794", role: .error))])),
             "\\err{\\boldsymbol{\\delta}^{(3)} = -0.0794}"),
        Case(.lossGradient(withRespectTo: .w(.number(1), 1, 1)),
             "\\err{\\frac{\\partial \\mathcal{L}}{\\partial w_{1,1}^{(1)}}}"),
        // The plain wrapper silences roles inside.
        Case(.colored(.plain, .cdot(num("0.1", role: .weight), num("1.0", role: .input))), "0.1 \\cdot 1.0"),
        // A matrix whose entries share a role is coloured as a whole.
        Case(.column([num("0.5", role: .activation), rounded("0.5622", role: .activation)]),
             "\\act{\\begin{pmatrix} 0.5 \\\\ 0.5622 \\end{pmatrix}}"),
        Case(.matrix([[num("0.1", role: .weight), num("0.2")]]),
             "\\begin{pmatrix} \\wt{0.1} & 0.2 \\end{pmatrix}"),
        // A transposed or squared coloured symbol is coloured with its superscript.
        Case(.transpose(.w(.number(3))), "\\wt{(\\mathbf{W}^{(3)})^{\\top}}"),
        // A parenthesised coloured number keeps the parentheses inside the macro (seed 001).
        Case(.cdot(num("0.3", role: .weight), num("-1.0", role: .input)), "\\wt{0.3} \\cdot \\inp{(-1.0)}"),
    ]

    @Test(arguments: roleCases)
    func colour(_ c: Case) {
        #expect(defaultPrinter.tex(c.expression) == c.tex)
    }

    // MARK: Numbers

    static let numberCases: [Case] = [
        Case(rounded("0.5622"), "0.5622"),
        Case(rounded("-0.0794"), "-0.0794"),
        Case(rounded("8.497e-10"), "8.497 \\times 10^{-10}"),
        Case(rounded("-2.125e-3"), "-2.125 \\times 10^{-3}"),
        Case(rounded("1.000e6"), "1.000 \\times 10^{6}"),
        Case(.number(NumberLiteral(exactly: Rational(1, 4))), "0.25"),
        Case(.number(NumberLiteral(exactly: Rational(-1, 3))), "-\\frac{1}{3}"),
        Case(.number(NumberLiteral(exactly: Rational(7))), "7"),
        Case(.number(NumberLiteral(exactly: Rational(0))), "0"),
    ]

    @Test(arguments: numberCases)
    func numbers(_ c: Case) {
        #expect(defaultPrinter.tex(c.expression) == c.tex)
    }

    @Test func literalFromTheFormatterKeepsDigitsAndValue() {
        let shown = Rational(1, 3).formatted(DecimalFormat(.significantDigits(4)))
        let lit = NumberLiteral(shown, role: .activation)
        #expect(defaultPrinter.tex(.number(lit)) == "\\act{0.3333}")
        #expect(lit.value == rational("0.3333"))
        #expect(!lit.isExact)

        let tiny = Rational(-8497, 10_000_000_000_000).formatted(DecimalFormat(.significantDigits(4)))
        #expect(defaultPrinter.tex(.number(NumberLiteral(tiny))) == "-8.497 \\times 10^{-10}")
        #expect(NumberLiteral(tiny).value == rational("-8.497e-10"))
        #expect(NumberLiteral(tiny).isExact)
    }

    @Test func wrappedSumStartsAnAlignedLineEveryPerLineTerms() {
        let terms = ["0.1", "-0.2", "0.3", "0.4", "-0.5"].map { Term.plus(num($0)) }
        #expect(defaultPrinter.tex(.wrappedSum(terms, perLine: 2))
            == "0.1 - 0.2 \\\\ &\\qquad + 0.3 + 0.4 \\\\ &\\qquad -0.5")
        // A sum that fits one line is the plain sum; the breaks do not change its value.
        #expect(defaultPrinter.tex(.wrappedSum(Array(terms.prefix(4)))) == defaultPrinter.tex(.sum(Array(terms.prefix(4)))))
        #expect(MathExpression.wrappedSum(terms, perLine: 2).displayedValue == MathExpression.sum(terms).displayedValue)
    }

    @Test func negatingZeroShowsNoSign() {
        #expect(literal("0.000").negated.negative == false)
        #expect(literal("-0.5").negated.value == rational("0.5"))
    }

    // MARK: Parentheses

    static let parenthesisationCases: [Case] = [
        // Negative numbers: free in front, parenthesised after an operator.
        Case(.cdot(num("0.3"), num("-1")), "0.3 \\cdot (-1)"),
        Case(.cdot(num("-1"), num("0.3")), "-1 \\cdot 0.3"),
        Case(.hadamard([num("-1"), num("-2")]), "-1 \\hadamard (-2)"),
        // A negative term of a sum is subtraction; a subtracted negative keeps its parentheses.
        Case(.sum(num("0.1"), num("0.1"), num("-0.3"), num("0.1")), "0.1 + 0.1 - 0.3 + 0.1"),
        Case(.sum(num("-0.3"), num("0.1")), "-0.3 + 0.1"),
        Case(.difference(rounded("0.6506"), num("-1.0")), "0.6506 - (-1.0)"),
        Case(.sum(num("0.1"), .cdot(num("-0.3"), num("2"))), "0.1 - 0.3 \\cdot 2"),
        Case(.sum(num("0.1"), .negation(.x(1, role: .plain))), "0.1 - x_{1}"),
        Case(.sum(num("1"), .colored(.error, rounded("-0.0794"))), "1 - \\err{0.0794}"),
        // Sums nest without parentheses after +, with them after -.
        Case(.sum(num("1"), .sum(num("2"), num("-3"))), "1 + 2 - 3"),
        Case(.difference(num("1"), .sum(num("2"), num("3"))), "1 - (2 + 3)"),
        Case(.difference(num("1"), .cdot(num("2"), num("3"))), "1 - 2 \\cdot 3"),
        // Products of sums are parenthesised; products nest freely.
        Case(.cdot(.difference(rounded("0.6506"), num("1.0")), rounded("0.2273")), "(0.6506 - 1.0) \\cdot 0.2273"),
        Case(.juxtapose(rounded("0.5622"), .difference(num("1"), rounded("0.5622"))), "0.5622 (1 - 0.5622)"),
        Case(.cdot(num("2"), .times(num("3"), num("4"))), "2 \\cdot 3 \\times 4"),
        Case(.juxtapose(.x(1, role: .plain), num("2")), "x_{1} \\cdot 2"),
        Case(.juxtapose(num("2"), .x(1, role: .plain)), "2 x_{1}"),
        // Scientific numbers: products, so safe as factors but not as bases.
        Case(.cdot(num("0.5"), rounded("8.497e-10")), "0.5 \\cdot 8.497 \\times 10^{-10}"),
        Case(.power(rounded("8.497e-10"), exponent: num("2")), "(8.497 \\times 10^{-10})^{2}"),
        Case(.sum(num("1"), rounded("-8.497e-10")), "1 - 8.497 \\times 10^{-10}"),
        // Powers: signed, scientific, fractional, superscripted and compound bases get parentheses.
        Case(.power(num("0.5"), exponent: num("2")), "0.5^{2}"),
        Case(.power(rounded("-0.3494"), exponent: num("2")), "(-0.3494)^{2}"),
        Case(.power(.a(.number(3), role: .plain), exponent: num("2")), "(\\mathbf{a}^{(3)})^{2}"),
        Case(.power(.x(1, role: .plain), exponent: num("2")), "x_{1}^{2}"),
        Case(.power(.number(NumberLiteral(exactly: Rational(1, 3))), exponent: num("2")), "\\left(\\frac{1}{3}\\right)^{2}"),
        Case(.power(.difference(.symbol(MathSymbol(.activation, layer: .number(3))), .y()), exponent: num("2")),
             "(\\act{a^{(3)}} - y)^{2}"),
        Case(.power(.power(.x(1, role: .plain), exponent: num("2")), exponent: num("3")), "(x_{1}^{2})^{3}"),
        Case(.juxtapose(.frac(num("1"), num("2")), .power(.difference(.a(.number(3), role: .plain), .y()), exponent: num("2"))),
             "\\frac{1}{2} (\\mathbf{a}^{(3)} - y)^{2}"),
        // Negation.
        Case(.negation(.sum(num("1"), num("2"))), "-(1 + 2)"),
        Case(.negation(num("-2")), "-(-2)"),
        Case(.negation(.cdot(num("2"), num("3"))), "-2 \\cdot 3"),
        // Slash fractions parenthesise compound denominators.
        Case(.fraction(.sum(num("1"), num("2")), .cdot(num("2"), num("3")), .slash), "(1 + 2) / (2 \\cdot 3)"),
        Case(.fraction(.cdot(num("1"), num("2")), num("-3"), .slash), "1 \\cdot 2 / (-3)"),
        Case(.fraction(.sum(num("1"), num("2")), .cdot(num("2"), num("3")), .frac), "\\frac{1 + 2}{2 \\cdot 3}"),
        // Hadamard products keep matrix products and sums apart.
        Case(.hadamard([.juxtapose(.transpose(.w(.number(3), role: .plain)), .delta(.number(3), role: .plain)),
                        .activationDerivative(of: .z(.number(2)))]),
             "((\\mathbf{W}^{(3)})^{\\top} \\boldsymbol{\\delta}^{(3)}) \\hadamard \\act{\\sigma'(\\mathbf{z}^{(2)})}"),
        Case(.cdot(.hadamard([.x(role: .plain), .y(shape: .vector)]), num("2")), "(\\mathbf{x} \\hadamard \\mathbf{y}) \\cdot 2"),
        Case(.hadamard([.x(role: .plain), .hadamard([.y(shape: .vector), .z(nil)])]), "\\mathbf{x} \\hadamard \\mathbf{y} \\hadamard \\mathbf{z}"),
        Case(.hadamard([rounded("8.497e-10"), .x(role: .plain)]), "(8.497 \\times 10^{-10}) \\hadamard \\mathbf{x}"),
        Case(.hadamard([.negation(.x(role: .plain)), .x(role: .plain)]), "(-\\mathbf{x}) \\hadamard \\mathbf{x}"),
        // Tall contents get growing parentheses.
        Case(.cdot(num("2"), .sum(.frac(num("1"), num("3")), num("1"))), "2 \\cdot \\left(\\frac{1}{3} + 1\\right)"),
        // Summations as the last factor need no parentheses, elsewhere they do.
        Case(.cdot(.x(1, role: .plain), .summation(below: .tex("j"), above: nil, body: .w(.number(2), "j", 1, role: .plain))),
             "x_{1} \\cdot \\sum_{j} w_{j,1}^{(2)}"),
        Case(.cdot(.summation(below: .tex("j"), above: nil, body: .w(.number(2), "j", 1, role: .plain)), num("2")),
             "\\left(\\sum_{j} w_{j,1}^{(2)}\\right) \\cdot 2"),
        Case(.summation(below: .tex("i=1"), above: .tex("n"), body: .sum(.x("i", role: .plain), num("1"))),
             "\\sum_{i=1}^{n} (x_{i} + 1)"),
        // Explicit parentheses are kept and not doubled by function application.
        Case(.apply(.activation(nil), .parentheses(num("0"))), "\\sigma(0)"),
        Case(.parentheses(rounded("-0.3494")), "(-0.3494)"),
        Case(.cdot(.parentheses(rounded("-0.3494")), .parentheses(rounded("0.2273"))), "(-0.3494) \\cdot (0.2273)"),
    ]

    @Test(arguments: parenthesisationCases)
    func parenthesisation(_ c: Case) {
        #expect(defaultPrinter.tex(c.expression) == c.tex)
    }

    // MARK: Every node kind, under both notations

    struct NodeCase: CustomTestStringConvertible, Sendable {
        let expression: MathExpression
        let seed000: String
        let seed004: String
        var testDescription: String { seed000 }
        init(_ expression: MathExpression, _ seed000: String, _ seed004: String) {
            self.expression = expression
            self.seed000 = seed000
            self.seed004 = seed004
        }
    }

    static let nodeCases: [NodeCase] = [
        NodeCase(.sum([.plus(.juxtapose(.w(.number(1), role: .plain), .x(role: .plain))), .plus(.b(.number(1), role: .plain))]),
                 "\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}", "\\mathbf{W}^{[2]} \\mathbf{x} + \\mathbf{b}^{[2]}"),
        NodeCase(.hadamard([.gradient(of: .loss, withRespectTo: .tex("a")), .activationDerivative(of: .z(.symbol("L")))]),
                 "\\nabla_{a} \\mathcal{L} \\hadamard \\act{\\sigma'(\\mathbf{z}^{(L)})}",
                 "\\nabla_{a} C \\hadamard \\act{\\sigma'(\\mathbf{z}^{[L]})}"),
        NodeCase(.apply(.exp, num("-0.25")), "e^{-0.25}", "e^{-0.25}"),
        NodeCase(.frac(num("1"), .sum(num("1"), .apply(.exp, num("-0.25")))), "\\frac{1}{1 + e^{-0.25}}", "\\frac{1}{1 + e^{-0.25}}"),
        NodeCase(.power(.apply(.exp, num("1")), exponent: num("2")), "(e^{1})^{2}", "(e^{1})^{2}"),
        NodeCase(.apply(.log, .a(.number(3), 1, role: .plain)), "\\ln(a_{1}^{(3)})", "\\ln(a_{1}^{[4]})"),
        NodeCase(.apply(.other("\\operatorname{diag}"), .z(.number(2))), "\\operatorname{diag}(\\mathbf{z}^{(2)})",
                 "\\operatorname{diag}(\\mathbf{z}^{[3]})"),
        NodeCase(.fraction(num("1"), num("2"), .tfrac), "\\tfrac{1}{2}", "\\tfrac{1}{2}"),
        NodeCase(.partial(of: .loss, withRespectTo: .w(.number(1), 1, 1, role: .plain), style: .slash),
                 "\\partial \\mathcal{L} / \\partial w_{1,1}^{(1)}", "\\partial C / \\partial w_{1,1}^{[2]}"),
        NodeCase(.partial(of: .loss, withRespectTo: .z(.symbol("l"), "j"), style: .tfrac),
                 "\\tfrac{\\partial \\mathcal{L}}{\\partial z_{j}^{(l)}}", "\\tfrac{\\partial C}{\\partial z_{j}^{[l]}}"),
        NodeCase(.matrix([[num("0.1"), num("0.2"), num("0.3")], [num("0.4"), num("0.5"), num("0.6")]]),
                 "\\begin{pmatrix} 0.1 & 0.2 & 0.3 \\\\ 0.4 & 0.5 & 0.6 \\end{pmatrix}",
                 "\\begin{pmatrix} 0.1 & 0.2 & 0.3 \\\\ 0.4 & 0.5 & 0.6 \\end{pmatrix}"),
        NodeCase(.juxtapose(.column([num("0.3", role: .weight), num("0.4", role: .weight)]), .parentheses(rounded("-0.0794", role: .error))),
                 "\\wt{\\begin{pmatrix} 0.3 \\\\ 0.4 \\end{pmatrix}} \\err{(-0.0794)}",
                 "\\wt{\\begin{pmatrix} 0.3 \\\\ 0.4 \\end{pmatrix}} \\err{(-0.0794)}"),
        NodeCase(.absoluteValue(.difference(.tex("g"), .tex("h"))), "\\lvert g - h \\rvert", "\\lvert g - h \\rvert"),
        NodeCase(.power(.norm(.difference(.a(.symbol("L")), .y(shape: .vector))), exponent: num("2")),
                 "\\lVert \\act{\\mathbf{a}^{(L)}} - \\mathbf{y} \\rVert^{2}", "\\lVert \\act{\\mathbf{a}^{[L]}} - \\mathbf{y} \\rVert^{2}"),
        NodeCase(.boxed(.chain(.loss, [ChainStep(.approximately, rounded("0.06105"))])),
                 "\\boxed{\\mathcal{L} \\approx 0.06105}", "\\boxed{C \\approx 0.06105}"),
        NodeCase(.underbrace(.difference(.a(.number(3), role: .plain), .y()), label: .text("output error")),
                 "\\underbrace{\\mathbf{a}^{(3)} - y}_{\\text{output error}}", "\\underbrace{\\mathbf{a}^{[4]} - y}_{\\text{output error}}"),
        NodeCase(.text("rel_error & 50% {ok}"), "\\text{rel\\_error \\& 50\\% \\{ok\\}}", "\\text{rel\\_error \\& 50\\% \\{ok\\}}"),
        NodeCase(.tex("\\varepsilon = 10^{-5}"), "\\varepsilon = 10^{-5}", "\\varepsilon = 10^{-5}"),
        NodeCase(.chain(.w(.number(1), 1, 1, role: .plain), [
            ChainStep(.assign, .difference(.w(.number(1), 1, 1, role: .plain),
                                             .cdot(.symbol(MathSymbol(.other("\\eta"))), .parentheses(rounded("-0.00212", role: .error))))),
        ]), "w_{1,1}^{(1)} \\leftarrow w_{1,1}^{(1)} - \\eta \\cdot \\err{(-0.00212)}",
            "w_{1,1}^{[2]} \\leftarrow w_{1,1}^{[2]} - \\eta \\cdot \\err{(-0.00212)}"),
        NodeCase(.chain(.z(.number(1), 1), [
            ChainStep(.equals, .sum(num("0.1"), num("0.1"), num("-0.3"), num("0.1"))),
            ChainStep(.equals, num("0"), lineBreak: true),
            ChainStep(.equals, num("0.0")),
        ]), "\\begin{aligned} z_{1}^{(1)} &= 0.1 + 0.1 - 0.3 + 0.1 \\\\ &= 0 = 0.0 \\end{aligned}",
            "\\begin{aligned} z_{1}^{[2]} &= 0.1 + 0.1 - 0.3 + 0.1 \\\\ &= 0 = 0.0 \\end{aligned}"),
    ]

    @Test(arguments: nodeCases)
    func nodeKinds(_ c: NodeCase) {
        #expect(defaultPrinter.tex(c.expression) == c.seed000)
        #expect(lecturePrinter.tex(c.expression) == c.seed004)
    }

    @Test func printingIsDeterministic() {
        let e = TeXPrinterTests.nodeCases.map(\.expression)
        #expect(e.map(defaultPrinter.tex) == e.map(defaultPrinter.tex))
    }
}
