import Backprop
import ExactArithmetic

/// Specs with mini-batches and training runs for the handout tests: given shapes with
/// random decimal parameters and samples (fixed seeds).
public enum LearningSpecs {
    /// A spec of `layers` with `samples` samples (a `batch` unless it is one `sample`) and,
    /// when `steps` is given, that many training steps of `batchSize`.
    public static func make(
        _ layers: [Int], _ activations: [Activation], _ loss: Loss = .mse, samples: Int, steps: Int? = nil,
        batchSize: Int? = nil, learningRate: Rational = Rational(1, 2), focus: Focus = .weight(layer: 1, to: 1, from: 1),
        asBatch: Bool = true, seed: UInt64 = 11
    ) -> Spec {
        var g = SplitMix64(seed: seed)
        let depth = layers.count - 1
        let weights = (1...depth).map { l in
            (0..<layers[l]).map { _ in (0..<layers[l - 1]).map { _ in RandomSpecs.decimal(&g) } }
        }
        let biases = (1...depth).map { l in (0..<layers[l]).map { _ in RandomSpecs.decimal(&g, places: 1) } }
        let width = layers[depth]
        let data = (0..<samples).map { _ -> Sample in
            let input = (0..<layers[0]).map { _ in RandomSpecs.decimal(&g, range: 2, places: 1) }
            let target: [Rational]
            switch (loss, activations.last!) {
            case (.crossEntropy, .softmax):
                let hot = Int.random(in: 0..<width, using: &g)
                target = (0..<width).map { $0 == hot ? Rational(1) : Rational(0) }
            case (.crossEntropy, _): target = [Rational(BigInt(Int.random(in: 0...4, using: &g)), 4)]
            default: target = (0..<width).map { _ in RandomSpecs.decimal(&g) }
            }
            return Sample(input: input, target: target)
        }
        return Spec(
            network: Network(layers: layers, activations: activations, loss: loss, weights: weights, biases: biases),
            sample: data[0], batch: asBatch ? data : nil, focus: focus, learningRate: learningRate, epsilon: Rational(1, 100_000),
            training: steps.map { Training(steps: $0, batchSize: batchSize ?? samples) }
        )
    }

    /// The learning shapes every document test reads: a named spec each.
    public static let cases: [(name: String, spec: Spec)] = [
        ("batch of 3, [2, 2, 1] sigmoid", make([2, 2, 1], [.sigmoid, .sigmoid], samples: 3)),
        ("batch of 10, [10, 16, 3] ReLU/softmax, 20 steps of 3",
         make([10, 16, 3], [.relu, .softmax], .crossEntropy, samples: 10, steps: 20, batchSize: 3, learningRate: Rational(3, 10))),
        ("batch of 7, [3, 4, 2] tanh/sigmoid, bias focus, 40 steps of 2",
         make([3, 4, 2], [.tanh, .sigmoid], samples: 7, steps: 40, batchSize: 2, learningRate: Rational(1), focus: .bias(layer: 1, neuron: 2))),
        ("one sample, [1, 1] linear, 5 steps", make([1, 1], [.linear], samples: 1, steps: 5, learningRate: Rational(1, 10), asBatch: false)),
        ("batch of 2, [1, 1, 1] ReLU/linear, 3 steps of 1",
         make([1, 1, 1], [.relu, .linear], samples: 2, steps: 3, batchSize: 1, learningRate: Rational(1, 10))),
        ("batch of 4, [14, 12, 1] tanh/sigmoid cross-entropy, 6 steps",
         make([14, 12, 1], [.tanh, .sigmoid], .crossEntropy, samples: 4, steps: 6, focus: .weight(layer: 2, to: 1, from: 7))),
    ]
}
