import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// BP1 at the output layer L, in the form the loss and output activation call for:
/// δ = (a − y) ⊙ f′(z) (MSE, elementwise output), δ = a − y (cross-entropy with softmax or a
/// sigmoid output: f′ cancels), or δ = J (a − y) with the softmax Jacobian (MSE + softmax).
///
/// Blocks: `backward.layer-L.delta-j` per shown neuron, `backward.layer-L.delta` (the boxed vector).
struct OutputErrorStep {
    let d: Derivation
    let steps: WorkedSteps

    enum Form: String {
        case product, difference, jacobian
    }

    var form: Form {
        switch (d.network.loss, d.network.activation(ofLayer: d.outputLayer)) {
        case (.crossEntropy, _): return .difference
        case (.mse, .softmax): return .jacobian
        case (.mse, _): return .product
        }
    }

    func build(into output: inout SectionOutput) throws -> MustacheValue {
        let L = d.outputLayer
        let shown = ShownNeurons(layer: L, d)
        let prefix = "backward.layer-\(L)"
        let single = shown.width == 1
        var names: [MustacheValue] = []
        for j in shown.indices {
            let name = "\(prefix).delta-\(j)"
            output.blocks[name] = try element(j, id: single ? "eq:backward-\(L)" : nil, boxed: single)
            names.append(.string(name))
        }
        let showsMatrix = !single && d.options.errorForm == .jacobian && form != .difference
        let jacobian = JacobianMatrix(l: L, d: d)
        if showsMatrix {
            if !jacobian.multipliesOut { output.blocks["\(prefix).matrix"] = try jacobian.definition() }
            output.blocks["\(prefix).delta"] = try matrixProduct(shown, jacobian)
        } else if !single {
            output.blocks["\(prefix).delta"] = d.display.chain(
                [.delta(d.layer(L)), try shown.column(d.trace.deltas[L], role: .error, d)],
                column: d.trace.deltas[L], rows: d.shown[L], id: "eq:backward-\(L)", boxed: true)
        }
        let step = steps.backwardLayers[L]!
        var values = shown.values
        values.merge([
            "label": .string(step.label), "id": .string(step.id),
            "number": .string(d.layerNumber(L)),
            "theorem": .string(d.notation.theoremLabel(.outputError)),
            "deltaTeX": .string(d.display.tex(.delta(d.layer(L)))),
            "isProduct": .bool(form == .product),
            "isDifference": .bool(form == .difference),
            "isJacobian": .bool(form == .jacobian),
            "isSingle": .bool(single),
            "deltaBlocks": .list(names),
            "vectorBlock": .string("\(prefix).delta"),
            "showsMatrix": .bool(showsMatrix),
            "matrixTeX": .string(d.display.tex(jacobian.symbol)),
            "matrixBlock": showsMatrix && !jacobian.multipliesOut ? .string("\(prefix).matrix") : .null,
        ]) { _, new in new }
        if single, let sign = d.trace.deltas[L][0].knownSignum {
            values["isNegative"] = .bool(sign < 0)
            values["isPositive"] = .bool(sign > 0)
        }
        return .object(values)
    }

    /// The Jacobian form of the whole vector: δ⁽ᴸ⁾ = D⁽ᴸ⁾(a − y) (or J⁽ᴸ⁾(a − y)), the matrix
    /// times the column of differences when the layer is shown whole, then the boxed result.
    private func matrixProduct(_ shown: ShownNeurons, _ jacobian: JacobianMatrix) throws -> Block {
        let L = d.outputLayer
        let residual = MathExpression.difference(.a(d.layer(L)), .y(shape: .vector, role: .input))
        var members: [MathExpression] = [.delta(d.layer(L)), .juxtapose(jacobian.symbol, .parentheses(residual))]
        if jacobian.multipliesOut {
            members.append(.juxtapose(try jacobian.shown(), try shown.column(d.trace.lossGradient, role: .plain, d)))
        }
        members.append(try shown.column(d.trace.deltas[L], role: .error, d))
        return d.display.chain(members, column: d.trace.deltas[L], rows: d.shown[L], id: "eq:backward-\(L)", boxed: true)
    }

    /// aⱼ − yⱼ as symbols.
    private func error(_ j: Int) -> MathExpression {
        .difference(d.neuron(.activation, layer: d.outputLayer, j), d.target(j))
    }

    /// aⱼ − yⱼ with values.
    private func errorValues(_ j: Int) throws -> MathExpression {
        .difference(try d.display.number(d.trace.layers[d.outputLayer].a[j - 1], role: .activation),
                    d.display.number(d.spec.sample.target[j - 1], role: .input))
    }

    private func element(_ j: Int, id: String?, boxed: Bool) throws -> Block {
        let L = d.outputLayer
        let delta = d.trace.deltas[L][j - 1]
        let lhs = d.neuron(.error, layer: L, j)
        let display = d.display
        let difference = d.trace.lossGradient[j - 1]
        switch form {
        case .difference:
            return display.chain([lhs, error(j), try errorValues(j), try display.number(delta, role: .error)],
                                 value: delta, id: id, boxed: boxed)
        case .product:
            let derivative = d.derivativeValue(layer: L, j)!
            let shownDerivative = try display.number(derivative, role: .activation)
            let members: [MathExpression] = [
                lhs,
                .juxtapose(.parentheses(error(j)), d.derivative(ofLayer: L, at: d.neuron(.preActivation, layer: L, j))),
                .cdot(.parentheses(try errorValues(j)), shownDerivative),
                .cdot(.parentheses(try display.number(difference)), shownDerivative),
                try display.number(delta, role: .error),
            ]
            return display.chain(members, value: delta, id: id, boxed: boxed)
        case .jacobian:
            guard case .jacobian(let jacobian) = d.trace.layers[L].derivative else {
                preconditionFailure("a softmax layer has a Jacobian")
            }
            let partial = { (row: MathExpression) in
                MathExpression.colored(.activation, .partial(of: row, withRespectTo: d.neuron(.preActivation, layer: L, j), style: .frac))
            }
            let terms = (1...d.network.layers[L]).map { i in
                WeightedTerm(coefficientSymbol: partial(d.neuron(.activation, layer: L, i)),
                             factorSymbol: .parentheses(error(i)),
                             coefficient: jacobian[i - 1][j - 1], coefficientRole: .activation,
                             factor: d.trace.lossGradient[i - 1], factorRole: .plain)
            }
            return try WeightedSumChain(terms: terms, bias: nil, shown: d.shown[L])
                .block(lhs: lhs, value: delta, resultRole: .error, id: id, boxed: boxed, d)
        }
    }
}
