import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The chain of one activation, `a = f(z) = f(0.25) = … ≈ 0.5622`, written for the layer's
/// activation: sigmoid with its formula, tanh, ReLU, linear (a = z), softmax as a quotient of
/// exponentials. The chain decides `=` (σ(0) = 1/2) or `≈`.
enum ActivationChain {
    /// - Parameter single: the layer's only neuron, whose chain is the boxed, labelled result.
    static func block(layer l: Int, neuron j: Int, single: Bool, _ d: Derivation) throws -> Block {
        let values = d.trace.layers[l]
        let z = values.z![j - 1]
        let a = values.a[j - 1]
        let layer = d.layer(l)
        let display = d.display
        let symbol = d.activationSymbol(ofLayer: l)
        let zShown = try display.number(z)
        let one = display.number(Rational(1))
        let zSymbol = d.neuron(.preActivation, layer: l, j)
        var members: [MathExpression] = [d.neuron(.activation, layer: l, j)]
        switch d.network.activation(ofLayer: l) {
        case .sigmoid:
            members.append(.apply(.activation(symbol), zSymbol))
            members.append(.apply(.activation(symbol), zShown))
            let minusZ = try display.number(d.arithmetic.negate(z))
            members.append(.frac(one, .sum(one, .apply(.exp, minusZ))))
        case .tanh, .relu:
            members.append(.apply(.activation(symbol), zSymbol))
            members.append(.apply(.activation(symbol), zShown))
        case .linear:
            members.append(zSymbol)
        case .softmax:
            let i = d.indexSymbol("i")
            members.append(.frac(.apply(.exp, zSymbol),
                                 .summation(below: i, above: nil, body: .apply(.exp, .z(layer, .letter("i"))))))
            let zs = values.z!
            // The layer's shown neurons, ⋯ for each run left out.
            var exponentials: [MathExpression] = []
            for entry in d.shown[l].entries {
                exponentials.append(try entry.map { .apply(.exp, try display.number(zs[$0])) } ?? .elidedTerms)
            }
            members.append(.frac(.apply(.exp, zShown), .sum(exponentials.map(Term.plus))))
        }
        members.append(try display.number(a, role: .activation))
        return display.chain(members, value: a, id: single ? "eq:forward-\(l)-a" : nil, boxed: single)
    }
}
