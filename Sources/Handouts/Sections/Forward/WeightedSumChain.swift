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
/// rounded numbers), and the result. With more than `maximumShownDimension` terms only the
/// compact form and the value are shown.
struct WeightedSumChain {
    var terms: [WeightedTerm]
    /// The bias term, when the sum has one.
    var bias: (symbol: MathExpression, value: Rational)?
    /// The sum in compact form (`\sum_k w_{1,k} a_k + b_1`), used when there are many terms.
    var compact: MathExpression

    /// The chain `lhs = … = result` about `value` (the trace's value of the sum).
    func block(lhs: MathExpression, value: Real, resultRole: Role, id: String?, boxed: Bool, _ d: Derivation) throws -> Block {
        let display = d.display
        var members: [MathExpression] = [lhs]
        if terms.count > d.options.maximumShownDimension {
            members.append(compact)
        } else {
            var symbolic: [MathExpression] = []
            var substituted: [MathExpression] = []
            var products: [MathExpression] = []
            for term in terms {
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
            members.append(.sum(symbolic.map(Term.plus)))
            members.append(.sum(substituted.map(Term.plus)))
            // One product and nothing to add: the products line would repeat the result.
            if terms.count > 1 || bias != nil { members.append(.sum(products.map(Term.plus))) }
        }
        members.append(try display.number(value, role: resultRole))
        return display.chain(members, value: value, id: id, boxed: boxed)
    }
}
