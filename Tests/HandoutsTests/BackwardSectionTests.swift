import Handouts
import Testing

@Suite struct BackwardSectionTests {
    let latex = try! HandoutFixtures.handout(HandoutFixtures.seed000, .latex)

    /// BP1 and BP2 values of the seed, correctly rounded, with their signs.
    @Test(arguments: ["\\boxed{\\err{-0.07944}}", "-0.02383", "-0.03177", "-0.004898", "-0.005615",
                      "-0.008482", "-0.009534", "-0.002121", "-0.002347"])
    func seedErrorsAppear(_ value: String) {
        #expect(latex.contains(value))
    }

    /// The true products, not the seed's products of rounded numbers (−0.00343 − 0.00506).
    @Test func transposeProductsAreTrueProducts() {
        #expect(latex.contains("-0.003428 - 0.005054"))
        #expect(latex.contains("&\\approx (\\act{0.6506} - \\inp{1}) \\cdot \\act{0.2273}"))
    }

    @Test func focusErrorSumsSeveralPaths() {
        #expect(latex.contains("Several paths meet in one error"))
        #expect(latex.contains("all 2 paths"))
    }

    /// Softmax + cross-entropy: BP1 is a − y; the slope table says so.
    @Test func softmaxCrossEntropyRenders() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.softmaxCrossEntropy), .latex)
        #expect(text.contains("cancel"))
        #expect(text.contains("\\operatorname{softmax}"))
        #expect(text.contains("\\label{eq:backward-2}"))
    }

    /// Softmax + MSE: BP1 through the Jacobian.
    @Test func softmaxMSEUsesJacobian() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.softmaxMSE), .html)
        #expect(text.contains("Jacobian"))
        #expect(text.contains("eq:derivatives-jacobian"))
    }

    @Test func tanhRenders() throws {
        let text = try HandoutFixtures.handout(DerivationSpecs.spec(DerivationSpecs.tanh), .latex)
        #expect(text.contains("1 - \\act{a_{1}^{(1)}}^{2}") || text.contains("1 - \\act{a_{1}^{(1)}^{2}}") || text.contains("^{2}"))
        #expect(text.contains("\\tanh"))
    }
}
