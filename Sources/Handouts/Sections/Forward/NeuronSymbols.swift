import Backprop
import ExactArithmetic
import Typesetting

extension Derivation {
    /// Neuron `j` of layer `l` as a scalar symbol (`z^{(2)}_1`, `a^{(3)}`): the subscript is
    /// dropped when the layer has one neuron, as the seed writes the output of a single-output
    /// network. Layer 0 is the input `x`.
    func neuron(_ base: MathSymbol.Base, layer l: Int, _ j: Int, role: Role? = nil) -> MathExpression {
        let indices: [SubscriptIndex] = network.layers[l] == 1 ? [] : [.number(j)]
        if l == 0 { return .symbol(MathSymbol(.input, indices: indices, role: role)) }
        return .symbol(MathSymbol(base, layer: layer(l), indices: indices, role: role))
    }

    /// Target entry `j` (`y` alone for a single output).
    func target(_ j: Int) -> MathExpression {
        .symbol(MathSymbol(.target, indices: network.layers[outputLayer] == 1 ? [] : [.number(j)], role: .input))
    }

    /// f′ of layer `l` applied to `argument`, green like the activations.
    func derivative(ofLayer l: Int, at argument: MathExpression) -> MathExpression {
        .colored(.activation, .apply(.activationDerivative(activationSymbol(ofLayer: l)), argument))
    }

    /// f′(z⁽ˡ⁾ⱼ) of an elementwise layer, at full precision.
    func derivativeValue(layer l: Int, _ j: Int) -> Real? {
        guard case .diagonal(let values) = trace.layers[l].derivative else { return nil }
        return values[j - 1]
    }

    /// The summation index `k` as a symbol (not fixed TeX, which would count as a rounded number).
    func indexSymbol(_ name: String) -> MathExpression { .symbol(MathSymbol(.other(name))) }
}
