import Backprop
import Documents
import Handouts
import Testing

@Suite struct PathsSectionTests {
    /// Seed 000's two paths, written out with the weights they cross, in lexicographic order.
    @Test func seedPaths() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains(
            "\\text{Path A} \\quad \\inp{x_{1}} \\xrightarrow{\\wt{w_{1,1}^{(1)}}} \\act{a_{1}^{(1)}} \\xrightarrow{\\wt{w_{1,1}^{(2)}}} "
                + "\\act{a_{1}^{(2)}} \\xrightarrow{\\wt{w_{1,1}^{(3)}}} \\act{a^{(3)}} \\longrightarrow \\mathcal{L}"))
        #expect(latex.contains("\\text{Path B}"))
        #expect(!latex.contains("\\text{Path C}"))
        #expect(latex.contains("information flows to the output through two routes"))
        #expect(!latex.contains("inactive"))
    }

    /// A dead ReLU in layer 2 (z⁽²⁾₂ = −a⁽¹⁾₁ < 0): the path through it is marked inactive,
    /// the count of active paths is computed, and the figure leaves its edges unemphasised.
    @Test func deadReLUPathIsInactive() throws {
        let spec = try HandoutFixtures.spec(json: """
            {"network": {"layers": [1, 2, 2, 1], "activations": ["relu", "relu", "sigmoid"], "loss": "mse",
              "weights": [[[1], [0.5]], [[1, 0], [-1, 0]], [[0.5, 0.5]]],
              "biases": [[0, 0], [0, 0], [0]]},
             "sample": {"input": [1], "target": [1]},
             "focus": {"weight": [1, 1, 1]}, "learningRate": 0.1, "epsilon": 1e-5}
            """)
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        #expect(markdown.contains("Path B is *inactive*"))
        #expect(markdown.contains("\\operatorname{ReLU}'(z_{2}^{(2)})"))
        #expect(!markdown.contains("Path A is *inactive*"))
        #expect(markdown.contains("Of the 2 paths, 1 is active; the other one runs through a neuron whose activation derivative is exactly 0 and contributes nothing"))
        let diagram = try #require(try HandoutFixtures.networkFigure(spec).diagram)
        let paths = diagram.edges.filter { $0.emphasis == .path }.map { [$0.column, $0.from, $0.to] }
        #expect(paths == [[1, 0, 0], [2, 0, 0]])
        #expect(diagram.legend.map(\.text) == ["Focus weight w₁,₁⁽¹⁾", "Active path"])
    }

    /// More paths than `maximumShownPaths`: the first ones are listed, the rest counted.
    @Test func manyPathsAreCounted() throws {
        let spec = try HandoutFixtures.spec("seed-000.json")
        let markdown = try HandoutFixtures.handout(spec, .markdown) { $0.maximumShownPaths = 1 }
        #expect(markdown.contains("Path A"))
        #expect(!markdown.contains("Path B"))
        #expect(markdown.contains("the first is"))
        #expect(markdown.contains("One more path is not written out"))
    }

    /// A bias focus in the output layer: one route, no focus edge, no sum-over-paths remark.
    @Test func outputBiasHasOneRoute() throws {
        var spec = HandoutFixtures.seed000
        spec.focus = .bias(layer: 3, neuron: 1)
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        #expect(markdown.contains("enters ${\\color{#1E8449}{a^{(3)}}}$ directly"))
        #expect(markdown.contains("a single route leads on to the loss"))
        #expect(!markdown.contains("Sum over paths"))
        let diagram = try #require(try HandoutFixtures.networkFigure(spec).diagram)
        #expect(!diagram.edges.contains { $0.emphasis != .normal })
        #expect(diagram.columns[3].nodes[0].highlighted)
    }
}
