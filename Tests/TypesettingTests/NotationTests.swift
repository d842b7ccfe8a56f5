import Testing
@testable import Typesetting

struct NotationTests {
    struct SymbolCase: CustomTestStringConvertible, Sendable {
        let expression: MathExpression
        let seed000: String
        let seed004: String
        var testDescription: String { seed000 }
    }

    static let symbols: [SymbolCase] = [
        .init(expression: .w(.number(1), 1, 1, role: .plain), seed000: "w_{1,1}^{(1)}", seed004: "w_{1,1}^{[2]}"),
        .init(expression: .w(.number(2), role: .plain), seed000: "\\mathbf{W}^{(2)}", seed004: "\\mathbf{W}^{[3]}"),
        .init(expression: .w(.symbol("l"), "j", "k", role: .plain), seed000: "w_{j,k}^{(l)}", seed004: "w_{j,k}^{[l]}"),
        .init(expression: .w(.symbol("l", offset: 1), role: .plain), seed000: "\\mathbf{W}^{(l+1)}", seed004: "\\mathbf{W}^{[l+1]}"),
        .init(expression: .a(.symbol("l", offset: -1), "k", role: .plain), seed000: "a_{k}^{(l-1)}", seed004: "a_{k}^{[l-1]}"),
        .init(expression: .a(.number(0), 1, role: .plain), seed000: "a_{1}^{(0)}", seed004: "a_{1}^{[1]}"),
        .init(expression: .z(.symbol("L"), role: .plain), seed000: "\\mathbf{z}^{(L)}", seed004: "\\mathbf{z}^{[L]}"),
        .init(expression: .delta(.number(3), role: .plain), seed000: "\\boldsymbol{\\delta}^{(3)}", seed004: "\\boldsymbol{\\delta}^{[4]}"),
        .init(expression: .delta(.number(1), 1, role: .plain), seed000: "\\delta_{1}^{(1)}", seed004: "\\delta_{1}^{[2]}"),
        .init(expression: .b(.number(2), 2, role: .plain), seed000: "b_{2}^{(2)}", seed004: "b_{2}^{[3]}"),
        .init(expression: .x(2, role: .plain), seed000: "x_{2}", seed004: "x_{2}"),
        .init(expression: .x(role: .plain), seed000: "\\mathbf{x}", seed004: "\\mathbf{x}"),
        .init(expression: .y(), seed000: "y", seed004: "y"),
        .init(expression: .loss, seed000: "\\mathcal{L}", seed004: "C"),
        .init(expression: .symbol(MathSymbol(.other("\\eta"))), seed000: "\\eta", seed004: "\\eta"),
        .init(expression: .apply(.activation(nil), .z(.number(1), 2)), seed000: "\\sigma(z_{2}^{(1)})", seed004: "\\sigma(z_{2}^{[2]})"),
    ]

    @Test(arguments: symbols)
    func symbolsFollowTheNotation(_ c: SymbolCase) {
        #expect(defaultPrinter.tex(c.expression) == c.seed000)
        #expect(lecturePrinter.tex(c.expression) == c.seed004)
    }

    @Test(arguments: [
        (Notation.LossSymbol.calligraphicL, "\\mathcal{L}"), (.italicL, "L"), (.c, "C"),
    ])
    func lossSymbol(_ loss: Notation.LossSymbol, _ expected: String) {
        let printer = TeXPrinter(notation: Notation(loss: loss))
        #expect(printer.tex(.partial(of: .loss, withRespectTo: .b(.number(1), 1, role: .plain), style: .frac))
            == "\\frac{\\partial \(expected)}{\\partial b_{1}^{(1)}}")
    }

    @Test(arguments: [
        (ActivationSymbol.sigma, "\\sigma(z)", "\\sigma'(z)"),
        (.tanh, "\\tanh(z)", "\\tanh'(z)"),
        (.relu, "\\operatorname{ReLU}(z)", "\\operatorname{ReLU}'(z)"),
        (.generic("f"), "f(z)", "f'(z)"),
    ])
    func activationSymbol(_ symbol: ActivationSymbol, _ function: String, _ derivative: String) {
        let printer = TeXPrinter(notation: Notation(activation: symbol))
        let z = MathExpression.symbol(MathSymbol(.preActivation))
        #expect(printer.tex(.activation(of: z)) == function)
        #expect(printer.tex(.activationDerivative(of: z)) == "\\act{\(derivative)}")
    }

    @Test func anExplicitActivationOverridesTheNotation() {
        let z = MathExpression.symbol(MathSymbol(.preActivation))
        #expect(defaultPrinter.tex(.apply(.activationDerivative(.tanh), z)) == "\\tanh'(z)")
    }

    @Test(arguments: [
        (Notation.GradientNumbering.weightFirst, "BP3", "BP4"),
        (.biasFirst, "BP4", "BP3"),
    ])
    func theoremNumbers(_ numbering: Notation.GradientNumbering, _ weight: String, _ bias: String) {
        let notation = Notation(gradientNumbering: numbering)
        #expect(notation.theoremLabel(.outputError) == "BP1")
        #expect(notation.theoremLabel(.errorPropagation) == "BP2")
        #expect(notation.theoremLabel(.weightGradient) == weight)
        #expect(notation.theoremLabel(.biasGradient) == bias)
    }

    @Test func unboldVectorsAndPlainWeightSubscripts() {
        let printer = TeXPrinter(notation: Notation(transpose: .letterT, boldVectors: false, weightIndexSeparator: ""))
        #expect(printer.tex(.w(.number(2), role: .plain)) == "W^{(2)}")
        #expect(printer.tex(.delta(.number(2), role: .plain)) == "\\delta^{(2)}")
        #expect(printer.tex(.w(.symbol("l"), "j", "k", role: .plain)) == "w_{jk}^{(l)}")
        #expect(printer.tex(.transpose(.w(.number(2), role: .plain))) == "(W^{(2)})^{T}")
    }
}
