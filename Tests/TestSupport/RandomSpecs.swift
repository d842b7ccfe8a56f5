import Backprop
import ExactArithmetic

/// Random valid specs for property tests, shared by the test targets.
public enum RandomSpecs {
    /// Widest input layer drawn.
    public static let maximumInputWidth = 14
    /// Widest later layer drawn.
    public static let maximumLayerWidth = 16

    /// A decimal in [-range, range] with `places` decimal places.
    public static func decimal(_ g: inout SplitMix64, range: Int = 1, places: Int = 2) -> Rational {
        let scale = Int(BigInt(10).power(places).asInt!)
        let n = Int.random(in: -range * scale...range * scale, using: &g)
        return Rational(BigInt(n), BigInt(scale))
    }

    /// A valid random spec with activations and loss chosen from what is valid together.
    /// Shapes: usually depth 1…6 with widths 1…8; one seed in four a wide network (depth 1…3,
    /// inputs up to `maximumInputWidth`, layers up to `maximumLayerWidth`); seeds ≡ 7 and 17
    /// (mod 20) the smallest networks [1, 1] and [1, 1, 1]. One seed in five with a ReLU hidden
    /// layer puts a neuron of it exactly on the kink (z = 0, its bias chosen for it).
    public static func make(seed: UInt64, activations allowed: [Activation]? = nil, loss: Loss? = nil) -> Spec {
        var g = SplitMix64(seed: seed)
        let wide = Int.random(in: 0..<4, using: &g) == 0
        var depth = wide ? Int.random(in: 1...3, using: &g) : Int.random(in: 1...6, using: &g)
        var layers = (0...depth).map { l in
            wide ? Int.random(in: 1...(l == 0 ? maximumInputWidth : maximumLayerWidth), using: &g) : Int.random(in: 1...8, using: &g)
        }
        let tiny = seed % 20 == 7 || seed % 20 == 17
        if tiny {
            depth = seed % 20 == 7 ? 1 : 2
            layers = Array(repeating: 1, count: depth + 1)
        }
        let hidden: [Activation] = allowed?.filter { $0 != .softmax } ?? [.sigmoid, .tanh, .relu, .linear]
        let chosenLoss = loss ?? (Bool.random(using: &g) ? .mse : .crossEntropy)
        var activations = (1..<depth).map { _ in hidden.randomElement(using: &g)! }
        var target: [Rational]
        if chosenLoss == .crossEntropy {
            if !tiny, Bool.random(using: &g) {
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
            var outputs = allowed ?? [.sigmoid, .tanh, .relu, .linear, .softmax]
            if layers[depth] == 1 { outputs.removeAll { $0 == .softmax } }
            activations.append(outputs.randomElement(using: &g) ?? .linear)
            target = (0..<layers[depth]).map { _ in decimal(&g) }
        }
        var spec = spec(layers: layers, activations: activations, loss: chosenLoss, target: target, using: &g)
        // A ReLU kink in layer 1: b = −w·x puts z exactly at 0 (known exactly, as the input is).
        if depth > 1, activations[0] == .relu, Int.random(in: 0..<5, using: &g) == 0 {
            let j = Int.random(in: 0..<layers[1], using: &g)
            if spec.network.weights[0][j].allSatisfy(\.isZero) { spec.network.weights[0][j][0] = Rational(1, 2) }
            spec.network.biases[0][j] = -zip(spec.network.weights[0][j], spec.sample.input).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
        }
        return spec
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
