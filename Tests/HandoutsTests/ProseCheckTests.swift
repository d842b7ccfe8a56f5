import Backprop
import Documents
import ExactArithmetic
import Handouts
import Testing
import TestSupport

/// The prose of every document — handout, exercise sheet, answer key — read over the examples,
/// the kink spec and networks of many shapes, in all three formats: no "(s)" after a computed
/// count, no sentence or formula twice in a row, no activation named that the network lacks.
@Suite struct ProseCheckTests {
    /// One network to read: a name for messages and the spec.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let spec: Spec
        var testDescription: String { name }
    }

    /// [2, 2, 1], ReLU then linear, with z⁽¹⁾₁ = 0 exactly at the focus neuron (issue 10).
    static let kink = try! SpecReader().read("""
        {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
          "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
         "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
        """)

    /// A spec of the given shape with small random decimal parameters (fixed seed).
    static func shaped(
        _ layers: [Int], _ activations: [Activation], _ loss: Loss = .mse, focus: Focus? = nil, seed: UInt64 = 7
    ) -> Spec {
        var g = SplitMix64(seed: seed)
        let depth = layers.count - 1
        let weights = (1...depth).map { l in
            (0..<layers[l]).map { _ in (0..<layers[l - 1]).map { _ in RandomSpecs.decimal(&g) } }
        }
        let biases = (1...depth).map { l in (0..<layers[l]).map { _ in RandomSpecs.decimal(&g, places: 1) } }
        let input = (0..<layers[0]).map { _ in RandomSpecs.decimal(&g, range: 2, places: 1) }
        let width = layers[depth]
        let target: [Rational]
        switch (loss, activations.last!) {
        case (.crossEntropy, .softmax): target = (0..<width).map { $0 == width / 2 ? Rational(1) : Rational(0) }
        case (.crossEntropy, _): target = [Rational(1, 4)]
        default: target = (0..<width).map { _ in RandomSpecs.decimal(&g) }
        }
        return Spec(
            network: Network(layers: layers, activations: activations, loss: loss, weights: weights, biases: biases),
            sample: Sample(input: input, target: target), focus: focus ?? .weight(layer: 1, to: 1, from: 1),
            learningRate: Rational(1, 2), epsilon: Rational(1, 100_000)
        )
    }

    static let cases: [Case] = [
        Case(name: "seed-000", spec: try! HandoutFixtures.spec("seed-000.json")),
        Case(name: "seed-002", spec: try! HandoutFixtures.spec("seed-002.json")),
        Case(name: "seed-004", spec: try! HandoutFixtures.spec("seed-004.json")),
        Case(name: "kink [2, 2, 1] ReLU/linear", spec: kink),
        Case(name: "[1, 1] linear", spec: shaped([1, 1], [.linear])),
        Case(name: "[1, 1] sigmoid cross-entropy", spec: shaped([1, 1], [.sigmoid], .crossEntropy)),
        Case(name: "[1, 1, 1] tanh, output bias", spec: shaped([1, 1, 1], [.tanh, .tanh], focus: .bias(layer: 2, neuron: 1))),
        Case(name: "[1, 1, 1] ReLU/linear", spec: shaped([1, 1, 1], [.relu, .linear], seed: 3)),
        Case(name: "[3, 9, 9, 2] tanh", spec: shaped([3, 9, 9, 2], [.tanh, .tanh, .tanh])),
        Case(name: "[3, 9, 9, 2] tanh, output weight", spec: shaped([3, 9, 9, 2], [.tanh, .tanh, .tanh], focus: .weight(layer: 3, to: 2, from: 4))),
        Case(name: "[6, 12, 4] sigmoid", spec: shaped([6, 12, 4], [.sigmoid, .sigmoid], focus: .weight(layer: 1, to: 8, from: 3))),
        Case(name: "[10, 16, 3] ReLU/softmax cross-entropy", spec: shaped([10, 16, 3], [.relu, .softmax], .crossEntropy)),
        Case(name: "[4, 5, 5, 3] ReLU", spec: shaped([4, 5, 5, 3], [.relu, .relu, .relu], focus: .bias(layer: 2, neuron: 3))),
        Case(name: "[3, 4, 2] ReLU/softmax MSE", spec: shaped([3, 4, 2], [.relu, .softmax])),
        Case(name: "[2, 3, 1] tanh/sigmoid cross-entropy", spec: shaped([2, 3, 1], [.tanh, .sigmoid], .crossEntropy)),
        Case(name: "[3, 4, 4, 1] ReLU/tanh/sigmoid", spec: shaped([3, 4, 4, 1], [.relu, .tanh, .sigmoid], focus: .weight(layer: 2, to: 2, from: 3))),
        Case(name: "[14, 16, 2] linear/tanh", spec: shaped([14, 16, 2], [.linear, .tanh], focus: .weight(layer: 2, to: 1, from: 16))),
    ] + (UInt64(1)...8).map { Case(name: "random spec \($0)", spec: RandomSpecs.make(seed: $0 * 7919)) }
        + [Case(name: "seed-003", spec: try! HandoutFixtures.spec("seed-003.json"))]
        + LearningSpecs.cases.map { Case(name: $0.name, spec: $0.spec) }

    @Test(arguments: cases)
    func documentsReadCleanly(_ c: Case) throws {
        for format in OutputFormat.allCases {
            let check = ProseCheck(format: format, activations: Set(c.spec.network.activations))
            var documents = [("handout", try HandoutFixtures.handout(c.spec, format))]
            let set = try ExerciseGenerator(options: HandoutOptions(format: format)).generate(c.spec)
            documents += [("sheet", set.sheet.main), ("key", set.solutions.main)]
            for (kind, text) in documents {
                for problem in check.problems(in: text) {
                    Issue.record("\(c.name), \(kind), \(format): \(problem)")
                }
            }
        }
    }

    /// The checker itself finds what it is meant to find.
    @Test func checkerFindsEachKindOfProblem() {
        let check = ProseCheck(format: .markdown, activations: [.tanh])
        #expect(check.lazyPlurals("It carries 0 squashing derivative(s) and crosses 1 fewer layer(s).").count == 2)
        #expect(check.lazyPlurals("Which path(s) connect the weight to the loss?").isEmpty)
        #expect(check.repeatedSentences("The slope is one. The slope is one. Then more.").count == 1)
        #expect(check.repeatedFormulas(#"identities ($\operatorname{ReLU}'(t) = 1$ $\operatorname{ReLU}'(t) = 1$)"#).count == 1)
        #expect(check.repeatedFormulas(#"($\tanh'(t)$ and $f'(t) = 1$)"#).isEmpty)
        #expect(check.foreignActivations(#"each at most $\tfrac14$ for a sigmoid"#).count == 2)  // "sigmoid" and "\tfrac14"
        #expect(check.foreignActivations(#"$\tanh'(t) = 1 - \tanh^2(t)$"#).isEmpty)
    }
}
