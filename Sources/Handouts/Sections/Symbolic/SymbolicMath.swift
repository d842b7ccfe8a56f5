import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The symbols of the symbolic handout, neuron by neuron: vectors and matrices of symbols for
/// any layer, summarised by the layer's one decision (`Derivation.shown`) with ⋮ ⋯ ⋱.
struct SymbolicMath {
    let d: Derivation

    var tex: (MathExpression) -> String { d.display.tex }

    /// The column of a layer's symbols (`z`, `a`, `δ`; `x` for the input layer).
    func column(_ base: MathSymbol.Base, layer l: Int, role: Role? = nil) -> MathExpression {
        ShownNeurons(layer: l, d).column { j in d.neuron(base, layer: l, j, role: role) }
    }

    /// A column of expressions of neuron j of layer l.
    func column(layer l: Int, _ entry: (Int) -> MathExpression) -> MathExpression {
        ShownNeurons(layer: l, d).column(entry: entry)
    }

    /// The row (a⁽ˡ⁾)ᵀ of a layer's activations.
    func row(_ base: MathSymbol.Base, layer l: Int) -> MathExpression {
        var entries: [MathExpression] = []
        for index in d.shown[l].entries {
            entries.append(index.map { d.neuron(base, layer: l, $0 + 1) } ?? .elided("\\cdots"))
        }
        return entries.count == 1 ? entries[0] : .matrix([entries])
    }

    /// A matrix over layer `rows` × layer `columns` with entry(i, j) for 1-based neurons.
    func matrix(rows: Int, columns: Int, _ entry: (Int, Int) -> MathExpression) -> MathExpression {
        d.display.summarisedMatrix(rows: d.shown[rows], columns: d.shown[columns]) { i, j in entry(i + 1, j + 1) }.matrix
    }

    /// W⁽ˡ⁾ written out: w⁽ˡ⁾ⱼ,ₖ at row j, column k.
    func weights(_ l: Int) -> MathExpression {
        matrix(rows: l, columns: l - 1) { j, k in .w(d.layer(l), .number(j), .number(k)) }
    }

    /// (W⁽ˡ⁾)ᵀ written out: w⁽ˡ⁾ⱼ,ₖ at row k, column j.
    func transposedWeights(_ l: Int) -> MathExpression {
        matrix(rows: l - 1, columns: l) { k, j in .w(d.layer(l), .number(j), .number(k)) }
    }

    /// f′(z⁽ˡ⁾ⱼ), green.
    func slope(_ l: Int, _ j: Int) -> MathExpression {
        d.derivative(ofLayer: l, at: d.neuron(.preActivation, layer: l, j))
    }

    /// D⁽ˡ⁾ written out: the slopes on the diagonal, exact zeros elsewhere.
    func diagonal(_ l: Int) -> MathExpression {
        matrix(rows: l, columns: l) { i, j in i == j ? slope(l, i) : .number(NumberLiteral(exactly: Rational(0), role: .activation)) }
    }

    /// The sum Σⱼ w⁽ˡ⁺¹⁾ⱼ,ₖ δ⁽ˡ⁺¹⁾ⱼ over the shown neurons j of layer l + 1, ⋯ for the rest.
    func backSum(into k: Int, from next: Int) -> MathExpression {
        var terms: [Term] = []
        for index in d.shown[next].entries {
            guard let j = index.map({ $0 + 1 }) else {
                terms.append(.plus(.elidedTerms))
                continue
            }
            terms.append(.plus(.juxtapose(.w(d.layer(next), .number(j), .number(k)), d.neuron(.error, layer: next, j))))
        }
        return .sum(terms)
    }

    /// A display of `lhs = rhs₁ = rhs₂ …`, all exact symbol identities: one line for two
    /// members or narrow ones (`stacked` false), else each right-hand side on its own line, aligned at `=`.
    func display(_ members: [MathExpression], id: String? = nil, stacked: Bool = true) -> Block {
        guard members.count > 2 && stacked else {
            return .displayMath(Math(members.map(tex).joined(separator: " = ")), id: id, numbered: id != nil)
        }
        let body = tex(members[0]) + " &= " + members.dropFirst().map(tex).joined(separator: " \\\\ &= ")
        return .displayMath(Math("\\begin{aligned} " + body + " \\end{aligned}"), id: id, numbered: id != nil)
    }

    /// Several lines of `lhs = rhs`, aligned at their `=`.
    func aligned(_ lines: [(MathExpression, [MathExpression])]) -> Block {
        let body = lines.map { lhs, rhs in tex(lhs) + " &= " + rhs.map(tex).joined(separator: " = ") }.joined(separator: " \\\\ ")
        return .displayMath(Math("\\begin{aligned} " + body + " \\end{aligned}"), id: nil, numbered: false)
    }
}
