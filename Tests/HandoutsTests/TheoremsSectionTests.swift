import Backprop
import Documents
import Handouts
import Testing

@Suite struct TheoremsSectionTests {
    /// The theorem divisions of a handout: (id, plain title).
    static func theorems(_ document: Document) -> [(id: String?, title: String)] {
        HandoutFixtures.flatten(document.blocks).compactMap { block in
            guard case .division(let division) = block, division.kind == .theorem else { return nil }
            let title = division.title.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            return (division.id, title)
        }
    }

    static let softmaxNetwork = """
        {"network": {"layers": [2, 2, 3], "activations": ["tanh", "softmax"], "loss": "cross-entropy",
          "weights": [[[0.1, 0.2], [0.3, -0.4]], [[0.5, -0.5], [0.25, 0.75], [-1, 1]]],
          "biases": [[0, 0.1], [0.1, 0, -0.1]]},
         "sample": {"input": [1, -1], "target": [0, 1, 0]},
         "focus": {"bias": [1, 2]}, "learningRate": 0.1, "epsilon": 1e-5}
        """

    /// Seed 000: BP1–BP4 in order with ids, the MSE form of ∇ₐL, and the sigmoid identity.
    @Test func seedTheorems() throws {
        let theorems = Self.theorems(try HandoutFixtures.document(HandoutFixtures.seed000))
        #expect(theorems.map(\.id) == ["thm:bp1", "thm:bp2", "thm:bp3", "thm:bp4"])
        #expect(theorems.map(\.title) == ["BP1 — Output Error", "BP2 — Error Propagation", "BP3 — Weight Gradient", "BP4 — Bias Gradient"])
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("\\err{\\boldsymbol{\\delta}^{(L)}} = \\err{\\nabla_{a} \\mathcal{L}} \\hadamard \\act{\\sigma'(\\mathbf{z}^{(L)})}"))
        #expect(latex.contains("\\err{\\nabla_{a} \\mathcal{L}} = \\act{a^{(L)}} - \\inp{y}"))
        #expect(latex.contains("\\err{\\frac{\\partial \\mathcal{L}}{\\partial w_{j,k}^{(l)}}} = \\act{a_{k}^{(l-1)}} \\cdot \\err{\\delta_{j}^{(l)}}"))
        #expect(latex.contains("\\label{eq:bp3}"))
        #expect(latex.contains("The sigmoid derivative satisfies \\(\\sigma'(t) = \\sigma(t)\\,(1 - \\sigma(t))\\)"))
    }

    /// Seed 003's numbering: the bias gradient is BP3, and its id follows its label.
    @Test func biasFirstNumbering() throws {
        let document = try HandoutFixtures.document(HandoutFixtures.seed000) { $0.notation.gradientNumbering = .biasFirst }
        let theorems = Self.theorems(document)
        #expect(theorems.map(\.title) == ["BP1 — Output Error", "BP2 — Error Propagation", "BP3 — Bias Gradient", "BP4 — Weight Gradient"])
        #expect(theorems.map(\.id) == ["thm:bp1", "thm:bp2", "thm:bp3", "thm:bp4"])
    }

    /// A softmax output with cross-entropy: BP1 in Jacobian form, simplified to δ = a − y;
    /// tanh hidden layers in BP2; [l] superscripts and the loss C under lecture notation.
    @Test func softmaxCrossEntropy() throws {
        let spec = try HandoutFixtures.spec(json: Self.softmaxNetwork)
        let latex = try HandoutFixtures.handout(spec, .latex) { $0.notation = .lectureNotes }
        #expect(latex.contains("\\err{\\boldsymbol{\\delta}^{[L]}} = \\act{(\\boldsymbol{J}^{[L]})^{\\top}} \\err{\\nabla_{a} C}"))
        #expect(latex.contains("leaving \\(\\err{\\boldsymbol{\\delta}^{[L]}} = \\act{\\mathbf{a}^{[L]}} - \\inp{\\mathbf{y}}\\)"))
        #expect(latex.contains("\\act{\\tanh'(\\mathbf{z}^{[l]})}"))
        #expect(latex.contains("The tanh derivative satisfies"))
        #expect(latex.contains("The softmax Jacobian satisfies"))
    }

    /// No hidden layer: BP2 is stated but said not to be needed.
    @Test func noHiddenLayer() throws {
        let spec = try HandoutFixtures.spec(json: """
            {"network": {"layers": [2, 1], "activation": "sigmoid", "loss": "cross-entropy",
              "weights": [[[0.5, -0.5]]], "biases": [[0.1]]},
             "sample": {"input": [1, 2], "target": [1]},
             "focus": {"weight": [1, 1, 2]}, "learningRate": 0.1, "epsilon": 1e-5}
            """)
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        #expect(markdown.contains("This network has no hidden layer, so BP2 is not needed here"))
        #expect(markdown.contains("activation's derivative cancels"))
    }
}

/// `--error-form jacobian`: BP1 and BP2 with D = diag(f′(z)), and the equivalence in both forms.
@Suite struct ErrorFormTests {
    @Test func theoremsAndAlgorithmFollowTheForm() throws {
        let jacobian = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) { $0.errorForm = .jacobian }
        let hadamard = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        let D = "{\\color{#1E8449}{\\boldsymbol{D}^{(l)}}}"
        // BP2 as a theorem, in the algorithm, and the equivalence remark in both forms.
        #expect(jacobian.contains("$${\\color{#C0392B}{\\boldsymbol{\\delta}^{(l)}}} = \(D) {\\color{#1F6FB2}{(\\mathbf{W}^{(l+1)})^{\\top}}}"))
        #expect(jacobian.contains("propagate ${\\color{#C0392B}{\\boldsymbol{\\delta}^{(l)}}} = \(D)"))
        #expect(!hadamard.contains("propagate ${\\color{#C0392B}{\\boldsymbol{\\delta}^{(l)}}} = \(D)"))
        for markdown in [jacobian, hadamard] {
            #expect(markdown.contains("Hadamard product and diagonal matrix"))
        }
        // The numeric steps show the D matrices.
        #expect(jacobian.contains("**(ii) Diagonal matrix.**"))
        #expect(jacobian.contains("{\\color{#1E8449}{\\boldsymbol{D}^{(2)}}}"))
    }
}
