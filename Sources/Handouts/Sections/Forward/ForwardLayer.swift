import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The forward step of one layer: z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ neuron by neuron, then in matrix form
/// with the actual matrices (boxed), the activations neuron by neuron and boxed, and the later
/// steps that reuse them.
///
/// Blocks (l is the spec's layer index): `forward.layer-l.z-j`, `forward.layer-l.z`,
/// `forward.layer-l.a-j`, `forward.layer-l.a`.
struct ForwardLayer {
    let l: Int
    let d: Derivation
    let steps: WorkedSteps

    /// The widest W⁽ˡ⁾ written out in the matrix form W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ = …: with its input and
    /// bias columns a wider one runs off the page (the parameter table shows it instead).
    static let matrixFormColumns = 8

    func build(into output: inout SectionOutput) throws -> MustacheValue {
        let shown = ShownNeurons(layer: l, d)
        let previousShown = ShownNeurons(layer: l - 1, d)
        let prefix = "forward.layer-\(l)"
        var zBlocks: [MustacheValue] = []
        var aBlocks: [MustacheValue] = []
        for j in shown.indices {
            output.blocks["\(prefix).z-\(j)"] = try preActivation(neuron: j)
            output.blocks["\(prefix).a-\(j)"] = try ActivationChain.block(layer: l, neuron: j, single: shown.width == 1, d)
            zBlocks.append(.string("\(prefix).z-\(j)"))
            aBlocks.append(.string("\(prefix).a-\(j)"))
        }
        let full = !shown.isSummarised && !previousShown.isSummarised && previousShown.width <= Self.matrixFormColumns
        output.blocks["\(prefix).z"] = try matrixForm(full: full, shown: shown)
        if shown.width > 1 {
            output.blocks["\(prefix).a"] = d.display.chain(
            [.a(d.layer(l), role: .activation), try shown.column(d.trace.layers[l].a, role: .activation, d)],
            column: d.trace.layers[l].a, rows: d.shown[l], id: "eq:forward-\(l)-a", boxed: true)
        }
        let step = steps.forwardLayers[l - 1]
        let used = steps.steps(using: l, focus: d.spec.focus)
        var values = shown.values
        values.merge([
            "layer": .number(String(l)),
            "number": .string(d.layerNumber(l)),
            "label": .string(step.label),
            "id": .string(step.id),
            "isOutput": .bool(l == d.outputLayer),
            "isFirst": .bool(l == 1),
            "zTeX": .string(d.display.tex(.z(d.layer(l)))),
            "aTeX": .string(d.display.tex(.a(d.layer(l), role: .activation))),
            "matrixForm": .string(d.display.tex(symbolicMatrixForm)),
            "activationForm": .string(d.display.tex(.apply(.activation(d.activationSymbol(ofLayer: l)), .z(d.layer(l))))),
            "previous": .object(previousShown.values.merging([
                "isInput": .bool(l == 1), "number": .string(d.layerNumber(l - 1)),
            ]) { _, new in new }),
            "zBlocks": .list(zBlocks),
            "aBlocks": .list(aBlocks),
            "zBlock": .string("\(prefix).z"),
            "aBlock": .string("\(prefix).a"),
            "isSingle": .bool(shown.width == 1),
            "usedIn": WorkedSteps.values(used),
            "isUsedLater": .bool(!used.isEmpty),
            "isUsedInSeveral": .bool(used.count > 1),
        ]) { _, new in new }
        values["activation"] = NetworkFacts.activationFacts(d.network.activation(ofLayer: l), d)
        return .object(values)
    }

    /// a⁽ˡ⁻¹⁾ as a symbol: x for the first layer.
    private func source(_ k: SubscriptIndex?) -> MathExpression {
        if l == 1 { return k.map { .x($0, role: .input) } ?? .x(role: .input) }
        return k.map { .a(d.layer(l - 1), $0, role: .activation) } ?? .a(d.layer(l - 1), role: .activation)
    }

    /// Neuron k of layer l − 1.
    private func source(neuron k: Int) -> MathExpression {
        d.neuron(.activation, layer: l - 1, k, role: sourceRole)
    }

    private var sourceRole: Role { l == 1 ? .input : .activation }

    /// W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾.
    private var symbolicMatrixForm: MathExpression {
        .sum(.juxtapose(.w(d.layer(l), role: .weight), source(nil)), .b(d.layer(l), role: .weight))
    }

    /// zⱼ⁽ˡ⁾ = Σₖ wⱼₖ aₖ + bⱼ, element by element.
    private func preActivation(neuron j: Int) throws -> Block {
        let layer = d.layer(l)
        let weights = d.network.weights[l - 1][j - 1]
        let inputs = d.trace.layers[l - 1].a
        let terms = weights.indices.map { k in
            WeightedTerm(coefficientSymbol: .w(layer, .number(j), .number(k + 1), role: .weight),
                         factorSymbol: source(neuron: k + 1),
                         coefficient: .exact(weights[k]), coefficientRole: .weight,
                         factor: inputs[k], factorRole: sourceRole)
        }
        let chain = WeightedSumChain(terms: terms, bias: (.b(layer, .number(j), role: .weight), d.network.biases[l - 1][j - 1]), shown: d.shown[l - 1])
        return try chain.block(lhs: d.neuron(.preActivation, layer: l, j), value: d.trace.layers[l].z![j - 1], resultRole: .plain, id: nil, boxed: false, d)
    }

    /// z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ with the matrices (when both layers are shown in full and W⁽ˡ⁾ has at
    /// most `matrixFormColumns` columns), boxed.
    private func matrixForm(full: Bool, shown: ShownNeurons) throws -> Block {
        let z = d.trace.layers[l].z!
        var members: [MathExpression] = [shown.width == 1 ? d.neuron(.preActivation, layer: l, 1) : .z(d.layer(l)), symbolicMatrixForm]
        if full {
            let weights = d.display.matrix(d.network.weights[l - 1], role: .weight)
            let inputs = try d.display.column(d.trace.layers[l - 1].a, role: sourceRole)
            let biases = shown.column { d.display.number(d.network.biases[l - 1][$0 - 1], role: .weight) }
            members.append(.sum(.juxtapose(weights, inputs), biases))
        }
        members.append(try shown.column(z, role: .plain, d))
        return d.display.chain(members, column: z, rows: d.shown[l], id: "eq:forward-\(l)-z", boxed: true)
    }
}
