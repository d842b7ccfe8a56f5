import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// What every section is derived from: the trace, the options, and the display rules.
struct Derivation: Sendable {
    let trace: Trace
    let options: HandoutOptions
    let display: Display
    /// What the hand-checkable chains of this document could not make reproducible.
    let handCheckLedger = HandCheckLedger()
    /// `shown[l]`: the neurons of layer l (0-based) the handout shows — in the figure, the
    /// parameter table, every vector and every worked step alike (`ShownNeurons`).
    let shown: [ShownIndices]

    init(trace: Trace, options: HandoutOptions) {
        self.trace = trace
        self.options = options
        display = Display(options: options, ledger: handCheckLedger)
        shown = ShownNeurons.decide(trace.spec, paths: trace.paths, options: options)
    }

    var spec: Spec { trace.spec }
    var network: Network { trace.spec.network }
    /// L, the output layer (as in the spec, before any notation shift).
    var outputLayer: Int { network.outputLayer }
    var notation: Notation { options.notation }
    /// Arithmetic at the trace's precision, for products shown in the steps.
    var arithmetic: RealArithmetic { RealArithmetic(precision: trace.precision) }

    /// The layer index as printed (the notation may number the input layer 1).
    func layer(_ l: Int) -> LayerIndex { .number(l) }

    /// The displayed number of layer `l` as plain text (`2`, or `3` when the input is layer 1).
    func layerNumber(_ l: Int) -> String { String(l + notation.inputLayerNumber) }

    /// The TeX of the focus parameter, e.g. `w^{(1)}_{1,1}`.
    var focusSymbol: MathExpression {
        switch spec.focus {
        case .weight(let l, let j, let k): return .w(layer(l), .number(j), .number(k))
        case .bias(let l, let j): return .b(layer(l), .number(j))
        }
    }

    /// ∂L/∂(focus) as a math expression.
    var focusDerivative: MathExpression { .lossGradient(withRespectTo: focusSymbol) }
}

/// What one section contributes: values for its template and blocks it generates.
struct SectionOutput {
    /// The section's values, placed in the template context under the section's key.
    var values: [String: MustacheValue] = [:]
    /// Blocks the template places with `@@name`; names are global, so prefix them.
    var blocks: [String: Block] = [:]
}

extension Derivation {
    /// The symbol of layer `l`'s activation (σ, tanh, ReLU, f for linear, softmax).
    func activationSymbol(ofLayer l: Int) -> ActivationSymbol {
        switch network.activation(ofLayer: l) {
        case .sigmoid: return .sigma
        case .tanh: return .tanh
        case .relu: return .relu
        case .linear: return .generic("f")
        case .softmax: return .generic("\\operatorname{softmax}")
        }
    }

    /// The symbol for statements about every layer: the network's activation when all layers
    /// share one, else a generic f.
    var generalActivationSymbol: ActivationSymbol {
        Set(network.activations).count == 1 ? activationSymbol(ofLayer: 1) : .generic("f")
    }

    /// The hidden layers' shared activation (the output's when there is no hidden layer), or a
    /// generic f when they differ: the activation BP2 is stated for.
    var hiddenActivationSymbol: ActivationSymbol {
        let hidden = Set(network.activations.dropLast())
        // Without hidden layers the only activation is the output's (layer 1).
        return hidden.count <= 1 ? activationSymbol(ofLayer: 1) : .generic("f")
    }
}
