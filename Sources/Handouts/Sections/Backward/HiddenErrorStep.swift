import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// BP2 for a hidden layer l: (i) the transpose-multiply (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ (`trace.propagated[l]`)
/// in matrix form and entry by entry, (ii) the Hadamard product with f′(z⁽ˡ⁾), boxed.
///
/// Blocks: `backward.layer-l.propagate`, `backward.layer-l.propagate-k` per shown neuron,
/// `backward.layer-l.delta`.
struct HiddenErrorStep {
    let l: Int
    let d: Derivation
    let steps: WorkedSteps

    func build(into output: inout SectionOutput) throws -> MustacheValue {
        let shown = ShownNeurons(layer: l, d)
        let nextShown = ShownNeurons(layer: l + 1, d)
        let prefix = "backward.layer-\(l)"
        let propagated = d.trace.propagated[l]
        let nextDelta = d.network.layers[l + 1] == 1 ? d.neuron(.error, layer: l + 1, 1) : .delta(d.layer(l + 1))
        let product = MathExpression.juxtapose(.transpose(.w(d.layer(l + 1))), nextDelta)

        var matrixForm: [MathExpression] = [product]
        if !shown.isSummarised && !nextShown.isSummarised && nextShown.width <= ForwardLayer.matrixFormColumns {
            let transposed = d.network.weights[l].transposed()
            matrixForm.append(.juxtapose(d.display.matrix(transposed, role: .weight),
                                         try nextShown.column(d.trace.deltas[l + 1], role: .error, d)))
        }
        matrixForm.append(try shown.column(propagated, role: .plain, d))
        output.blocks["\(prefix).propagate"] = d.display.chain(matrixForm, column: propagated, rows: d.shown[l], id: "eq:backward-\(l)-propagate")

        var names: [MustacheValue] = []
        for k in shown.indices {
            let name = "\(prefix).propagate-\(k)"
            output.blocks[name] = try entry(k, product: product)
            names.append(.string(name))
        }
        let jacobian = JacobianMatrix(l: l, d: d)
        let jacobianForm = d.options.errorForm == .jacobian
        if jacobianForm && !jacobian.multipliesOut { output.blocks["\(prefix).matrix"] = try jacobian.definition() }
        output.blocks["\(prefix).delta"] = jacobianForm
            ? try diagonal(shown: shown, product: product, jacobian) : try hadamard(shown: shown, product: product)

        let step = steps.backwardLayers[l]!
        let dead = shown.indices.filter { d.derivativeValue(layer: l, $0)?.exactValue?.isZero == true }
        var values = shown.values
        values.merge([
            "label": .string(step.label), "id": .string(step.id),
            "layer": .number(String(l)),
            "number": .string(d.layerNumber(l)),
            "nextNumber": .string(d.layerNumber(l + 1)),
            "theorem": .string(d.notation.theoremLabel(.errorPropagation)),
            "deltaTeX": .string(d.display.tex(.delta(d.layer(l)))),
            "ruleTeX": .string(d.display.inlineChain([.delta(d.layer(l)), rule(product: product)], value: nil)),
            "productTeX": .string(d.display.tex(product)),
            "propagateBlock": .string("\(prefix).propagate"),
            "propagateBlocks": .list(names),
            "deltaBlock": .string("\(prefix).delta"),
            "isJacobianForm": .bool(jacobianForm),
            "matrixBlock": jacobianForm && !jacobian.multipliesOut ? .string("\(prefix).matrix") : .null,
            "diagonalTeX": .string(d.display.tex(ProofSymbols.diagonal(d.layer(l)))),

            "hasDeadNeurons": .bool(!dead.isEmpty),
            "deadNeurons": Words.separatedList(dead.map { d.display.tex(d.neuron(.error, layer: l, $0)) }),
            "deadSeveral": .bool(dead.count > 1),
            // A neuron at z = 0 exactly passes nothing back only by the convention ReLU′(0) = 0.
            "deadAtKink": .bool(dead.contains { d.trace.layers[l].z?[$0 - 1].exactValue?.isZero == true }),
        ]) { _, new in new }
        values["observation"] = try observation()
        return .object(values)
    }

    /// (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ f′(z⁽ˡ⁾), or D⁽ˡ⁾(W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ in the Jacobian form.
    private func rule(product: MathExpression) -> MathExpression {
        d.options.errorForm == .jacobian
            ? .juxtapose(ProofSymbols.diagonal(d.layer(l)), product)
            : .hadamard([product, d.derivative(ofLayer: l, at: .z(d.layer(l)))])
    }

