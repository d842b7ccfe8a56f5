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
    var shown: ArraySlice<GradientPath> { active.prefix(d.options.maximumShownPaths) }
    /// Paths not written out: active listed ones beyond the limit and any beyond the trace's list.
    var restCount: Int { d.trace.paths.count - d.trace.paths.listed.count + active.count - shown.count }
    var inactiveCount: Int { d.trace.paths.listed.count - active.count }

    // MARK: Symbolic

    /// The single output neuron's δ, factored out of every path when the output is one
    /// elementwise neuron: ∂L/∂a⁽ᴸ⁾ · f′(z⁽ᴸ⁾).
    private func outputFactors(neuron n: Int) -> [MathExpression] {
        let L = d.outputLayer
        if d.network.activation(ofLayer: L) == .softmax { return [.delta(d.layer(L), .number(n))] }
        return [
            .lossGradient(withRespectTo: .a(d.layer(L), .number(n))),
            .colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: L)), .z(d.layer(L), .number(n)))),
        ]
    }

    /// Weights and derivatives along a path, from the output down: w⁽ᴸ⁾ f′(z⁽ᴸ⁻¹⁾) … w⁽ˡ⁺¹⁾.
    private func hops(_ path: GradientPath) -> [MathExpression] {
        let l = d.spec.focus.layer
        var factors: [MathExpression] = []
        for m in stride(from: d.outputLayer, to: l, by: -1) {
            let to = path.neurons[m - l]
            let from = path.neurons[m - l - 1]
            factors.append(.w(d.layer(m), .number(to), .number(from)))
            if m - 1 > l {
                factors.append(.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: m - 1)), .z(d.layer(m - 1), .number(from)))))
            }
        }
        return factors
    }

    /// f′(z⁽ˡ⁾ⱼ) and, for a weight, its source activation: the factors every path shares.
    private var focusFactors: [MathExpression] {
        let l = d.spec.focus.layer
        let j = d.spec.focus.neuron
        var factors: [MathExpression] = []
        if l < d.outputLayer {
            factors.append(.colored(.activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: l)), .z(d.layer(l), .number(j)))))
        }
        if case .weight(_, _, let k) = d.spec.focus {
            factors.append(l == 1 ? .x(.number(k)) : .a(d.layer(l - 1), .number(k)))
        }
        return factors
    }

    /// ∂L/∂θ = [output factors] · [Σ over paths] · f′(z⁽ˡ⁾ⱼ) · a⁽ˡ⁻¹⁾ₖ.
    var symbolic: MathExpression {
        let l = d.spec.focus.layer
        let L = d.outputLayer
        guard l < L else {
            return .product(outputFactors(neuron: d.spec.focus.neuron) + focusFactors, .cdot)
        }
        let singleOutput = d.network.layers[L] == 1
        var terms: [MathExpression] = shown.enumerated().map { i, path in
            let factors = (singleOutput ? [] : outputFactors(neuron: path.neurons.last!)) + hops(path)
            return .underbrace(.product(factors, .juxtaposition), label: .number(NumberLiteral(exactly: Rational(i + 1))))
        }
        if restCount > 0 { terms.append(.tex("\\cdots")) }
        let bracket = MathExpression.tex("\\left[" + d.display.tex(.sum(terms.map(Term.plus))) + "\\right]")
        return .product((singleOutput ? outputFactors(neuron: 1) : []) + [bracket] + focusFactors, .cdot)
    }

    // MARK: Numeric

    /// The certified sum of the paths not written out: the gradient minus the shown ones.
    var restContribution: Real {
        d.arithmetic.subtract(d.trace.focusGradient, d.arithmetic.sum(shown.map(\.product)))
    }

    /// ∂L/∂θ ≈ p₁ + p₂ + … (+ rest) ≈ the gradient, relations decided by the display chain.
    func numericChain() throws(PrecisionShortfall) -> Block {
        var terms: [MathExpression] = []
        for path in shown { terms.append(try d.display.number(path.product, role: .error)) }
        if restCount > 0 { terms.append(try d.display.number(restContribution, role: .error)) }
        let members: [MathExpression] = [d.focusDerivative, .sum(terms.map(Term.plus)), try d.display.number(d.trace.focusGradient, role: .error)]
        return d.display.chain(members, value: d.trace.focusGradient)
    }

    /// One row per shown path: its number, its route through the pre-activations, its contribution.
    func rows() throws(PrecisionShortfall) -> [MustacheValue] {
        let l = d.spec.focus.layer
        var rows: [MustacheValue] = []
        for (i, path) in shown.enumerated() {
            let route = path.neurons.enumerated().map { offset, n in d.display.tex(.z(d.layer(l + offset), .number(n))) }
            rows.append(.object([
                "number": .number(String(i + 1)),
                "route": .string(route.joined(separator: " \\to ")),
                "product": .string(try d.display.tex(path.product, role: .error)),
            ]))
        }
        return rows
    }
}
