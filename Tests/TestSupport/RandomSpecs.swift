import Backprop
import ExactArithmetic

/// Random valid specs for property tests, shared by the test targets.
public enum RandomSpecs {
    /// A decimal in [-range, range] with `places` decimal places.
    public static func decimal(_ g: inout SplitMix64, range: Int = 1, places: Int = 2) -> Rational {
        let scale = Int(BigInt(10).power(places).asInt!)
        let n = Int.random(in: -range * scale...range * scale, using: &g)
        return Rational(BigInt(n), BigInt(scale))
    }

    /// A valid random spec: depth 1…6 layers after the input, widths 1…8, activations and
    /// loss chosen from what is valid together.
    public static func make(seed: UInt64, activations allowed: [Activation]? = nil, loss: Loss? = nil) -> Spec {
        var g = SplitMix64(seed: seed)
        let depth = Int.random(in: 1...6, using: &g)
        var layers = (0...depth).map { _ in Int.random(in: 1...8, using: &g) }
        let hidden: [Activation] = allowed?.filter { $0 != .softmax } ?? [.sigmoid, .tanh, .relu, .linear]
        let chosenLoss = loss ?? (Bool.random(using: &g) ? .mse : .crossEntropy)
        var activations = (1..<depth).map { _ in hidden.randomElement(using: &g)! }
        var target: [Rational]
        if chosenLoss == .crossEntropy {
            if Bool.random(using: &g) {
                layers[depth] = max(2, layers[depth])
                activations.append(.softmax)
                let hot = Int.random(in: 0..<layers[depth], using: &g)
                target = (0..<layers[depth]).map { $0 == hot ? Rational(1) : Rational(0) }
            } else {
                layers[depth] = 1
                activations.append(.sigmoid)
                target = [Rational(BigInt(Int.random(in: 0...4, using: &g)), 4)]
            }
        } else {
            let output = (allowed ?? [.sigmoid, .tanh, .relu, .linear, .softmax]).randomElement(using: &g)!
            if output == .softmax { layers[depth] = max(2, layers[depth]) }
            activations.append(output)
            target = (0..<layers[depth]).map { _ in decimal(&g) }
        }
        return spec(layers: layers, activations: activations, loss: chosenLoss, target: target, using: &g)
    }

    /// A spec of the given shape with random weights (two decimals), biases and inputs (one
    /// decimal) and a random weight or bias focus.
    public static func spec(
        layers: [Int], activations: [Activation], loss: Loss, target: [Rational],
        learningRate: Rational = Rational(1, 10), using g: inout SplitMix64
    ) -> Spec {
        let depth = layers.count - 1
        let weights = (1...depth).map { l in
            (0..<layers[l]).map { _ in (0..<layers[l - 1]).map { _ in decimal(&g) } }
        }
        let biases = (1...depth).map { l in (0..<layers[l]).map { _ in decimal(&g, places: 1) } }
        let input = (0..<layers[0]).map { _ in decimal(&g, range: 2, places: 1) }
        let l = Int.random(in: 1...depth, using: &g)
        let focus: Focus = Bool.random(using: &g)
            ? .weight(layer: l, to: Int.random(in: 1...layers[l], using: &g), from: Int.random(in: 1...layers[l - 1], using: &g))
            : .bias(layer: l, neuron: Int.random(in: 1...layers[l], using: &g))
        return Spec(
            network: Network(layers: layers, activations: activations, loss: loss, weights: weights, biases: biases),
            sample: Sample(input: input, target: target), focus: focus,
            learningRate: learningRate, epsilon: Rational(1, 100_000)
        )
    }
}
