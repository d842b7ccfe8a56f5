import Backprop
import Documents
import Handouts
import Testing

extension HandoutFixtures {
    /// A spec from JSON text (networks the examples do not cover).
    static func spec(json: String) throws -> Spec { try SpecReader().read(json) }

    /// The document tree of `spec`'s handout.
    static func document(_ spec: Spec, options: (inout HandoutOptions) -> Void = { _ in }) throws -> Document {
        var handoutOptions = HandoutOptions(format: .markdown)
        options(&handoutOptions)
        return try HandoutGenerator(options: handoutOptions).document(for: spec, library: TemplateLibrary())
    }

    /// Every block of `blocks`, divisions and lists opened.
    static func flatten(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            switch block {
            case .division(let division): return [block] + flatten(division.blocks)
            case .bulletList(let items), .orderedList(_, let items): return [block] + items.flatMap(flatten)
            default: return [block]
            }
        }
    }

    /// The network figure of `spec`'s handout.
    static func networkFigure(_ spec: Spec) throws -> Figure {
        let figures = flatten(try document(spec).blocks).compactMap { block -> Figure? in
            if case .figure(let figure) = block { return figure } else { return nil }
        }
        return try #require(figures.first { $0.id == "fig:network" })
    }

    /// A network of widths [10, 9, 2]: wider than the default display limit of 8.
    static let wide = """
        {"network": {"layers": [10, 9, 2], "activations": ["tanh", "sigmoid"], "loss": "mse",
          "weights": [\(matrix(9, 10)), \(matrix(2, 9))],
          "biases": [\(matrix(1, 9).dropFirst().dropLast()), [0.1, -0.1]]},
         "sample": {"input": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "target": [0.5, 0.25]},
         "focus": {"weight": [1, 9, 10]}, "learningRate": 0.1, "epsilon": 1e-5}
        """

    /// A `rows × columns` JSON matrix of small distinct weights.
    static func matrix(_ rows: Int, _ columns: Int) -> String {
        "[" + (0..<rows).map { r in
            "[" + (0..<columns).map { c in String(Double((r * columns + c) % 7 - 3) / 20) }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "]"
    }
}

@Suite struct ArchitectureSectionTests {
    /// Seed 000's figure: 3 + 2 + 2 + 1 neurons with their values, the focus weight x₁ → a₁⁽¹⁾,
    /// the four edges of the two active paths, a legend and a caption that counts the paths.
    @Test func seedFigure() throws {
        let figure = try HandoutFixtures.networkFigure(HandoutFixtures.seed000)
        let diagram = try #require(figure.diagram)
        #expect(diagram.columns.map(\.nodes.count) == [3, 2, 2, 1])
        #expect(diagram.columns.map(\.title) == ["Input (l = 0)", "Hidden 1 (l = 1)", "Hidden 2 (l = 2)", "Output (l = 3)"])
        #expect(diagram.columns.flatMap(\.nodes).compactMap(\.value) == ["1", "0.5", "-1", "0.5", "0.5622", "0.7109", "0.7707", "0.6506"])
        #expect(diagram.columns.flatMap(\.nodes).map(\.plainLabel) == ["x₁", "x₂", "x₃", "a₁⁽¹⁾", "a₂⁽¹⁾", "a₁⁽²⁾", "a₂⁽²⁾", "a⁽³⁾"])
        #expect(diagram.columns[0].nodes.allSatisfy { $0.role == .input })
        #expect(diagram.columns[1].nodes.map(\.highlighted) == [true, false])
        #expect(diagram.edges.filter { $0.emphasis == .focus } == [.init(column: 0, from: 0, to: 0, emphasis: .focus)])
        let paths = Set(diagram.edges.filter { $0.emphasis == .path }.map { [$0.column, $0.from, $0.to] })
        #expect(paths == [[1, 0, 0], [1, 0, 1], [2, 0, 0], [2, 1, 0]])
        #expect(diagram.edges.count == 6 + 4 + 2)
        #expect(diagram.legend.map(\.emphasis) == [.focus, .path])
        #expect(diagram.legend.map(\.text) == ["Focus weight w₁,₁⁽¹⁾", "Active paths (2)"])
        let caption = figure.caption.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
        #expect(caption.contains("The two highlighted paths are every route through which"))
    }

