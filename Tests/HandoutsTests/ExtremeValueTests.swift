import Backprop
import ExactArithmetic
import Foundation
import Handouts
import JSON
import Testing
import Typesetting

/// Valid specs at the extremes of double precision produce their documents: the certified
/// values are right, and the verification section says plainly what IEEE double cannot
/// represent instead of stopping (exit 5) or blaming ε.
@Suite struct ExtremeValueTests {
    static func spec(layers: [Int], activations: String, loss: String, weights: String, biases: String,
                     input: String, target: String, learningRate: String = "0.5") throws -> Spec {
        try SpecReader().read("""
        {"network": {"layers": \(layers), "activations": \(activations), "loss": "\(loss)",
          "weights": \(weights), "biases": \(biases)},
         "sample": {"input": \(input), "target": \(target)}, "focus": {"weight": [1, 1, 1]},
         "learningRate": \(learningRate), "epsilon": 1e-5}
        """)
    }

    /// A sigmoid neuron at z = w: MSE against 0.5.
    static func sigmoid(_ w: Int) throws -> Spec {
        try spec(layers: [1, 1], activations: "[\"sigmoid\"]", loss: "mse", weights: "[[[\(w)]]]", biases: "[[0]]", input: "[1]", target: "[0.5]")
    }

    /// "d.ddd \times 10^{e}" of 10^x, from a logarithm computed in double (independent of the engine).
    static func scientific(log10 x: Double) -> String {
        let exponent = x.rounded(.down)
        return String(format: "%.3f", pow(10, x - exponent)) + " \\times 10^{\(Int(exponent))}"
    }

    /// σ(±3000): the gradient ±0.5 e^−3000 is far below the smallest double; L⁺ and L⁻ are
    /// the same double and the section says the change is below their spacing.
    @Test(arguments: [3000, -3000]) func saturatedSigmoid(w: Int) throws {
        let latex = try HandoutFixtures.handout(Self.sigmoid(w), .latex)
        let magnitude = Self.scientific(log10: log10(0.5) - 3000 / M_LN10)
        #expect(latex.contains("\\boxed{\\err{\(w < 0 ? "-" : "")\(magnitude)}}"), "\(magnitude)")
        #expect(latex.contains("Not representable in double precision"))
        #expect(latex.contains("are the same number"))
        #expect(latex.contains("IEEE double cannot represent it"))
        #expect(!latex.contains("try another"))
    }

    /// Softmax logits 800 apart with cross-entropy: the target's output underflows to 0 in
    /// double, ln 0 = −∞; the certified loss ln(1 + e^800) and gradient a₁ − y₁ ≈ 1 are shown.
    @Test func largeSoftmaxLogit() throws {
        let spec = try Self.spec(layers: [1, 2], activations: "[\"softmax\"]", loss: "cross-entropy",
                                 weights: "[[[800], [0]]]", biases: "[[0, 0]]", input: "[1]", target: "[0, 1]")
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("800.0"))
        #expect(latex.contains("below the smallest positive double"))
        #expect(latex.contains("\\ln 0 = -\\infty"))
        #expect(latex.contains("\\mathrm{FD} = \\mathrm{NaN}"))
        #expect(latex.contains("IEEE double cannot represent this check"))
        #expect(latex.contains("\\boxed{\\err{1.000}}"))
        #expect(latex.contains(Self.scientific(log10: -800 / M_LN10)))  // a₂ = e^−800 / (1 + e^−800)
    }

    /// The softmax sentence writes zₖ through the notation layer: with `--notation
    /// lecture-notes` both sides use its layer style, no hand-written `z^{(1)}`.
    @Test func softmaxLogitSentenceFollowsTheNotation() throws {
        let spec = try Self.spec(layers: [1, 2], activations: "[\"softmax\"]", loss: "cross-entropy",
                                 weights: "[[[800], [0]]]", biases: "[[0, 0]]", input: "[1]", target: "[0, 1]")
        for (notation, layer) in [(Notation.lectureNotes, "[2]"), (Notation(), "(1)")] {
            let latex = try HandoutFixtures.handout(spec, .latex) { $0.notation = notation }
            let sentence = try #require(latex.range(of: "below the smallest positive double")).upperBound
            let text = String(latex[sentence...].prefix(200))
            #expect(text.contains("z_{2}^{\(layer)} - \\max_{k} z_{k}^{\(layer)}"), "\(text)")
        }
    }

    /// A saturated binary cross-entropy output: σ(50) rounds to 1 in double, ln(1 − a) = ln 0.
    /// The certified loss −ln σ(−50) = 50 + ln(1 + e^−50) is shown as 50.00.
    @Test func saturatedBinaryCrossEntropy() throws {
        let spec = try Self.spec(layers: [1, 1], activations: "[\"sigmoid\"]", loss: "cross-entropy",
                                 weights: "[[[50]]]", biases: "[[0]]", input: "[1]", target: "[0]")
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("50.00"))
        #expect(latex.contains("rounds to exactly \\(1\\)"))
        #expect(latex.contains("\\ln(1 - "))
        #expect(latex.contains("IEEE double cannot represent this check"))
        let trace = try Engine.refine(spec) { $0 }
        #expect(trace.finiteDifference.limitation?.kind == .logarithmOfZeroComplement)
        let json = try #require(TraceEncoder().encode(trace))
        #expect(json["finiteDifference"]?["lossPlus"]?["double"] == .string("inf"))
        #expect(json["finiteDifference"]?["doubleLimitation"]?["kind"] == .string("logarithmOfZeroComplement"))
    }

    /// y = 0 and a sigmoid output below the smallest double: the textbook y ln a is 0 · (−∞) = NaN.
    @Test func zeroTimesLogarithmOfZero() throws {
        let spec = try Self.spec(layers: [1, 1], activations: "[\"sigmoid\"]", loss: "cross-entropy",
                                 weights: "[[[-800]]]", biases: "[[0]]", input: "[1]", target: "[0]")
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        #expect(markdown.contains("0 \\cdot (-\\infty)"))
        #expect(markdown.contains("NaN"))
    }

    /// η = 10⁶: the update and the new loss are certified; every section is produced.
    @Test(arguments: ["sigmoid", "tanh"]) func hugeLearningRate(activation: String) throws {
        let spec = try Self.spec(layers: [2, 2, 1], activations: "[\"\(activation)\", \"sigmoid\"]", loss: "cross-entropy",
                                 weights: "[[[0.3, -0.2], [0.5, 0.1]], [[0.7, -0.4]]]", biases: "[[0.1, 0], [0.2]]",
                                 input: "[1, 0.5]", target: "[1]", learningRate: "1e6")
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("Verification passed"))
    }

    /// Softmax with MSE and logits 30000 apart: L = a₁², ∂L/∂w = 2a₁²a₂ ≈ 2e^−30000, certified
    /// (the 3·10⁵ and 10⁶ gaps are timed by Scripts/benchmark-extremes.sh).
    @Test func softmaxMSEWithALargeGap() throws {
        let spec = try Self.spec(layers: [1, 2], activations: "[\"softmax\"]", loss: "mse",
                                 weights: "[[[30000], [0]]]", biases: "[[0, 0]]", input: "[1]", target: "[0, 1]")
        let latex = try HandoutFixtures.handout(spec, .latex)
        let gradient = Self.scientific(log10: log10(2) - 30000 / M_LN10)
        #expect(latex.contains("\\boxed{\\err{\(gradient)}}"), "\(gradient)")
        #expect(latex.contains("IEEE double cannot represent it"))
    }
}
