import Handouts
import Testing

@Suite struct GradientSectionTests {
    /// BP3 with the values, boxed, and an interpretation computed from them.
    @Test func seedGradient() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("&\\approx \\err{-0.002121} \\cdot \\inp{1} \\\\\n&= \\boxed{\\err{-0.002121}}"))
        #expect(latex.contains("The gradient is negative"))
        #expect(latex.contains("lies below the target"))
        #expect(latex.contains("three squashing layers (layers 1, 2 and 3)"))
    }

    /// A dead ReLU at the focus neuron: exactly zero, and why.
    @Test func deadReLUGradientIsExactlyZero() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.deadFocus), .latex)
        #expect(text.contains("&= \\boxed{\\err{0}}"))
        #expect(text.contains("dead ReLU"))
    }

    /// Saturated sigmoids (slopes below 0.1) are named.
    @Test func saturationIsReported() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.wide), .markdown)
        #expect(text.contains("Saturation"))
    }
}