    /// The parameter table carries seed 000's parameters in blue, with shapes; x and y are orange.
    @Test func seedParameterTable() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("\\wt{\\mathbf{W}^{(1)}} = \\wt{\\begin{pmatrix} 0.1 & 0.2 & 0.3 \\\\ 0.4 & 0.5 & 0.6 \\end{pmatrix}}"))
        #expect(latex.contains("\\wt{\\mathbf{b}^{(3)}} = \\wt{\\begin{pmatrix} 0.1 \\end{pmatrix}}"))
        #expect(latex.contains("\\(2 \\times 3\\)"))
        #expect(latex.contains("\\(1 \\times 2\\)"))
        #expect(latex.contains("\\inp{\\mathbf{x}} = \\inp{\\begin{pmatrix} 1 \\\\ 0.5 \\\\ -1 \\end{pmatrix}}"))
        #expect(latex.contains("\\inp{y} = \\inp{1}"))
        #expect(!latex.contains("\\cdots"))
    }

    /// The prose counts layers and neurons in words and names the activation and loss.
    @Test func seedProse() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(markdown.contains("four layers: an **input layer** of three neurons, two **hidden layers** of two neurons each, and a single **output neuron**"))
        #expect(markdown.contains("The *sigmoid* function"))
    }

    /// Seed 004's (2, 3, 2) network: a linear output named per layer, the focus w⁽¹⁾₂,₁.
    @Test func linearOutputNetwork() throws {
        let spec = try HandoutFixtures.spec("seed-004.json")
        let diagram = try #require(try HandoutFixtures.networkFigure(spec).diagram)
        #expect(diagram.columns.map(\.nodes.count) == [2, 3, 2])
        #expect(diagram.edges.filter { $0.emphasis == .focus }.map { [$0.column, $0.from, $0.to] } == [[0, 0, 1]])
        #expect(diagram.edges.filter { $0.emphasis == .path }.map { [$0.column, $0.from, $0.to] } == [[1, 1, 0], [1, 1, 1]])
        #expect(diagram.columns[2].nodes.map(\.plainLabel) == ["a₁⁽²⁾", "a₂⁽²⁾"])
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        #expect(markdown.contains("a **hidden layer** of three neurons, and an **output layer** of two neurons"))
        #expect(markdown.contains("*sigmoid*, $\\sigma(t) = \\frac{1}{1+e^{-t}}$, in layer 1; *linear*, $f(t) = t$, in layer 2 (the output)"))
    }

    /// Wider than 8: the figure keeps the focus weight's source x₁₀ and neuron a₉⁽¹⁾ (both
    /// last), and the first neurons up to 8, with a ⋮ node; the matrices show the same neurons
    /// with ⋯ and ⋮, and the text names the ones left out.
    @Test func wideNetworkIsSummarised() throws {
        let spec = try HandoutFixtures.spec(json: HandoutFixtures.wide)
        let diagram = try #require(try HandoutFixtures.networkFigure(spec).diagram)
        #expect(diagram.columns[0].nodes.map(\.plainLabel) == ["x₁", "x₂", "x₃", "x₄", "x₅", "x₆", "x₇", "⋮", "x₁₀"])
        #expect(diagram.columns[1].nodes.map(\.plainLabel) == ["a₁⁽¹⁾", "a₂⁽¹⁾", "a₃⁽¹⁾", "a₄⁽¹⁾", "a₅⁽¹⁾", "a₆⁽¹⁾", "a₇⁽¹⁾", "⋮", "a₉⁽¹⁾"])
        #expect(diagram.columns[1].nodes[8].highlighted)
        #expect(diagram.edges.filter { $0.emphasis == .focus }.map { [$0.column, $0.from, $0.to] } == [[0, 8, 8]])
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("\\cdots"))
        #expect(latex.contains("\\vdots"))
        #expect(latex.contains("of the 10 inputs, inputs 8 and 9 are left out; of the 9 neurons of layer 1, neuron 8 is left out."))
        #expect(latex.contains("\\(9 \\times 10\\)"))
    }

    /// Notation options reach the glossary and the figure: [l] superscripts, input layer 1.
    @Test func lectureNotation() throws {
        let spec = HandoutFixtures.seed000
        let diagram = try HandoutFixtures.document(spec) { $0.notation = .lectureNotes }
        let figure = HandoutFixtures.flatten(diagram.blocks).compactMap { block -> Figure? in
            if case .figure(let f) = block { f } else { nil }
        }.first
        #expect(figure?.diagram?.columns.map(\.title).first == "Input (l = 1)")
        #expect(figure?.diagram?.columns[1].nodes.first?.plainLabel == "a₁^[2]")
        let latex = try HandoutFixtures.handout(spec, .latex) { $0.notation = .lectureNotes }
        #expect(latex.contains("w_{j,k}^{[l]}"))
        #expect(latex.contains("\\(L = 4\\)"))
    }
}
