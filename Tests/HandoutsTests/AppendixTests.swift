import Handouts
import Testing
import Typesetting

@Suite struct AppendixTests {
    @Test func derivationsFollowTheNotation() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) { $0.notation = .lectureNotes }
        #expect(markdown.contains("Derivations of BP1 and BP2"))
        #expect(markdown.contains("\\delta_{k}^{[l]}"))
        #expect(!markdown.contains("^{(l)}"))
        #expect(markdown.contains("l = 2, \\dots, L"))
    }

    /// BP3 and BP4 swap in the algorithm with the bias-first numbering.
    @Test func algorithmNumbersGradientsPerNotation() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) {
            $0.notation = Notation(gradientNumbering: .biasFirst)
        }
        let bias = try #require(markdown.range(of: "**BP3:** ${\\color{#C0392B}{\\frac{\\partial \\mathcal{L}}{\\partial b"))
        #expect(!bias.isEmpty)
    }
}
