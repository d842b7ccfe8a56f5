import Backprop
import Documents
import Typesetting

/// The focus parameter's gradient in symbols: BP3/BP4 for it, then its error written as a
/// nested sum over the neurons of every later layer, and term by term when there are at most
/// `maximumListed` paths.
enum SymbolicFocus {
    static let maximumListed = 8

    static func values(_ s: SymbolicMath, _ output: inout SectionOutput) -> MustacheValue {
        let d = s.d
        let focus = d.spec.focus
        let l = focus.layer, j = focus.neuron
        let L = d.outputLayer
        let delta = d.neuron(.error, layer: l, j)
        var members: [MathExpression] = [d.focusDerivative]
        var source: MathExpression?
        if case .weight(_, _, let k) = focus {
            source = d.neuron(l == 1 ? .input : .activation, layer: l - 1, k, role: l == 1 ? .input : nil)
            members.append(.juxtapose(delta, source!))
        } else {
            members.append(delta)
        }
        output.blocks["symbolic.focus"] = s.display(members)
        let paths = ((l + 1)...max(l + 1, L)).reduce(1) { $0 * (l < L ? d.network.layers[$1] : 1) }
        var values: [String: MustacheValue] = [
            "isOutputLayer": .bool(l == L),
            "deltaTeX": .string(s.tex(delta)),
            "pathCount": .number(String(paths)),
            "singlePath": .bool(paths == 1),
            "pathNoun": .string(Words.noun(paths, "path")),
            "isWeight": .bool(source != nil),
        ]
        guard l < L else { return .object(values) }
        // δ⁽ˡ⁾ⱼ = f′(z⁽ˡ⁾ⱼ) Σ_{i} w⁽ˡ⁺¹⁾_{i,j} f′(z⁽ˡ⁺¹⁾ᵢ) Σ … δ⁽ᴸ⁾.
        func name(_ m: Int) -> String { "i_{\(d.layerNumber(m))}" }
        func index(_ m: Int) -> SubscriptIndex { .letter(name(m)) }
        var nested = s.tex(s.slope(l, j))
        for m in (l + 1)...L {
            let from: SubscriptIndex = m == l + 1 ? .number(j) : index(m - 1)
            nested += " \\sum_{\(name(m))} " + s.tex(.w(d.layer(m), index(m), from))
            if m < L {
                nested += " " + s.tex(d.derivative(ofLayer: m, at: .z(d.layer(m), index(m))))
            } else {
                nested += " " + s.tex(.delta(d.layer(L), index(L)))
            }
        }
        output.blocks["symbolic.focus-nested"] = .displayMath(Math(s.tex(delta) + " = " + nested), id: nil, numbered: false)
        guard paths <= maximumListed else { return .object(values) }
        // Every path: one neuron i_m in each later layer.
        var tuples: [[Int]] = [[]]
        for m in (l + 1)...L { tuples = tuples.flatMap { t in (1...d.network.layers[m]).map { t + [$0] } } }
        let terms = tuples.map { tuple -> MathExpression in
            var factors: [MathExpression] = source.map { [$0] } ?? []
            factors.append(s.slope(l, j))
            var previous = j
            for (offset, i) in tuple.enumerated() {
                let m = l + 1 + offset
                factors.append(.w(d.layer(m), .number(i), .number(previous)))
                factors.append(m < L ? s.slope(m, i) : d.neuron(.error, layer: L, i))
                previous = i
            }
            return .product(factors, .juxtaposition)
        }
        output.blocks["symbolic.focus-paths"] = s.display([d.focusDerivative, .sum(terms.map { Term.plus($0) })])
        values["listsPaths"] = true
        return .object(values)
    }
}
