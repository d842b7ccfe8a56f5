import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The Jacobian of layer l's activation as the Jacobian error form shows it: the diagonal
/// matrix D⁽ˡ⁾ = diag(f′(z⁽ˡ⁾)) of an elementwise layer, the full J⁽ᴸ⁾ of a softmax output; rows
/// and columns the layer's one decision (`Derivation.shown`).
struct JacobianMatrix {
    let l: Int
    let d: Derivation

    /// D⁽ˡ⁾ or J⁽ˡ⁾, green and bold like a matrix.
    var symbol: MathExpression {
        guard case .jacobian = d.trace.layers[l].derivative else { return ProofSymbols.diagonal(d.layer(l)) }
        return .symbol(MathSymbol(.other("J"), shape: .matrix, layer: d.layer(l), role: .activation))
    }

    /// Every entry at full precision; the off-diagonal zeros of D are exact.
    var values: [[Real]] {
        let n = d.network.layers[l]
        switch d.trace.layers[l].derivative {
        case .jacobian(let jacobian): return jacobian
        case .diagonal(let slopes):
            return (0..<n).map { i in (0..<n).map { j in i == j ? slopes[i] : .exact(Rational(0)) } }
        case nil:
            preconditionFailure("the input layer has no activation")
        }
    }

    /// The matrix with its rounded values, summarised as the layer is.
    func shown() throws -> MathExpression {
        let values = values
        return try d.display.summarisedMatrix(rows: d.shown[l], columns: d.shown[l]) { i, j throws(PrecisionShortfall) in
            try d.display.number(values[i][j], role: .activation)
        }.matrix
    }

    /// Whether the product with the matrix is written out: only when the layer is shown whole
    /// (with neurons left out, `D v` is given entry by entry and the matrix on its own).
    var multipliesOut: Bool { d.shown[l].isComplete }

    /// `D⁽ˡ⁾ = diag(f′(z⁽ˡ⁾)) ≈ (…)`: the matrix on its own line.
    func definition() throws -> Block {
        var members: [MathExpression] = [symbol]
        if case .diagonal = d.trace.layers[l].derivative {
            members.append(.apply(.other("\\operatorname{diag}"), d.derivative(ofLayer: l, at: .z(d.layer(l)))))
        }
        members.append(try shown())
        return d.display.chain(members, matrix: values, rows: d.shown[l], columns: d.shown[l])
    }
}
