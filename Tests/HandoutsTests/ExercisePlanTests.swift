import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing

/// The default exercises adapt to the network: none asks for the focus weight or repeats
/// another's weight, a gradient matrix has more than one entry, and the sheet and key say which
/// defaults were left out and why.
@Suite struct ExercisePlanTests {
    static func spec(_ layers: [Int], focus: Focus = .weight(layer: 1, to: 1, from: 1), activation: Activation = .sigmoid) -> Spec {
        var g = SplitMix64(seed: UInt64(layers.reduce(0, { $0 * 17 + $1 })))
        func value() -> Rational { Rational(BigInt(1 + g.below(9)), BigInt(10)) * (g.below(2) == 0 ? Rational(1) : Rational(-1)) }
        let depth = layers.count - 1
        return Spec(
            network: Network(
                layers: layers, activations: Array(repeating: activation, count: depth), loss: .mse,
                weights: (1...depth).map { l in (0..<layers[l]).map { _ in (0..<layers[l - 1]).map { _ in value() } } },
                biases: (1...depth).map { l in (0..<layers[l]).map { _ in value() } }
            ),
            sample: Sample(input: (0..<layers[0]).map { _ in value() }, target: (0..<layers[depth]).map { _ in Rational(1, 5) }),
            focus: focus, learningRate: Rational(1, 2), epsilon: Rational(1, 100_000)
        )
    }

    static func generate(_ spec: Spec, _ format: OutputFormat = .markdown) throws -> ExerciseSet {
        try ExerciseGenerator(options: HandoutOptions(format: format)).generate(spec)
    }

    /// Without a sigmoid or tanh layer the deeper-weight exercise is not explained by squashing
    /// derivatives: the statement asks about weights and slopes, and the key says neither error
    /// crosses a squashing derivative instead of counting "zero … zero".
    @Test(arguments: [Activation.relu, .linear]) func noSquashingLayerNoSquashingWording(activation: Activation) throws {
        let set = try Self.generate(Self.spec([2, 2, 1], activation: activation))
        #expect(set.kinds.contains(.deeperWeight))
        for document in [set.sheet.main, set.solutions.main] {
            #expect(!document.contains("squashing activation derivatives"))
            #expect(document.contains("weights and activation derivatives each gradient passes through"))
        }
        #expect(set.solutions.main.contains("passes through a squashing derivative, so what decides"))
        #expect(!set.solutions.main.contains("carries zero"))
        // A sigmoid network keeps the count of squashing derivatives.
        let sigmoid = try Self.generate(Self.spec([2, 2, 1]))
        #expect(sigmoid.sheet.main.contains("squashing activation derivatives"))
        #expect(sigmoid.solutions.main.contains("squashing derivative"))
    }

    /// [1, 1]: one weight, the focus. Only the bias gradients and the SGD step apply.
    @Test(arguments: OutputFormat.allCases) func singleWeightNetwork(format: OutputFormat) throws {
        let set = try Self.generate(Self.spec([1, 1]), format)
        #expect(set.kinds == [.biasGradients, .sgdStep])
        for document in [set.sheet.main, set.solutions.main] {
            #expect(document.contains("another weight is left out"))
            #expect(document.contains("this network has a single weight"))
            #expect(document.contains("single layer of weights"))
            #expect(document.contains("weight matrix has a single entry"))
            #expect(document.contains("one vector"))
            #expect(!document.contains("1 vectors") && !document.contains("1 entries"))
        }
        #expect(set.spec.exercises?.map(\.kind) == [.biasGradients, .sgdStep])
    }

    /// [1, 1, 1]: two weights; the other one is the deeper weight, asked for once.
    @Test func twoWeightChain() throws {
        let set = try Self.generate(Self.spec([1, 1, 1]))
        #expect(set.kinds == [.biasGradients, .deeperWeight, .sgdStep])
        #expect(set.spec.exercises?[1].weight == WeightIndex(layer: 2, to: 1, from: 1))
        #expect(set.sheet.main.contains("(Exercise 2) asks for") || set.sheet.main.contains("\\(Exercise 2\\) asks for"))
        #expect(set.sheet.main.contains("each of the network\\'s 2 weight matrices") || set.sheet.main.contains("each of the network's 2 weight matrices"))
        #expect(!set.sheet.main.contains("ratio"))
    }

    /// The seed keeps its classic five, with the seed's indices.
    @Test func seedKeepsTheClassicFive() throws {
        let set = try Self.generate(HandoutFixtures.seed000)
        #expect(set.kinds == [.biasGradients, .weightGradient, .deeperWeight, .gradientMatrix, .sgdStep])
        let requests = set.spec.exercises!
        #expect(requests[1].weight == WeightIndex(layer: 1, to: 2, from: 3))
        #expect(requests[2].weight == WeightIndex(layer: 2, to: 1, from: 2))
        #expect(requests[3].layer == 1 && requests[3].entry == [2, 3])
        #expect(!set.sheet.main.contains("left out"))
    }

    /// Over many shapes and foci: no default asks for the focus weight, the two weight
    /// exercises ask for different weights, a gradient matrix has more than one entry, and a
    /// kind is left out only when it cannot apply.
    @Test(arguments: 0..<120) func defaultsApplyToEveryShape(_ seed: Int) throws {
        var g = SplitMix64(seed: UInt64(seed) &+ 99)
        let depth = 1 + g.below(3)
        let layers = (0...depth).map { _ in 1 + g.below(g.below(2) == 0 ? 2 : 4) }
        let l = 1 + g.below(depth)
        let focus: Focus = g.below(3) == 0
            ? .bias(layer: l, neuron: 1 + g.below(layers[l]))
            : .weight(layer: l, to: 1 + g.below(layers[l]), from: 1 + g.below(layers[l - 1]))
        let spec = Self.spec(layers, focus: focus)
        let set = try Self.generate(spec)
        let requests = set.spec.exercises!
        let weights = requests.compactMap(\.weight)
        #expect(!weights.contains { $0.parameter == focus }, "\(layers) \(focus)")
        #expect(Set(weights).count == weights.count, "\(layers) \(focus)")
        let weightCount = zip(layers, layers.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        let others = weightCount - (focus.isWeight ? 1 : 0)
        #expect(set.kinds.contains(.deeperWeight) == (depth > 1), "\(layers)")
        #expect(set.kinds.contains(.weightGradient) == (others > (depth > 1 ? 1 : 0)), "\(layers) \(focus)")
        #expect(set.kinds.contains(.gradientMatrix) == zip(layers, layers.dropFirst()).contains { $0 * $1 > 1 }, "\(layers)")
        for request in requests where request.kind == .gradientMatrix {
            let m = request.layer!
            #expect(layers[m] * layers[m - 1] > 1)
        }
        #expect(set.sheet.main.contains("left out") == (set.kinds.count < 5))
    }
}

private extension Focus {
    var isWeight: Bool { if case .weight = self { return true } else { return false } }
}
