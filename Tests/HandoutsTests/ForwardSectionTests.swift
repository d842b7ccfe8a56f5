import Backprop
import Handouts
import Testing

/// Small specs that exercise the other activations and losses.
enum DerivationSpecs {
    static func spec(_ json: String) throws -> Spec { try SpecReader().read(json) }

    /// ReLU hidden layer with a dead neuron, linear output, MSE: every value is exact.
    static let reluLinear = """
    {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
      "weights": [[[0.5, -0.25], [-1.0, 0.5]], [[0.75, 0.5]]], "biases": [[0.1, 0.0], [0.2]]},
     "sample": {"input": [1.0, 2.0], "target": [0.775]}, "focus": {"weight": [1, 1, 2]},
     "learningRate": 0.1, "epsilon": 1e-5}
    """

    /// The focus on the dead ReLU neuron: its gradient is exactly zero.
    static let deadFocus = reluLinear.replacingOccurrences(of: #""focus": {"weight": [1, 1, 2]}"#, with: #""focus": {"bias": [1, 2]}"#)

    static let softmaxCrossEntropy = """
    {"network": {"layers": [2, 2, 3], "activations": ["tanh", "softmax"], "loss": "cross-entropy",
      "weights": [[[0.1, 0.2], [0.3, -0.4]], [[0.5, -0.5], [0.2, 0.1], [-0.3, 0.4]]],
      "biases": [[0.0, 0.1], [0.0, 0.0, 0.1]]},
     "sample": {"input": [1.0, -1.0], "target": [0.0, 1.0, 0.0]}, "focus": {"weight": [1, 2, 1]},
     "learningRate": 0.1, "epsilon": 1e-5}
    """

    static let softmaxMSE = softmaxCrossEntropy.replacingOccurrences(of: "cross-entropy", with: "mse")

    static let tanh = """
    {"network": {"layers": [2, 2, 1], "activation": "tanh", "loss": "mse",
      "weights": [[[0.3, -0.2], [0.6, 0.1]], [[0.8, -0.5]]], "biases": [[0.0, 0.1], [0.05]]},
     "sample": {"input": [0.5, 1.0], "target": [0.25]}, "focus": {"bias": [1, 1]},
     "learningRate": 0.1, "epsilon": 1e-5}
    """

    /// A hidden layer wider than `maximumShownDimension`, and a saturated sigmoid.
    static let wide = """
    {"network": {"layers": [10, 10, 1], "activation": "sigmoid", "loss": "mse",
      "weights": [\(matrix(10, 10, "0.5")), \(matrix(1, 10, "0.9"))], "biases": [\(row(10, "0.1")), [0.1]]},
     "sample": {"input": \(row(10, "1.0")), "target": [0.0]}, "focus": {"weight": [1, 10, 3]},
     "learningRate": 0.1, "epsilon": 1e-5}
    """

    private static func row(_ count: Int, _ value: String) -> String {
        "[" + Array(repeating: value, count: count).joined(separator: ", ") + "]"
    }

    private static func matrix(_ rows: Int, _ columns: Int, _ value: String) -> String {
        "[" + Array(repeating: row(columns, value), count: rows).joined(separator: ", ") + "]"
    }
}

@Suite struct ForwardSectionTests {
    let latex = try! HandoutFixtures.handout(HandoutFixtures.seed000, .latex)

    /// The seed's forward values, correctly rounded from the true values.
    @Test(arguments: ["0.5622", "0.8997", "0.7109", "0.7707", "0.6215", "0.6506", "0.4497", "0.2133 + 0.3083"])
    func seedValuesAppear(_ value: String) {
        #expect(latex.contains(value))
    }

    /// The seed's slips (products of rounded numbers) never appear.
    @Test(arguments: ["0.4498", "0.6216", "0.8998"])
    func seedSlipsDoNotAppear(_ slip: String) {
        #expect(!latex.contains(slip))
    }

    /// Exact steps stay `=`: z⁽¹⁾₁ = 0 and σ(0) = 1/2; rounded ones are `≈`.
    @Test func exactStepsUseEquals() {
        #expect(latex.contains("&= 0.1 + 0.1 - 0.3 + 0.1 \\\\\n&= 0"))
        #expect(latex.contains("&= \\sigma(0) \\\\\n&= \\frac{1}{1 + e^{0}} \\\\\n&= \\act{0.5}"))
        #expect(latex.contains("&\\approx 0.35 + 0.4497 + 0.1 \\\\\n&= 0.8997"))
        #expect(latex.contains("&= \\frac{1}{1 + e^{-0.25}} \\\\\n&\\approx \\act{0.5622}"))
    }

    /// "Used again in Step …" comes from where the values are read later.
    @Test func reuseReferencesAreComputed() {
        #expect(latex.contains("used again in Step 2c (\\ref{sec:backward-1})"))
        #expect(latex.contains("used again in Step 2a (\\ref{sec:backward-3})"))
    }

    /// The sigmoid slopes through the identity, the exact one with `=`.
    @Test func derivativeTable() {
        #expect(latex.contains("\\act{0.5} (1 - \\act{0.5}) = \\act{0.25}"))
        #expect(latex.contains("\\act{0.5622} (1 - \\act{0.5622}) \\approx \\act{0.2461}"))
        #expect(latex.contains("0.2055") && latex.contains("0.1767") && latex.contains("0.2273"))
    }

    /// A ReLU/linear network with exact parameters has no `≈` anywhere in its derivation.
    @Test func reluLinearIsExact() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.reluLinear), .latex)
        let derivation = text.components(separatedBy: "\\section{Forward Pass}").last!
            .components(separatedBy: "\\section{Numerical").first!
        #expect(!derivation.contains("\\approx"))
        #expect(derivation.contains("(kink)"))  // z₂⁽¹⁾ = −1 + 0.5 · 2 = 0 exactly
    }

    /// Wide layers are summarised with a sentence and `\vdots`, the focus neuron kept.
    @Test func wideLayerIsSummarised() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.wide), .markdown)
        #expect(text.contains("has 10 neurons"))
        #expect(text.contains("\\vdots"))
        #expect(text.contains("z_{10}^{(1)}"))
        #expect(!text.contains("z_{9}^{(1)} &"))
    }
}
