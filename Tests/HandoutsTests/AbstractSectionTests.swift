import Backprop
import Handouts
import Testing

@Suite struct AbstractSectionTests {
    /// The abstract names the derivative, the architecture, activations and loss, and states
    /// the computed result with its relation.
    @Test func seedAbstract() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("in a four-layer feed-forward neural network with architecture \\([3, 2, 2, 1]\\) (sigmoid activations, mean squared error loss)"))
        #expect(latex.contains("the result is \\(\\err{\\partial \\mathcal{L} / \\partial w_{1,1}^{(1)}} \\approx \\err{-0.002121}\\)"))
    }

    /// Mixed activations are named as hidden and output.
    @Test func mixedActivations() throws {
        let markdown = try HandoutFixtures.handout(try HandoutFixtures.spec("seed-004.json"), .markdown)
        #expect(markdown.contains("three-layer feed-forward neural network"))
        #expect(markdown.contains("a sigmoid hidden layer and a linear output layer, mean squared error loss"))
    }
}
