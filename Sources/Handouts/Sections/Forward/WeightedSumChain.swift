import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// One term c·v of a weighted sum in a derivation: its symbols and its full-precision values.
struct WeightedTerm {
    let coefficientSymbol: MathExpression
    let factorSymbol: MathExpression
    /// A weight (exact) or a Jacobian entry, and how it is coloured.
    let coefficient: Real
    let coefficientRole: Role
    let factor: Real
    let factorRole: Role
}

/// A weighted sum Σₖ cₖvₖ (+ b) written out element by element, as in z⁽²⁾₁ or ((W⁽³⁾)ᵀδ⁽³⁾)₁:
/// symbolic, values substituted, the correctly rounded *true* products (never products of
/// rounded numbers), and the result. The terms of a summarised layer are those of its shown
/// neurons (`shown`, the layer's one decision), with ⋯ for each run left out; long sums wrap.
struct WeightedSumChain {
    var terms: [WeightedTerm]
    /// The bias term, when the sum has one.
    var bias: (symbol: MathExpression, value: Rational)?
    /// Which terms are written (0-based): the summed-over layer's shown neurons.
    var shown: ShownIndices

    /// The chain `lhs = … = result` about `value` (the trace's value of the sum).
    func block(lhs: MathExpression, value: Real, resultRole: Role, id: String?, boxed: Bool, _ d: Derivation) throws -> Block {
        let display = d.display
        var symbolic: [MathExpression] = []
        var substituted: [MathExpression] = []
        var products: [MathExpression] = []
        for entry in shown.entries {
            guard let k = entry else {
                let gap = MathExpression.elidedTerms
                symbolic.append(gap)
                substituted.append(gap)
                products.append(gap)
                continue
            }
            let term = terms[k]
            symbolic.append(.juxtapose(term.coefficientSymbol, term.factorSymbol))
            substituted.append(.cdot(try display.number(term.coefficient, role: term.coefficientRole),
                                     try display.number(term.factor, role: term.factorRole)))
            products.append(try display.number(d.arithmetic.multiply(term.coefficient, term.factor)))
        }
        if let bias {
            symbolic.append(bias.symbol)
            substituted.append(display.number(bias.value, role: .weight))
            products.append(display.number(bias.value))
        }
        var members: [MathExpression] = [lhs]
        members.append(.wrappedSum(symbolic.map(Term.plus)))
        members.append(.wrappedSum(substituted.map(Term.plus)))
        // One product and nothing to add: the products line would repeat the result.
        if symbolic.count > 1 { members.append(.wrappedSum(products.map(Term.plus))) }
        members.append(try display.number(value, role: resultRole))
        return display.chain(members, value: value, id: id, boxed: boxed)
    }
}
