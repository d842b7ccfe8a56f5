import Documents
import Foundation

/// The "everything" document: every block, inline and box kind, every role macro, an equation
/// chain with `=`, `\approx` and a boxed result, a captioned table, a figure, references to
/// each numbered kind, and hostile user text in the title block.
enum WriterFixture {
    static let hostileText = #"\input{/etc/hostname} \write18{x} <script>alert(1)</script> </title> $ % & # _ ^ ~ { } \"#

    static var document: Document {
        Document(
            metadata: Metadata(
                title: [.text("Worked example: " + hostileText)],
                subtitle: [.text("Computing "), .math(#"\err{\partial\mathcal{L}/\partial \wt{w_{1,1}^{(1)}}}"#),
                    .text(" in a [3, 2, 2, 1] network")],
                author: [.text("A. Teacher & B. Assistant")],
                course: [.text("Neural networks, chapter 16")],
                date: [.text("2026")]),
            blocks: [
                .heading(level: 1, id: "sec-arch", content: [.text("Network architecture")]),
                .paragraph([
                    .text("The network in Figure "), .reference(id: "fig-net"), .text(" has "),
                    .emphasis([.text("two hidden layers")]), .text(" and a "), .strong([.text("single output")]),
                    .text("; the code calls it "), .code("net.forward(x)"), .text(". Inputs "),
                    .math(#"\inp{x_1}, \inp{x_2}, \inp{x_3}"#), .text(" feed weights "), .math(#"\wt{w_{j,k}^{(l)}}"#),
                    .text("."), .lineBreak, .text("Background: "),
                    .link(text: [.text("backpropagation")], url: "https://example.org/wiki/Back_propagation?x=1&y=2#history"),
                    .text(", and an unsafe "), .link(text: [.text("script link")], url: "javascript:alert(1)"),
                    .text(" that must stay text."),
                ]),
                .figure(Figure(
                    id: "fig-net",
                    caption: [.text("The [3, 2, 2, 1] network; dashed edges are the paths of "),
                        .math(#"\wt{w_{1,1}^{(1)}}"#), .text(".")],
                    diagram: network)),
                .heading(level: 2, id: "sec-params", content: [.text("Parameters")]),
                .table(Table(
                    caption: [.text("Network parameters, layer by layer.")], id: "tab-params",
                    alignments: [.left, .center, .right],
                    header: [[.text("Layer")], [.text("Weights "), .math(#"\wt{W^{(l)}}"#)], [.text("Norm")]],
                    rows: [
                        [[.math("l = 1")], [.math(#"\wt{\begin{pmatrix} 0.1 & 0.2 & 0.3 \\ 0.4 & 0.5 & 0.6 \end{pmatrix}}"#)],
                            [.math(#"|W^{(1)}| \approx 1.0"#)]],
                        [[.math("l = 2")], [.math(#"\wt{\begin{pmatrix} 0.7 & 0.8 \\ 0.9 & 1.0 \end{pmatrix}}"#)],
                            [.text("two"), .lineBreak, .text("lines")]],
                    ])),
                .heading(level: 2, id: nil, content: [.text("Colour code")]),
                .bulletList([
                    [.paragraph([.text("Inputs "), .math(#"\inp{x}"#), .text(" are orange, weights "), .math(#"\wt{w}"#),
                        .text(" blue.")])],
                    [.paragraph([.text("Activations "), .math(#"\act{a}"#), .text(" green, errors "),
                        .math(#"\err{\delta}"#), .text(" red; "), .math(#"\hadamard"#), .text(" is the Hadamard product.")]),
                     .orderedList(start: 3, items: [
                        [.paragraph([.text("A nested item numbered 3.")])],
                        [.paragraph([.text("Item 4, with "), .code("`ticks`"), .text(".")])],
                     ])],
                ]),
                .heading(level: 1, id: "sec-forward", content: [.text("Forward pass")]),
                .displayMath(#"\act{z_1^{(1)}} = \wt{w_{1,1}^{(1)}}\inp{x_1} + \wt{w_{1,2}^{(1)}}\inp{x_2} + \wt{w_{1,3}^{(1)}}\inp{x_3} + \wt{b_1^{(1)}}"#,
                    id: "eq-z", numbered: true),
                .displayMath(#"\sigma(t) = \frac{1}{1 + e^{-t}}, \qquad 0 < \sigma(t) < 1"#, id: nil, numbered: false),
                .displayMath(#"\err{\delta^{(l)}} = \bigl(\wt{(W^{(l+1)})^T}\err{\delta^{(l+1)}}\bigr) \hadamard \act{\sigma'(z^{(l)})}"#,
                    id: nil, numbered: true),
                .equationChain(EquationChain(
                    lhs: #"\act{a_2^{(1)}}"#,
                    steps: [
                        .init(.equal, #"\sigma(0.25)"#),
                        .init(.equal, #"\frac{1}{1 + e^{-0.25}}"#),
                        .init(.approximatelyEqual, #"\act{0.5622}"#),
                    ],
                    id: "eq-a1", boxedResult: true)),
                .equationChain(EquationChain(
                    lhs: #"z_1^{(2)}"#,
                    steps: [.init(.equal, #"0.7 \cdot 0.5 + 0.8 \cdot 0.56218 + 0.1"#), .init(.approximatelyEqual, "0.8997")])),
                .division(Division(
                    kind: .theorem, title: [.text("Output error (BP1)")], id: "thm-bp1",
                    blocks: [.displayMath(#"\err{\delta^{(L)}} = \nabla_a \mathcal{L} \hadamard \act{\sigma'(z^{(L)})}"#, id: nil, numbered: false)])),
                .division(Division(kind: .remark, blocks: [.paragraph([.text("A remark without a title.")])])),
                .division(Division(
                    kind: .keyObservation, title: [.text("Reuse")],
                    blocks: [.paragraph([.text("The value "), .math(#"\act{a^{(1)}}"#), .text(" is reused in Step 2b.")])])),
                .division(Division(
                    kind: .verification, title: [.text("Finite differences")], id: "ver-fd", passed: true,
                    blocks: [.paragraph([.text("Relative error "), .math(#"8.5 \times 10^{-10}"#), .text(".")])])),
                .division(Division(
                    kind: .verification, title: [.text("A failing check")], passed: false,
                    blocks: [.paragraph([.text("Relative error "), .math(#"0.2"#), .text(".")])])),
                .division(Division(
                    kind: .verification, title: [.text("A check without outcome")],
                    blocks: [.paragraph([.text("Nothing was compared.")])])),
                .division(Division(
                    kind: .algorithm, title: [.text("Backpropagation")],
                    blocks: [.orderedList(start: 1, items: [
                        [.paragraph([.text("Forward: compute "), .math(#"\act{a^{(l)}}"#), .text(".")])],
                        [.paragraph([.text("Backward: compute "), .math(#"\err{\delta^{(l)}}"#), .text(".")])],
                    ])])),
                .division(Division(
                    kind: .exercise, title: [.text("Another weight")], id: "ex-1",
                    blocks: [.paragraph([.text("Compute "), .math(#"\err{\partial\mathcal{L}/\partial \wt{w_{2,1}^{(1)}}}"#), .text(".")])])),
                .division(Division(kind: .solution, title: [], blocks: [.paragraph([.text("Follow Algorithm 1.")])])),
                .division(Division(kind: .note, title: [.text("Rounding")], blocks: [
                    .paragraph([.text("Displayed values are rounded; later steps use full precision.")])])),
                .heading(level: 3, id: "sec-refs", content: [.text("Cross-references")]),
                .paragraph([
                    .text("Section "), .reference(id: "sec-arch"), .text(", subsection "), .reference(id: "sec-params"),
                    .text(", equations "), .reference(id: "eq-z"), .text(" and "), .reference(id: "eq-a1"),
                    .text(", Table "), .reference(id: "tab-params"), .text(", Figure "), .reference(id: "fig-net"),
                    .text(", Theorem "), .reference(id: "thm-bp1"), .text(", Verification "), .reference(id: "ver-fd"),
                    .text(", Exercise "), .reference(id: "ex-1"), .text(" and subsubsection "), .reference(id: "sec-refs"),
                    .text("."),
                ]),
                .heading(level: 4, id: nil, content: [.text("An unnumbered paragraph heading")]),
                .paragraph([.text("The end.")]),
            ])
    }

    /// A [10, 8, 1, 4, 6, 2] network, fully connected, one path highlighted.
    static var largeNetworkDocument: Document {
        let sizes = [10, 8, 1, 4, 6, 2]
        let columns = sizes.enumerated().map { layer, size in
            LayeredDiagram.Column(title: "Layer \(layer)", nodes: (0..<size).map { index in
                LayeredDiagram.Node(
                    label: Math(layer == 0 ? "\\inp{x_{\(index + 1)}}" : "\\act{a_{\(index + 1)}^{(\(layer))}}"),
                    plainLabel: layer == 0 ? "x\(index + 1)" : "a\(index + 1)(\(layer))",
                    value: "0.\(index)\(layer)", role: layer == 0 ? .input : .activation, highlighted: index == 0)
            })
        }
        var edges: [LayeredDiagram.Edge] = []
        for column in 0..<(sizes.count - 1) {
            for from in 0..<sizes[column] {
                for to in 0..<sizes[column + 1] {
                    let emphasis: LayeredDiagram.Edge.Emphasis = column == 0 && from == 0 && to == 0 ? .focus : (from == 0 && column > 0 ? .path : .normal)
                    edges.append(.init(column: column, from: from, to: to, emphasis: emphasis))
                }
            }
        }
        return Document(
            metadata: Metadata(title: [.text("A large network")]),
            blocks: [
                .paragraph([.text("Figure "), .reference(id: "fig-large"), .text(" has six layers.")]),
                .figure(Figure(id: "fig-large", caption: [.text("A [10, 8, 1, 4, 6, 2] network.")],
                    diagram: LayeredDiagram(columns: columns, edges: edges, legend: [
                        .init(emphasis: .focus, text: "Focus weight"), .init(emphasis: .path, text: "Active paths"),
                    ]))),
            ])
    }

    /// The [3, 2, 2, 1] network with values, the two paths of w₁,₁⁽¹⁾ and the focus edge.
    static var network: LayeredDiagram {
        LayeredDiagram(
            columns: [
                .init(title: "Input (l = 0)", nodes: [
                    .init(label: #"\inp{x_1}"#, plainLabel: "x₁", value: "1.0", role: .input, highlighted: true),
                    .init(label: #"\inp{x_2}"#, plainLabel: "x₂", value: "0.5", role: .input),
                    .init(label: #"\inp{x_3}"#, plainLabel: "x₃", value: "-1.0", role: .input),
                ]),
                .init(title: "Hidden 1 (l = 1)", nodes: [
                    .init(label: #"\act{a_1^{(1)}}"#, plainLabel: "a₁⁽¹⁾", value: "0.5", role: .activation, highlighted: true),
                    .init(label: #"\act{a_2^{(1)}}"#, plainLabel: "a₂⁽¹⁾", value: "0.5622", role: .activation),
                ]),
                .init(title: "Hidden 2 (l = 2)", nodes: [
                    .init(label: #"\act{a_1^{(2)}}"#, plainLabel: "a₁⁽²⁾", value: "0.7109", role: .activation),
                    .init(label: #"\act{a_2^{(2)}}"#, plainLabel: "a₂⁽²⁾", value: "0.7707", role: .activation),
                ]),
                .init(title: "Output (l = 3)", nodes: [
                    .init(label: #"\err{a^{(3)}}"#, plainLabel: "a⁽³⁾", value: "0.6506", role: .error),
                ]),
            ],
            edges: (0..<3).flatMap { row in (0..<2).map { LayeredDiagram.Edge(column: 0, from: row, to: $0, emphasis: row == 0 && $0 == 0 ? .focus : .normal) } }
                + (0..<2).flatMap { row in (0..<2).map { LayeredDiagram.Edge(column: 1, from: row, to: $0, emphasis: row == 0 ? .path : .normal) } }
                + (0..<2).map { LayeredDiagram.Edge(column: 2, from: $0, to: 0, emphasis: .path) },
            legend: [
                .init(emphasis: .focus, text: "Target weight w₁,₁⁽¹⁾"),
                .init(emphasis: .path, text: "Paths through which it reaches the loss"),
            ])
    }
}

/// Writers wired to the shell templates in `Templates/` and the temporary shell renderer.
enum WriterSetup {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shell(_ format: OutputFormat) throws -> Shell {
        try Shell.standard(for: format, library: TemplateLibrary())
    }

    static func writer(
        _ format: OutputFormat, katexBaseURL: String = HTMLWriter.defaultKaTeXBaseURL, stem: String = "everything",
        math: HTMLMathMode = .mathml
    ) throws -> any DocumentWriter {
        switch format {
        case .latex: return LaTeXWriter(shell: try shell(.latex))
        case .html: return HTMLWriter(shell: try shell(.html), katexBaseURL: katexBaseURL, math: math)
        case .markdown: return MarkdownWriter(shell: try shell(.markdown), attachmentStem: stem)
        }
    }
}
