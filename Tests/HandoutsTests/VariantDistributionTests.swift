import Backprop
import ExactArithmetic
import Foundation
import Handouts
import Testing

/// The variant distribution's documented guarantee, over many architectures up to the spec
/// limits: every variant is drawn, with every neuron in its range (not saturated, not dead)
/// and something to learn.
@Suite struct VariantDistributionTests {
    /// A base spec of this shape (its parameters are replaced by every draw).
    static func base(_ layers: [Int], _ activations: [Activation], _ loss: Loss) -> Spec {
        let depth = layers.count - 1
        return Spec(
            network: Network(
                layers: layers, activations: activations, loss: loss,
                weights: (1...depth).map { l in Array(repeating: Array(repeating: Rational(0), count: layers[l - 1]), count: layers[l]) },
                biases: (1...depth).map { l in Array(repeating: Rational(0), count: layers[l]) }
            ),
            sample: Sample(input: Array(repeating: Rational(0), count: layers[0]), target: Array(repeating: Rational(0), count: layers[depth])),
            focus: .weight(layer: 1, to: 1, from: 1), learningRate: Rational(1, 2), epsilon: Rational(1, 100_000)
        )
    }

    /// The documented ranges of z, restated.
    static func inRange(_ z: Double, _ activation: Activation) -> Bool {
        let slack = 1e-9
        switch activation {
        case .sigmoid: return abs(z) <= 3 + slack
        case .tanh: return abs(z) <= 2 + slack
        case .relu: return z >= 0.05 - slack && z <= 3 + slack
        case .linear, .softmax: return abs(z) <= 3 + slack
        }
    }

    /// Many architectures: inputs up to 14 and layers up to 16 wide, up to 5 layers deep, every
    /// activation and loss, plus the extremes of the limits (4096 wide, 33 layers).
    static let architectures: [Spec] = {
        var g = SplitMix64(seed: 10)
        var specs: [Spec] = []
        let hidden: [Activation] = [.sigmoid, .tanh, .relu, .linear]
        for _ in 0..<150 {
            let depth = 1 + g.below(5)
            var layers = [1 + g.below(14)] + (1...depth).map { _ in 1 + g.below(16) }
            var activations = (1..<depth).map { _ in hidden[g.below(hidden.count)] }
            let loss: Loss = g.below(2) == 0 ? .mse : .crossEntropy
            if loss == .crossEntropy {
                if g.below(2) == 0 {
                    layers[depth] = max(2, layers[depth])
                    activations.append(.softmax)
                } else {
                    layers[depth] = 1
                    activations.append(.sigmoid)
                }
            } else {
                let output = (hidden + [.softmax])[g.below(5)]
                if output == .softmax { layers[depth] = max(2, layers[depth]) }
                activations.append(output)
            }
            specs.append(base(layers, activations, loss))
        }
        specs.append(base([10, 16, 3], [.relu, .softmax], .crossEntropy))
        specs.append(base([14, 16, 16, 16, 16, 3], [.relu, .relu, .relu, .relu, .softmax], .crossEntropy))
        specs.append(base([4096, 1], [.sigmoid], .mse))
        specs.append(base([4096, 8, 1], [.tanh, .sigmoid], .crossEntropy))
        specs.append(base([4096, 16, 4], [.relu, .softmax], .mse))
        specs.append(base([1] + Array(repeating: 1, count: 32), Array(repeating: .relu, count: 32), .mse))
        specs.append(base([3] + Array(repeating: 16, count: 31) + [2], Array(repeating: .linear, count: 31) + [.softmax], .crossEntropy))
        specs.append(base([1, 1], [.sigmoid], .mse))
        return specs
    }()

    @Test(arguments: 0..<architectures.count)
    func everyNeuronIsInRange(_ index: Int) {
        let base = Self.architectures[index]
        let network = base.network
        for number in 1...3 {
            let spec = VariantDistribution().spec(from: base, variant: ExerciseVariant(seed: 2026, number: number))
            #expect(spec.network.layers == network.layers)
            let z = spec.approximatePreActivations()
            for l in 1...network.outputLayer {
                let activation = network.activation(ofLayer: l)
                for (j, value) in z[l].enumerated() {
                    #expect(Self.inRange(value, activation), "\(network.layers) layer \(l) neuron \(j + 1): z = \(value) (\(activation))")
                }
            }
            for row in spec.network.weights.joined() {
                #expect(row.allSatisfy { !$0.isZero && $0.magnitude <= Rational(1) && ($0 * Rational(10)).denominator == 1 })
            }
            #expect(spec.network.biases.joined().allSatisfy { $0.magnitude <= Rational(1, 2) })
        }
    }

    /// [10, 16, 3] ReLU + softmax + cross-entropy: sheets and keys of variants are produced (the
    /// old whole-network rejection found no draw with 16 live ReLUs).
    @Test func wideReLUSoftmaxVariantsAreGenerated() throws {
        let base = Self.base([10, 16, 3], [.relu, .softmax], .crossEntropy)
        let generator = ExerciseGenerator(options: HandoutOptions(format: .latex))
        for number in 1...2 {
            let set = try generator.generate(variant: ExerciseVariant(seed: 7, number: number), of: base, distribution: VariantDistribution())
            #expect(set.sheet.main.contains("7-0\(number)"))
            let z = set.spec.approximatePreActivations()
            #expect(z[1].allSatisfy { $0 > 0 })
        }
    }

    /// The same seed and number give the same draw; the next number another one.
    @Test func drawsAreReproducible() {
        let base = Self.base([10, 16, 3], [.relu, .softmax], .crossEntropy)
        let a = VariantDistribution().spec(from: base, variant: ExerciseVariant(seed: 1, number: 1))
        let b = VariantDistribution().spec(from: base, variant: ExerciseVariant(seed: 1, number: 1))
        let c = VariantDistribution().spec(from: base, variant: ExerciseVariant(seed: 1, number: 2))
        #expect(a.network.weights == b.network.weights && a.sample.target == b.sample.target)
        #expect(a.network.weights != c.network.weights)
    }
}
