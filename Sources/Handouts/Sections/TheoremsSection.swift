import Backprop
import Documents
import Typesetting

/// The four backpropagation equations stated for this network's loss and activations
/// (`{{theorems.…}}`), listed in the notation's numbering. Each has the id `thm:bp1` … by
/// its label; `{{theorems.weightGradient.id}}` etc. name them by meaning for citing sections.
enum TheoremsSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let equations = BackpropEquation.allCases.sorted { d.notation.theoremLabel($0) < d.notation.theoremLabel($1) }
        var values: [String: MustacheValue] = [
            "list": .list(equations.map { statement($0, d) }),
            "identities": .list(identities(d)),
            "hiddenActivation": .string(d.hiddenActivationSymbol.tex),
            "outputActivation": .string(d.activationSymbol(ofLayer: d.outputLayer).tex),
        ]
        for equation in equations { values[key(equation)] = statement(equation, d) }
        values["equivalence"] = equivalence(d)
        return SectionOutput(values: values)
    }

    /// One equation: its label, ids, display TeX and, for BP1, the form this loss gives.
    private static func statement(_ equation: BackpropEquation, _ d: Derivation) -> MustacheValue {
        let label = d.notation.theoremLabel(equation)
        let number = label.dropFirst(2)
        var facts: [String: MustacheValue] = [
            "label": .string(label),
            "id": .string("thm:bp\(number)"),
            "equationId": .string("eq:bp\(number)"),
            "is" + key(equation).prefix(1).uppercased() + key(equation).dropFirst(): true,
        ]
        let l = LayerIndex.symbol("l")
        let tex = d.display.tex
        switch equation {
        case .outputError:
            facts.merge(outputError(d)) { $1 }
        case .errorPropagation:
            let propagated = MathExpression.juxtapose(.transpose(.w(.symbol("l", offset: 1))), .delta(.symbol("l", offset: 1)))
            let slopes = derivative(d.hiddenActivationSymbol, .z(l))
            if d.options.errorForm == .jacobian {
                let D = ProofSymbols.diagonal(l)
                facts["tex"] = .string(tex(.delta(l)) + " = " + tex(.juxtapose(D, propagated)) + ", \\qquad "
                    + tex(D) + " = " + tex(.apply(.other("\\operatorname{diag}"), slopes)))
            } else {
                facts["tex"] = .string(tex(.delta(l)) + " = " + tex(.hadamard([.parentheses(propagated), slopes])))
            }
            facts["usedHere"] = .bool(d.outputLayer > 1)
        case .weightGradient:
            facts["tex"] = .string(tex(.lossGradient(withRespectTo: .w(l, "j", "k"))) + " = "
                + tex(.cdot(.a(.symbol("l", offset: -1), "k"), .delta(l, "j"))))
        case .biasGradient:
            facts["tex"] = .string(tex(.lossGradient(withRespectTo: .b(l, "j"))) + " = " + tex(.delta(l, "j")))
        }
        return .object(facts)
    }

    /// BP1 for this output layer and loss: the general form, and what it becomes here.
    private static func outputError(_ d: Derivation) -> [String: MustacheValue] {
        let L = LayerIndex.symbol("L")
        let tex = d.display.tex
        let single = d.network.layers[d.outputLayer] == 1
        let a: MathExpression = single ? .symbol(MathSymbol(.activation, layer: L)) : .a(L)
        let y: MathExpression = single ? .y(role: .input) : .y(shape: .vector, role: .input)
        let gradient = MathExpression.colored(.error, .gradient(of: .loss, withRespectTo: .symbol(MathSymbol(.other("a")))))
        let residual = tex(.difference(a, y))
        let output = d.network.activation(ofLayer: d.outputLayer)
        var facts: [String: MustacheValue] = [:]
        if output == .softmax {
            // The Jacobian J = ∂a/∂z is full: δ = Jᵀ ∇ₐL.
            let jacobian = MathExpression.symbol(MathSymbol(.other("J"), shape: .matrix, layer: L, role: .activation))
            facts["tex"] = .string(tex(.delta(L)) + " = " + tex(.juxtapose(.transpose(jacobian), gradient)))
            facts["isJacobian"] = true
            facts["jacobian"] = .string(tex(jacobian))
            facts["jacobianEntry"] = .string("J_{ij} = \\frac{\\partial a_i}{\\partial z_j} = a_i\\,(\\delta_{ij} - a_j)")
        } else if d.options.errorForm == .jacobian {
            let D = ProofSymbols.diagonal(L)
            facts["tex"] = .string(tex(.delta(L)) + " = " + tex(.juxtapose(D, gradient)) + ", \\qquad " + tex(D) + " = "
                + tex(.apply(.other("\\operatorname{diag}"), derivative(d.activationSymbol(ofLayer: d.outputLayer), .z(L)))))
        } else {
            facts["tex"] = .string(tex(.delta(L)) + " = "
                + tex(.hadamard([gradient, derivative(d.activationSymbol(ofLayer: d.outputLayer), .z(L))])))
        }
        switch (d.network.loss, output) {
        case (.mse, _):
            facts["specialised"] = .string(tex(gradient) + " = " + residual)
        case (.crossEntropy, .softmax), (.crossEntropy, .sigmoid):
            // The activation's derivative cancels the loss's denominator.
            facts["specialised"] = .string(tex(.delta(L)) + " = " + residual)
            facts["derivativeCancels"] = true
        case (.crossEntropy, _):
            facts["specialised"] = .string(lossGradientTeX(d))
        }
        return facts
    }

    /// The Hadamard and the diagonal-matrix form side by side (seed 004 §V): f′(z) ⊙ v = D v.
    private static func equivalence(_ d: Derivation) -> MustacheValue {
        // A softmax-only network has no elementwise slope to put on a diagonal.
        if d.outputLayer == 1 && d.network.activation(ofLayer: 1) == .softmax { return .null }
        let l = LayerIndex.symbol("l")
        let tex = d.display.tex
        let D = ProofSymbols.diagonal(l)
        let slopes = derivative(d.hiddenActivationSymbol, .z(l))
        let v = MathExpression.symbol(MathSymbol(.other("v"), shape: .vector))
        let propagated = MathExpression.juxtapose(.transpose(.w(.symbol("l", offset: 1))), .delta(.symbol("l", offset: 1)))
        return .object([
            // Two formulas, so a phone's line can break between them.
            "identity": .string(tex(.hadamard([slopes, v])) + " = " + tex(.juxtapose(D, v))),
            "diagonal": .string(tex(D) + " = " + tex(.apply(.other("\\operatorname{diag}"), slopes))),
            "bp2Hadamard": .string(tex(.hadamard([.parentheses(propagated), slopes]))),
            "bp2Diagonal": .string(tex(.juxtapose(D, propagated))),
            "isJacobianForm": .bool(d.options.errorForm == .jacobian),
        ])
    }

    /// ∂L/∂a of a cross-entropy loss whose activation does not cancel it.
    private static func lossGradientTeX(_ d: Derivation) -> String {
        guard case .object(let loss) = NetworkFacts.lossFacts(d), case .string(let gradient)? = loss["gradient"] else { return "" }
        return gradient
    }

    /// `f'(z)` for an activation, green.
    private static func derivative(_ symbol: ActivationSymbol, _ z: MathExpression) -> MathExpression {
        .colored(.activation, .apply(.activationDerivative(symbol), z))
    }

    /// The derivative identity of every activation the network uses, in order of first use.
    private static func identities(_ d: Derivation) -> [MustacheValue] {
        var seen: [Activation] = []
        for activation in d.network.activations where !seen.contains(activation) { seen.append(activation) }
        return seen.map { NetworkFacts.activationFacts($0, d) }
    }

    /// The context key of an equation, by meaning.
    private static func key(_ equation: BackpropEquation) -> String {
        switch equation {
        case .outputError: "outputError"
        case .errorPropagation: "errorPropagation"
        case .weightGradient: "weightGradient"
        case .biasGradient: "biasGradient"
        }
    }
}
