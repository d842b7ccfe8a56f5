import Backprop
import Documents
import Typesetting

/// The appendix (`{{appendix.…}}`): proofs of all four theorems for this network's output
/// activation, hidden activations and loss, in the handout's notation and numbering, after the
/// three facts of differential calculus they rest on. It reads the general symbols
/// (`GeneralSymbols`) and adds the ones only the proofs use.
enum AppendixSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        var values = GeneralSymbols.symbols(d)
        values.merge(ProofSymbols.values(d)) { $1 }
        values.merge(outputFacts(d)) { $1 }
        let network = d.network
        let hidden = network.activations.dropLast()
        values["hasHidden"] = .bool(d.outputLayer > 1)
        values["hiddenMixed"] = .bool(Set(hidden).count > 1)
        values["usesReLU"] = .bool(network.activations.contains(.relu))
        values["jacobianForm"] = .bool(d.options.errorForm == .jacobian)
        // The two gradient proofs in the notation's numbering.
        let gradients: [BackpropEquation] = d.notation.gradientNumbering == .weightFirst
            ? [.weightGradient, .biasGradient] : [.biasGradient, .weightGradient]
        values["gradientProofs"] = .list(gradients.map { equation in
            let label = d.notation.theoremLabel(equation)
            return .object([
                "label": .string(label),
                "id": .string("sec:appendix-bp" + label.dropFirst(2)),
                "isWeight": .bool(equation == .weightGradient),
                "isBias": .bool(equation == .biasGradient),
            ])
        })
        return SectionOutput(values: values)
    }

    /// Which form BP1 takes for this output activation and loss, and its specialised result.
    private static func outputFacts(_ d: Derivation) -> [String: MustacheValue] {
        let L = LayerIndex.symbol("L")
        let output = d.network.activation(ofLayer: d.outputLayer)
        let single = d.network.layers[d.outputLayer] == 1
        let a: MathExpression = single ? .symbol(MathSymbol(.activation, layer: L)) : .a(L)
        let y: MathExpression = single ? .y(role: .input) : .y(shape: .vector, role: .input)
        let residual = MathExpression.difference(a, y)
        let tex = d.display.tex
        var facts: [String: MustacheValue] = [
            "residual": .string(tex(residual)),
            "outputIsSoftmax": .bool(output == .softmax),
            "outputIsLinear": .bool(output == .linear),
            "outputActivationName": .string(output.displayName),
            "aOut": .string(tex(a)),
            "fPrimeOut": .string(tex(.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: d.outputLayer)),
                                                                 single ? .symbol(MathSymbol(.preActivation, layer: L)) : .z(L))))),
        ]
        let fPrime = MathExpression.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: d.outputLayer)), .z(L)))
        switch (d.network.loss, output) {
        case (.mse, .softmax):
            facts["mseSoftmax"] = true
        case (.mse, .linear):
            facts["mseLinear"] = true
        case (.mse, _):
            facts["mseElementwise"] = true
            facts["mseResult"] = .string(tex(.delta(L)) + " = " + tex(.hadamard([.parentheses(residual), fPrime])))
        case (.crossEntropy, .softmax):
            facts["categorical"] = true
        case (.crossEntropy, _):
            facts["binary"] = true
        }
        facts["isMSE"] = .bool(d.network.loss == .mse)
        return facts
    }
}
