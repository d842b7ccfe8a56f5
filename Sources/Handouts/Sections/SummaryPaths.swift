import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The focus gradient as a sum over the active chain-rule paths: the symbolic expansion (one
/// underbraced term per shown path) and each path's certified contribution, summing to the
/// gradient. At most `maximumShownPaths` paths are written out; the rest are counted and their
/// contributions summed into one term.
struct SummaryPaths {
    let d: Derivation

    /// The active paths in the trace's order (the listed ones; a path with an exactly zero
    /// factor contributes nothing and is left out).
    var active: [GradientPath] { d.trace.paths.listed.filter(\.isActive) }
    /// The paths the formulas draw from: the active ones, or — when no listed path is active —
    /// the inactive ones, so the zero factor that makes their terms vanish is seen.
    private var pool: [GradientPath] { active.isEmpty ? d.trace.paths.listed : active }
    var shown: ArraySlice<GradientPath> { pool.prefix(d.options.maximumShownPaths) }
    /// Paths not written out: those of the pool beyond the limit and any beyond the trace's list.
    var restCount: Int { d.trace.paths.count - d.trace.paths.listed.count + pool.count - shown.count }
    /// Listed paths with an exactly zero factor.
    var inactiveCount: Int { d.trace.paths.listed.count - active.count }
    /// Active paths: the listed active ones and any beyond the list.
    var activeCount: Int { d.trace.paths.count - inactiveCount }
    /// Whether no path is active: the gradient is exactly 0.
    var noneActive: Bool { activeCount == 0 }

    // MARK: Factors

    /// One local derivative along a path: its symbol and its value.
    struct Factor {
        let symbol: MathExpression
        let value: Real
        let role: Role
    }

    private func derivative(layer m: Int, neuron n: Int) -> Factor {
        guard case .diagonal(let values)? = d.trace.layers[m].derivative else {
            preconditionFailure("only the output layer may be a softmax")
        }
        let symbol = MathExpression.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: m)), .z(d.layer(m), .number(n))))
        return Factor(symbol: symbol, value: values[n - 1], role: .activation)
    }

    /// The output neuron's δ⁽ᴸ⁾ₙ: ∂L/∂a⁽ᴸ⁾ₙ · f′(z⁽ᴸ⁾ₙ) for an elementwise output, δ⁽ᴸ⁾ₙ itself for softmax.
    private func outputFactors(neuron n: Int) -> [Factor] {
        let L = d.outputLayer
        if d.network.activation(ofLayer: L) == .softmax {
            return [Factor(symbol: .delta(d.layer(L), .number(n)), value: d.trace.deltas[L][n - 1], role: .error)]
        }
        return [
            Factor(symbol: .lossGradient(withRespectTo: .a(d.layer(L), .number(n))), value: d.trace.lossGradient[n - 1], role: .error),
            derivative(layer: L, neuron: n),
        ]
    }

    /// Weights and derivatives along a path, from the output down: w⁽ᴸ⁾ f′(z⁽ᴸ⁻¹⁾) … w⁽ˡ⁺¹⁾.
    private func hops(_ path: GradientPath) -> [Factor] {
        let l = d.spec.focus.layer
        var factors: [Factor] = []
        for m in stride(from: d.outputLayer, to: l, by: -1) {
            let to = path.neurons[m - l]
            let from = path.neurons[m - l - 1]
            factors.append(Factor(symbol: .w(d.layer(m), .number(to), .number(from)),
                                  value: .exact(d.network.weights[m - 1][to - 1][from - 1]), role: .weight))
            if m - 1 > l { factors.append(derivative(layer: m - 1, neuron: from)) }
        }
        return factors
    }

    /// f′(z⁽ˡ⁾ⱼ) and, for a weight, its source activation: the factors every path shares.
    private var focusFactors: [Factor] {
        let l = d.spec.focus.layer
        var factors: [Factor] = []
        if l < d.outputLayer { factors.append(derivative(layer: l, neuron: d.spec.focus.neuron)) }
        if case .weight(_, _, let k) = d.spec.focus {
            let symbol: MathExpression = l == 1 ? .x(.number(k)) : .a(d.layer(l - 1), .number(k))
            factors.append(Factor(symbol: symbol, value: d.trace.layers[l - 1].a[k - 1], role: l == 1 ? .input : .activation))
        }
        return factors
    }

    private var singleOutput: Bool { d.network.layers[d.outputLayer] == 1 }

    /// The factors in front of the bracket, the factors of each shown path inside it, the
    /// factors behind it; no bracket when the focus is in the output layer.
    private var layout: (front: [Factor], paths: [[Factor]], back: [Factor]) {
        guard d.spec.focus.layer < d.outputLayer else {
            return (outputFactors(neuron: d.spec.focus.neuron) + focusFactors, [], [])
        }
        let paths = shown.map { path in (singleOutput ? [] : outputFactors(neuron: path.neurons.last!)) + hops(path) }
        return (singleOutput ? outputFactors(neuron: 1) : [], paths, focusFactors)
    }

    // MARK: Symbolic

    /// Whether the symbolic form lists every path (few paths) or sums over the neurons.
    var isExpanded: Bool { restCount == 0 && shown.count <= Self.maximumSubstitutedPaths }

    /// ∂L/∂θ = [output factors] · [Σ over paths] · f′(z⁽ˡ⁾ⱼ) · a⁽ˡ⁻¹⁾ₖ: each path underbraced
    /// with its number when few, else one sum over the neurons of the layers in between.
    var symbolic: MathExpression {
        let (front, paths, back) = layout
        guard !paths.isEmpty else { return .product(front.map(\.symbol), .cdot) }
        // A single path is one product: no bracket, no underbrace numbering it 1.
        if paths.count == 1 && isExpanded { return .product((front + paths[0] + back).map(\.symbol), .cdot) }
        let inner: MathExpression
        if isExpanded {
            inner = .sum(paths.enumerated().map { i, factors in
                .plus(.underbrace(.product(factors.map(\.symbol), .juxtaposition), label: .number(NumberLiteral(exactly: Rational(i + 1)))))
            })
        } else {
            inner = generalPath
        }
        let bracket = MathExpression.tex("\\left[" + d.display.tex(inner) + "\\right]")
        return .product(front.map(\.symbol) + [bracket] + back.map(\.symbol), .cdot)
    }

    /// Σ over the neurons i₍ₘ₎ of every layer after the focus layer (all but a single output) of
    /// the weights and derivatives along the path they pick.
    private var generalPath: MathExpression {
        let l = d.spec.focus.layer
        let L = d.outputLayer
        let summedLayers = Array((l + 1)...(singleOutput ? L - 1 : L))
        func neuron(_ m: Int) -> SubscriptIndex {
            m == l ? .number(d.spec.focus.neuron) : (m == L && singleOutput ? .number(1) : .letter("i_{\(d.layerNumber(m))}"))
        }
        var factors: [MathExpression] = []
        if !singleOutput { factors.append(.delta(d.layer(L), neuron(L))) }
        for m in stride(from: L, to: l, by: -1) {
            factors.append(.w(d.layer(m), neuron(m), neuron(m - 1)))
            if m - 1 > l {
                factors.append(.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: m - 1)), .z(d.layer(m - 1), neuron(m - 1)))))
            }
        }
        let indices = summedLayers.map { "i_{\(d.layerNumber($0))}" }.joined(separator: ", ")
        return .summation(below: .tex(indices), above: nil, body: .product(factors, .juxtaposition))
    }

    /// The symbolic form with every factor replaced by its displayed value.
    func substituted() throws(PrecisionShortfall) -> MathExpression {
        func numbers(_ factors: [Factor]) throws(PrecisionShortfall) -> [MathExpression] {
            var out: [MathExpression] = []
            for factor in factors { out.append(try d.display.number(factor.value, role: factor.role)) }
            return out
        }
        let (front, paths, back) = layout
        guard !paths.isEmpty else { return .product(try numbers(front), .cdot) }
        var terms: [MathExpression] = []
        for factors in paths { terms.append(.product(try numbers(factors), .cdot)) }
        return .product(try numbers(front) + [.parentheses(.sum(terms.map(Term.plus)))] + numbers(back), .cdot)
    }

    // MARK: Numeric

    /// The certified sum of the paths not written out: the gradient minus the shown ones.
    var restContribution: Real {
        d.arithmetic.subtract(d.trace.focusGradient, d.arithmetic.sum(shown.map(\.product)))
    }

    /// Up to this many paths the formulas list every path and show every factor's value (as
    /// seed 000 does); more would not fit a line.
    static let maximumSubstitutedPaths = 2

    /// ∂L/∂θ ≈ (factors substituted) ≈ p₁ + p₂ + … (+ rest) ≈ the gradient, each relation
    /// decided by the display chain.
    func numericChain() throws(PrecisionShortfall) -> Block {
        var members: [MathExpression] = [d.focusDerivative]
        if isExpanded { members.append(try substituted()) }
        var terms: [MathExpression] = []
        for path in shown { terms.append(try d.display.number(path.product, role: .error)) }
        if restCount > 0 { terms.append(try d.display.number(restContribution, role: .error)) }
        // A long sum is set on several lines of the chain.
        if terms.count > 1 { members.append(.wrappedSum(terms.map(Term.plus))) }
        members.append(try d.display.number(d.trace.focusGradient, role: .error))
        return d.display.chain(members, value: d.trace.focusGradient)
    }

    /// One row per shown path: its number, its route through the pre-activations, its contribution.
    func rows() throws(PrecisionShortfall) -> [MustacheValue] {
        let l = d.spec.focus.layer
        var rows: [MustacheValue] = []
        for (i, path) in shown.enumerated() {
            let route = path.neurons.enumerated().map { offset, n in d.display.tex(.z(d.layer(l + offset), .number(n))) }
            let factors = layout.paths.isEmpty ? [] : layout.paths[i]
            rows.append(.object([
                "number": .number(String(i + 1)),
                "factors": .string(d.display.tex(.product(factors.map(\.symbol), .juxtaposition))),
                "route": .string(route.joined(separator: " \\to ")),
                "product": .string(try d.display.tex(path.product, role: .error)),
            ]))
        }
        return rows
    }
}
