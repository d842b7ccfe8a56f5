import Backprop
import Documents
import Typesetting

/// The whole derivation in symbols (`{{symbolic.…}}`, seed 004): the network as a composition,
/// the forward pass with W⁽ˡ⁾, a⁽ˡ⁻¹⁾, b⁽ˡ⁾ written out, the output error component by component
/// and as a vector, each hidden error by the explicit chain rule and in matrix form, every
/// parameter gradient as an outer product, and the focus gradient as a sum over its paths.
/// No value of the spec is used: only its layers, activations, loss and focus.
enum SymbolicSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let s = SymbolicMath(d: d)
        var output = SectionOutput()
        let L = d.outputLayer
        let jacobianForm = d.options.errorForm == .jacobian
        var values: [String: MustacheValue] = [
            "composition": .string(composition(d)),
            "isJacobianForm": .bool(jacobianForm),
            "deltaDefinition": .string(s.tex(.delta(.symbol("l"))) + " = " + s.tex(.lossGradient(withRespectTo: .z(.symbol("l"))))),
        ]
        values["forward"] = .list((1...L).map { l in forwardLayer(l, s, &output) })
        values["output"] = outputError(s, &output)
        values["hidden"] = .list(stride(from: L - 1, through: 1, by: -1).map { l in hiddenError(l, s, &output) })
        values["gradients"] = .list(stride(from: L, through: 1, by: -1).map { l in gradients(l, s, &output) })
        values["focus"] = SymbolicFocus.values(s, &output)
        values["leftOut"] = .list(ShownNeurons.elidedLayers(d))
        values["hasLeftOut"] = .bool(d.shown.contains { !$0.isComplete })
        let general = GeneralSymbols.symbols(d)
        values["forwardZ"] = general["forwardZ"]
        values["forwardA"] = general["forwardA"]
        values["inputSymbol"] = .string(s.tex(.x(role: .input)))
        values["inputNoun"] = .string(Words.noun(d.network.layers[0], "component"))
        let l = LayerIndex.symbol("l")
        let argument = MathExpression.symbol(MathSymbol(.other("u"), shape: .vector))
        values["affineMap"] = .string("\\varphi^{" + d.notation.layerTeX(l) + "}(" + s.tex(argument) + ") = "
            + s.tex(.sum(.juxtapose(.w(l), argument), .b(l))))
        output.values = values
        return output
    }

    /// F(x) = (f⁽ᴸ⁾ ∘ φ⁽ᴸ⁾) ∘ ⋯ ∘ (f⁽¹⁾ ∘ φ⁽¹⁾)(x), every layer named when there are at most four.
    private static func composition(_ d: Derivation) -> String {
        func stage(_ l: Int) -> String {
            "(" + d.activationSymbol(ofLayer: l).tex + " \\circ \\varphi^{" + d.notation.layerTeX(d.layer(l)) + "})"
        }
        let L = d.outputLayer
        let stages = L <= 4 ? (1...L).reversed().map(stage) : [stage(L), stage(L - 1), "\\cdots", stage(1)]
        return stages.joined(separator: " \\circ ") + "(" + d.display.tex(.x(role: .input)) + ")"
    }

    private static func forwardLayer(_ l: Int, _ s: SymbolicMath, _ output: inout SectionOutput) -> MustacheValue {
        let d = s.d
        let layer = d.layer(l)
        let previous: MathExpression = l == 1 ? .x(role: .input) : .a(d.layer(l - 1))
        let single = d.network.layers[l] == 1
        let z: MathExpression = single ? d.neuron(.preActivation, layer: l, 1) : .z(layer)
        let a: MathExpression = single ? d.neuron(.activation, layer: l, 1) : .a(layer)
        let name = "symbolic.forward-\(l)"
        output.blocks[name + "-z"] = s.display([
            z, .sum(.juxtapose(.w(layer), previous), .b(layer)),
            .sum(.juxtapose(s.weights(l), s.column(.activation, layer: l - 1, role: l == 1 ? .input : nil)), s.column(.bias, layer: l)),
            s.column(.preActivation, layer: l),
        ])
        let activation = d.network.activation(ofLayer: l)
        var members: [MathExpression] = [a]
        switch activation {
        case .linear:
            members.append(z)
        case .softmax:
            members.append(.apply(.activation(d.activationSymbol(ofLayer: l)), z))
        default:
            members.append(.apply(.activation(d.activationSymbol(ofLayer: l)), z))
            members.append(s.column(layer: l) { j in .apply(.activation(d.activationSymbol(ofLayer: l)), d.neuron(.preActivation, layer: l, j)) })
        }
        members.append(s.column(.activation, layer: l))
        output.blocks[name + "-a"] = s.display(members, stacked: false)
        var values = ShownNeurons(layer: l, d).values
        values.merge([
            "number": .string(d.layerNumber(l)),
            "isOutput": .bool(l == d.outputLayer),
            "activation": NetworkFacts.activationFacts(activation, d),
            "zBlock": .string(name + "-z"), "aBlock": .string(name + "-a"),
            "widthNoun": .string(Words.noun(d.network.layers[l], "neuron")),
        ]) { _, new in new }
        return .object(values)
    }

    /// δ⁽ᴸ⁾ component by component, then as a vector.
    private static func outputError(_ s: SymbolicMath, _ output: inout SectionOutput) -> MustacheValue {
        let d = s.d
        let L = d.outputLayer
        let activation = d.network.activation(ofLayer: L)
        let single = d.network.layers[L] == 1
        func residual(_ j: Int) -> MathExpression { .difference(d.neuron(.activation, layer: L, j), d.target(j)) }
        var lines: [(MathExpression, [MathExpression])] = []
        for j in ShownNeurons(layer: L, d).indices {
            let delta = d.neuron(.error, layer: L, j)
            let dC = MathExpression.lossGradient(withRespectTo: d.neuron(.activation, layer: L, j))
            let z = d.neuron(.preActivation, layer: L, j)
            switch (d.network.loss, activation) {
            case (_, .softmax):
                let i = MathSymbol(.other("i"))
                let body = MathExpression.juxtapose(.lossGradient(withRespectTo: .a(d.layer(L), "i")),
                                                    .partial(of: .a(d.layer(L), "i"), withRespectTo: z, style: .frac))
                var rhs: [MathExpression] = [.summation(below: .symbol(i), above: nil, body: body)]
                if d.network.loss == .crossEntropy { rhs.append(residual(j)) }
                lines.append((delta, [.lossGradient(withRespectTo: z)] + rhs))
            case (_, .linear):
                lines.append((delta, [.lossGradient(withRespectTo: z), .juxtapose(dC, .partial(of: d.neuron(.activation, layer: L, j), withRespectTo: z, style: .frac)),
                                      .cdot(.parentheses(residual(j)), .number(NumberLiteral(exactly: 1, role: .activation))), residual(j)]))
            case (.crossEntropy, _):
                lines.append((delta, [.lossGradient(withRespectTo: z), .juxtapose(dC, s.slope(L, j)), residual(j)]))
            case (.mse, _):
                lines.append((delta, [.lossGradient(withRespectTo: z), .juxtapose(dC, s.slope(L, j)), .juxtapose(.parentheses(residual(j)), s.slope(L, j))]))
            }
        }
        output.blocks["symbolic.output-components"] = s.aligned(lines)
        let delta: MathExpression = single ? d.neuron(.error, layer: L, 1) : .delta(d.layer(L))
        let residualVector: MathExpression = single ? residual(1) : .difference(.a(d.layer(L)), .y(shape: .vector, role: .input))
        var members: [MathExpression] = [delta]
        let cancels = d.network.loss == .crossEntropy
        if !single && !cancels {
            if activation == .softmax {
                members.append(.juxtapose(.symbol(MathSymbol(.other("J"), shape: .matrix, layer: d.layer(L), role: .activation)), .parentheses(residualVector)))
            } else if d.options.errorForm == .jacobian || activation == .linear {
                members.append(.juxtapose(ProofSymbols.diagonal(d.layer(L)), .parentheses(residualVector)))
                members.append(.juxtapose(s.diagonal(L), s.column(layer: L, residual)))
            } else {
                members.append(.hadamard([.parentheses(residualVector), .colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: L)), .z(d.layer(L))))]))
            }
        }
        if activation == .linear || cancels {
            members.append(residualVector)
        }
        if !single && !(activation == .softmax && d.network.loss == .mse) {
            members.append(s.column(layer: L) { j in
                switch (d.network.loss, activation) {
                case (.crossEntropy, _), (_, .linear): return residual(j)
                default: return .juxtapose(.parentheses(residual(j)), s.slope(L, j))
                }
            })
        }
        if !single { output.blocks["symbolic.output-vector"] = s.display(members) }
        return .object([
            "isSingle": .bool(single),
            "isLinear": .bool(activation == .linear),
            "isSoftmax": .bool(activation == .softmax),
            "cancels": .bool(cancels),
            "identity": .string(s.tex(ProofSymbols.diagonal(d.layer(L))) + " = I"),
            "deltaTeX": .string(s.tex(delta)),
            "jacobian": .string(s.tex(.symbol(MathSymbol(.other("J"), shape: .matrix, layer: d.layer(L), role: .activation))) + " = "
                + s.tex(.difference(.apply(.other("\\operatorname{diag}"), .a(d.layer(L))), .juxtapose(.a(d.layer(L)), .transpose(.a(d.layer(L))))))),
        ])
    }

    /// δ⁽ˡ⁾ of a hidden layer: the explicit chain rule for its first shown neuron, "similarly" the
    /// others, then the matrix form with D⁽ˡ⁾ and (W⁽ˡ⁺¹⁾)ᵀ written out.
    private static func hiddenError(_ l: Int, _ s: SymbolicMath, _ output: inout SectionOutput) -> MustacheValue {
        let d = s.d
        let shown = ShownNeurons(layer: l, d)
        let first = d.spec.focus.layer == l ? d.spec.focus.neuron : shown.indices[0]
        let delta = d.neuron(.error, layer: l, first)
        let z = d.neuron(.preActivation, layer: l, first)
        let next = l + 1
        var chainTerms: [Term] = []
        for index in d.shown[next].entries {
            guard let j = index.map({ $0 + 1 }) else { chainTerms.append(.plus(.elidedTerms)); continue }
            chainTerms.append(.plus(.juxtapose(.lossGradient(withRespectTo: d.neuron(.preActivation, layer: next, j)),
                                              .partial(of: d.neuron(.preActivation, layer: next, j), withRespectTo: z, style: .frac))))
        }
        let name = "symbolic.hidden-\(l)"
        output.blocks[name + "-chain"] = s.display([delta, .lossGradient(withRespectTo: z), .wrappedSum(chainTerms, perLine: 3),
                                                    .juxtapose(s.slope(l, first), .parentheses(s.backSum(into: first, from: next)))])
        let others = shown.indices.filter { $0 != first }
        output.blocks[name + "-others"] = others.isEmpty ? nil
            : s.aligned(others.map { k in (d.neuron(.error, layer: l, k), [.juxtapose(s.slope(l, k), .parentheses(s.backSum(into: k, from: next)))]) })
        let single = d.network.layers[l] == 1
        let nextDelta: MathExpression = d.network.layers[next] == 1 ? d.neuron(.error, layer: next, 1) : .delta(d.layer(next))
        let lhs: MathExpression = single ? d.neuron(.error, layer: l, 1) : .delta(d.layer(l))
        let rule: MathExpression = d.options.errorForm == .jacobian
            ? .juxtapose(ProofSymbols.diagonal(d.layer(l)), .transpose(.w(d.layer(next))), nextDelta)
            : .hadamard([.parentheses(.juxtapose(.transpose(.w(d.layer(next))), nextDelta)), .colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: l)), .z(d.layer(l))))])
        let written: MathExpression = .hadamard([.parentheses(.juxtapose(s.transposedWeights(next), s.column(.error, layer: next))), s.column(layer: l) { k in s.slope(l, k) }])
        if d.options.errorForm == .jacobian {
            // D⁽ˡ⁾ on a line of its own: beside (W⁽ˡ⁺¹⁾)ᵀ and δ⁽ˡ⁺¹⁾ it would not fit a page.
            let body = s.tex(lhs) + " &= " + s.tex(rule) + " \\\\ &= " + s.tex(s.diagonal(l)) + " \\\\ &\\qquad "
                + s.tex(.juxtapose(s.transposedWeights(next), s.column(.error, layer: next)))
            output.blocks[name + "-matrix"] = .displayMath(Math("\\begin{aligned} " + body + " \\end{aligned}"), id: nil, numbered: false)
        } else {
            output.blocks[name + "-matrix"] = s.display([lhs, rule, written])
        }
        var values = shown.values
        values.merge([
            "number": .string(d.layerNumber(l)),
            "nextNumber": .string(d.layerNumber(next)),
            "deltaTeX": .string(s.tex(lhs)),
            "firstTeX": .string(s.tex(delta)),
            "chainBlock": .string(name + "-chain"),
            "othersBlock": others.isEmpty ? .null : .string(name + "-others"),
            "matrixBlock": .string(name + "-matrix"),
        ]) { _, new in new }
        return .object(values)
    }

    /// ∂C/∂W⁽ˡ⁾ = δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ entry by entry, and ∂C/∂b⁽ˡ⁾ = δ⁽ˡ⁾.
    private static func gradients(_ l: Int, _ s: SymbolicMath, _ output: inout SectionOutput) -> MustacheValue {
        let d = s.d
        let layer = d.layer(l)
        let previous: MathExpression = l == 1 ? .x(role: .input) : .a(d.layer(l - 1))
        let previousBase: MathSymbol.Base = l == 1 ? .input : .activation
        let name = "symbolic.gradient-\(l)"
        output.blocks[name + "-w"] = s.display([
            .lossGradient(withRespectTo: .w(layer)), .juxtapose(.delta(layer), .transpose(previous)),
            .juxtapose(s.column(.error, layer: l), s.row(previousBase, layer: l - 1)),
            s.matrix(rows: l, columns: l - 1) { j, k in .juxtapose(d.neuron(.error, layer: l, j), d.neuron(previousBase, layer: l - 1, k)) },
        ])
        output.blocks[name + "-b"] = s.display([.lossGradient(withRespectTo: .b(layer)), .delta(layer), s.column(.error, layer: l)], stacked: false)
        return .object([
            "number": .string(d.layerNumber(l)),
            "wBlock": .string(name + "-w"), "bBlock": .string(name + "-b"),
        ])
    }
}