    /// δ⁽ˡ⁾ = D⁽ˡ⁾ (Wᵀδ): symbolic, the diagonal matrix of slopes times the column (rows and
    /// columns the layer's one decision), the column of products, the boxed result.
    private func diagonal(shown: ShownNeurons, product: MathExpression, _ jacobian: JacobianMatrix) throws -> Block {
        let propagated = d.trace.propagated[l]
        let display = d.display
        func derivative(_ k: Int) throws -> MathExpression {
            try display.number(d.derivativeValue(layer: l, k)!, role: .activation)
        }
        var members: [MathExpression] = [.delta(d.layer(l)), rule(product: product)]
        if jacobian.multipliesOut {
            members.append(.juxtapose(try jacobian.shown(), try shown.column(propagated, role: .plain, d)))
        }
        members += [
            try shown.column { k in .cdot(try derivative(k), try display.number(propagated[k - 1])) },
            try shown.column(d.trace.deltas[l], role: .error, d),
        ]
        return display.chain(members, column: d.trace.deltas[l], rows: d.shown[l], id: "eq:backward-\(l)", boxed: true)
    }

    /// Entry k of the transpose-multiply: Σⱼ w⁽ˡ⁺¹⁾ⱼ,ₖ δ⁽ˡ⁺¹⁾ⱼ.
    private func entry(_ k: Int, product: MathExpression) throws -> Block {
        let next = d.layer(l + 1)
        let weights = d.network.weights[l]
        let terms = weights.indices.map { j in
            WeightedTerm(coefficientSymbol: .w(next, .number(j + 1), .number(k)),
                         factorSymbol: d.neuron(.error, layer: l + 1, j + 1),
                         coefficient: .exact(weights[j][k - 1]), coefficientRole: .weight,
                         factor: d.trace.deltas[l + 1][j], factorRole: .error)
        }
        let lhs = MathExpression.symbol(MathSymbol(.other("(" + d.display.tex(product) + ")"), indices: [.number(k)]))
        return try WeightedSumChain(terms: terms, bias: nil, shown: d.shown[l + 1])
            .block(lhs: lhs, value: d.trace.propagated[l][k - 1], resultRole: .plain, id: nil, boxed: false, d)
    }

    /// δ⁽ˡ⁾ = (Wᵀδ) ⊙ f′(z⁽ˡ⁾): symbolic, the two columns, the column of products, the boxed result.
    private func hadamard(shown: ShownNeurons, product: MathExpression) throws -> Block {
        let propagated = d.trace.propagated[l]
        let display = d.display
        func derivative(_ k: Int) throws -> MathExpression {
            try display.number(d.derivativeValue(layer: l, k)!, role: .activation)
        }
        let members: [MathExpression] = [
            .delta(d.layer(l)),
            rule(product: product),
            .hadamard([try shown.column(propagated, role: .plain, d), try shown.column(entry: derivative)]),
            try shown.column { k in .cdot(try display.number(propagated[k - 1]), try derivative(k)) },
            try shown.column(d.trace.deltas[l], role: .error, d),
        ]
        return display.chain(members, column: d.trace.deltas[l], rows: d.shown[l], id: "eq:backward-\(l)", boxed: true)
    }

    /// At the focus layer, when the focus neuron's δ gathers several paths to the output: the
    /// values for the key-observation box.
    private func observation() throws -> MustacheValue {
        let focus = d.spec.focus
        guard l == focus.layer, d.network.layers[l + 1] > 1 else { return .null }
        let paths = d.trace.paths
        return .object([
            "deltaTeX": .string(d.display.tex(d.neuron(.error, layer: l, focus.neuron))),
            "relation": .string(try d.display.relation(d.trace.deltas[l][focus.neuron - 1])),
            "value": .string(try d.display.tex(d.trace.deltas[l][focus.neuron - 1], role: .error)),
            "pathCount": .number(String(paths.count)),
            "nextWidth": .number(String(d.network.layers[l + 1])),
            "neuron": .number(String(focus.neuron)),
        ])
    }
}

extension Array where Element == [Rational] {
    /// The transpose of a rectangular matrix.
    func transposed() -> [[Rational]] {
        guard let columns = first?.count else { return [] }
        return (0..<columns).map { c in map { $0[c] } }
    }
}
