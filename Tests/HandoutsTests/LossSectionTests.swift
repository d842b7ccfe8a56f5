import Backprop
import Testing

@Suite struct LossSectionTests {
    /// The seed's loss, correctly rounded, and `≈` where rounding happened.
    @Test func seedLossIsCorrectlyRounded() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("\\boxed{0.06105}"))
        #expect(latex.contains("&\\approx \\boxed{0.06105}"))
        #expect(!latex.contains("0.0611"))
    }
}

@Suite struct CrossEntropyLossTests {
    /// The categorical loss is substituted and reduced to the term of the true class.
    @Test func categoricalLossShowsItsTerms() throws {
        let spec = try SpecReader().read("""
        {"network": {"layers": [2, 2], "activation": "softmax", "loss": "cross-entropy",
          "weights": [[[0.5, -0.4], [0.3, 0.8]]], "biases": [[0.1, 0]]},
         "sample": {"input": [1, -0.5], "target": [0, 1]}}
        """)
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("\\mathcal{L} &= -(\\inp{y_{1}} \\cdot \\ln"))
        // The 0·ln terms vanish exactly: `=`, not `≈` (issue 10).
        #expect(latex.contains("&= -\\ln\\act{("))
    }
}
