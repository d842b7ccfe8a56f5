import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The activation derivatives the backward pass needs: f′(zⱼ⁽ˡ⁾) for every layer from the
/// focus layer to the output, one table row per shown neuron (`{{derivatives.rows}}`), each an
/// inline chain through the derivative identity (σ′ = σ(1 − σ), tanh′ = 1 − tanh², ReLU′ ∈ {0, 1},
/// linear 1). A softmax output has a Jacobian instead (block `derivatives.jacobian`).
enum DerivativesSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let steps = WorkedSteps(d)
        var output = SectionOutput()
        var rows: [MustacheValue] = []
        var summarised: [MustacheValue] = []
        for l in d.spec.focus.layer...d.outputLayer where d.network.activation(ofLayer: l).isElementwise {
            let shown = ShownNeurons(layer: l, d)
            if shown.isSummarised { summarised.append(.object(shown.values.merging(["number": .string(d.layerNumber(l))]) { _, new in new })) }
            for j in shown.indices { rows.append(try row(layer: l, neuron: j, d)) }
        }
        let L = d.outputLayer
        let softmax = d.network.activation(ofLayer: L) == .softmax
        if softmax, case .jacobian(let jacobian) = d.trace.layers[L].derivative {
            output.blocks["derivatives.jacobian"] = try jacobianBlock(jacobian, d)
        }
        output.values = [
            "label": .string(steps.derivatives.label),
            "rows": .list(rows),
            "hasRows": .bool(!rows.isEmpty),
            "summarised": .list(summarised),
            "skipsLayers": .bool(d.spec.focus.layer > 1),
            "focusNumber": .string(d.layerNumber(d.spec.focus.layer)),
            "hasSoftmaxOutput": .bool(softmax),
            "softmaxNeedsJacobian": .bool(softmax && d.network.loss == .mse),
            "hasDeadNeurons": .bool(rows.contains { Self.flag("isDead", $0) }),
            "hasKinkNeurons": .bool(rows.contains { Self.flag("isKink", $0) }),
            "identities": Words.separatedList(distinctIdentities(d)),
        ]
        output.values.merge(try KinkFacts(d).values) { _, new in new }
        return output
    }

    /// One neuron: its layer, z, and the chain f′(z) = identity = values ≈ result.
    private static func row(layer l: Int, neuron j: Int, _ d: Derivation) throws -> MustacheValue {
        let display = d.display
        let z = d.trace.layers[l].z![j - 1]
        let a = d.trace.layers[l].a[j - 1]
        let value = d.derivativeValue(layer: l, j)!
        let zSymbol = d.neuron(.preActivation, layer: l, j)
        let aSymbol = d.neuron(.activation, layer: l, j)
        let one = display.number(Rational(1))
        var members: [MathExpression] = [d.derivative(ofLayer: l, at: zSymbol)]
        switch d.network.activation(ofLayer: l) {
        case .sigmoid:
            let shown = try display.number(a, role: .activation)
            members.append(.juxtapose(aSymbol, .parentheses(.difference(one, aSymbol))))
            members.append(.juxtapose(shown, .parentheses(.difference(one, shown))))
        case .tanh:
            let shown = try display.number(a, role: .activation)
            members.append(.difference(one, .power(aSymbol, exponent: display.number(Rational(2)))))
            members.append(.difference(one, .power(shown, exponent: display.number(Rational(2)))))
        case .relu, .linear, .softmax:
            break
        }
        members.append(try display.number(value, role: .activation))
        let isReLU = d.network.activation(ofLayer: l) == .relu
        // z = 0 exactly is ReLU's kink, where the slope 0 is a convention; z < 0 is a dead neuron.
        let isKink = isReLU && z.exactValue?.isZero == true
        let isDead = isReLU && value.exactValue?.isZero == true && !isKink
        return .object([
            "layer": .string(d.layerNumber(l)),
            "neuron": .number(String(j)),
            "z": .string(try display.tex(z)),
            "zRelation": .string(try display.relation(z)),
            "zSymbol": .string(display.tex(zSymbol)),
            "chain": .string(display.inlineChain(members, value: value)),
            "isDead": .bool(isDead),
            "isKink": .bool(isKink),
        ])
    }

    /// Whether a row has the flag `key`.
    private static func flag(_ key: String, _ row: MustacheValue) -> Bool {
        if case .object(let o) = row { return o[key] == .bool(true) }
        return false
    }

    /// The derivative identity of each activation from the focus layer to the output, once each.
    private static func distinctIdentities(_ d: Derivation) -> [String] {
        var seen: [Activation] = []
        for l in d.spec.focus.layer...d.outputLayer where !seen.contains(d.network.activation(ofLayer: l)) {
            seen.append(d.network.activation(ofLayer: l))
        }
        return seen.compactMap {
            guard case .object(let facts) = NetworkFacts.activationFacts($0, d), case .string(let tex)? = facts["derivativeIdentity"] else { return nil }
            return tex
        }
    }

    /// J = ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ = diag(a) − a aᵀ of a softmax output, with its values.
    private static func jacobianBlock(_ jacobian: [[Real]], _ d: Derivation) throws -> Block {
        let L = d.outputLayer
        let a = MathExpression.a(d.layer(L))
        var members: [MathExpression] = [
            .colored(.activation, .partial(of: a, withRespectTo: .z(d.layer(L)), style: .frac)),
            .difference(.apply(.other("\\operatorname{diag}"), a), .juxtapose(a, .transpose(a))),
        ]
        let shown = d.shown[L]
        members.append(try d.display.summarisedMatrix(rows: shown, columns: shown) { i, j throws(PrecisionShortfall) in
            try d.display.number(jacobian[i][j], role: .activation)
        }.matrix)
        return d.display.chain(members, matrix: jacobian, rows: shown, columns: shown, id: "eq:derivatives-jacobian")
    }
}
