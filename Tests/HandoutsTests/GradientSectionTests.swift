import Handouts
import Testing

@Suite struct GradientSectionTests {
    /// BP3 with the values, boxed, and an interpretation computed from them.
    @Test func seedGradient() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("&\\approx \\err{-0.002121} \\cdot \\inp{1} \\\\\n&= \\boxed{\\err{-0.002121}}"))
        #expect(latex.contains("The gradient is negative"))
        #expect(latex.contains("lies below the target"))
        #expect(latex.contains("three sigmoid layers (layers 1, 2 and 3)"))
        #expect(latex.contains("\\sigma'(t) \\le \\tfrac14\\) for every"))
        #expect(!latex.contains("tanh"))
    }

    /// A dead ReLU at the focus neuron (z < 0): exactly zero, and why.
    @Test func deadReLUGradientIsExactlyZero() throws {
        let dead = DerivationSpecs.deadFocus.replacingOccurrences(of: #""biases": [[0.1, 0.0]"#, with: #""biases": [[0.1, -0.5]"#)
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(dead), .latex)
        #expect(text.contains("&= \\boxed{\\err{0}}"))
        #expect(text.contains("dead ReLU"))
        #expect(text.contains("does not change the loss to first order"))
        #expect(!text.contains("Kink"))
    }

    /// The focus neuron at z = 0 exactly: a kink, not a dead neuron, and the loss's one-sided
    /// slopes instead of a claim that a small change does nothing.
    @Test func kinkAtTheFocusNeuron() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.deadFocus), .latex)
        #expect(text.contains("&= \\boxed{\\err{0}}"))
        #expect(text.contains("\\textbf{Kink.}"))
        #expect(!text.contains("dead ReLU"))
        #expect(!text.contains("does not change the loss to first order"))
        #expect(text.contains("\\(D_{+} = -0.25\\) from the right"))
        #expect(text.contains("\\(D_{-} = 0\\) from the left"))
        #expect(text.contains("The backpropagated value is the slope from the left."))
    }

    /// Saturated sigmoids (slopes below 0.1) are named.
    @Test func saturationIsReported() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.wide), .markdown)
        #expect(text.contains("Saturation"))
    }
}
