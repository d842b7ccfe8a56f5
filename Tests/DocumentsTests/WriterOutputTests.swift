import Documents
import Foundation
import Testing

/// Properties of the rendered formats that the goldens only show by example.
@Suite struct WriterOutputTests {
    static let hostile = WriterFixture.hostileText

    @Test func latexTitleCannotRunCommands() throws {
        let main = try WriterSetup.writer(.latex).write(WriterFixture.document).main
        #expect(!main.contains("\\input{"))
        #expect(!main.contains("\\write18{"))
        #expect(main.contains(#"\textbackslash{}input\{/etc/hostname\}"#))
    }

    @Test func htmlTitleCannotOpenTags() throws {
        let main = try WriterSetup.writer(.html).write(WriterFixture.document).main
        #expect(!main.contains("<script>alert"))
        #expect(!main.contains("</title> $"))
        #expect(main.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;/title&gt;"))
        // Exactly the three scripts of the shell.
        #expect(main.components(separatedBy: "<script").count - 1 == 3)
    }

    @Test func markdownTitleIsLiteral() throws {
        let main = try WriterSetup.writer(.markdown).write(WriterFixture.document).main
        #expect(main.contains(#"\<script>alert(1)\</script>"#))
        // Every `<` that could open a tag is escaped.
        #expect(main.ranges(of: "<script>").allSatisfy { main[main.index(before: $0.lowerBound)] == "\\" })
    }

    @Test func unsafeLinksBecomeText() throws {
        for format in OutputFormat.allCases {
            let main = try WriterSetup.writer(format).write(WriterFixture.document).main
            #expect(!main.lowercased().contains("javascript:"), "\(format)")
        }
    }

    @Test func latexLoadsTikzOnlyForFigures() throws {
        let plain = Document(blocks: [.paragraph([.text("No figure here.")])])
        let writer = try WriterSetup.writer(.latex)
        let without = try writer.write(plain).main
        #expect(!without.contains("\\usepackage{tikz}"))
        #expect(!without.contains("\\usepackage{tcolorbox}"))
        #expect(!without.contains("\\usepackage{booktabs}"))
        #expect(try writer.write(WriterFixture.document).main.contains("\\usepackage{tikz}"))
    }

    @Test func markdownWritesTheFigureBesideIt() throws {
        let rendered = try WriterSetup.writer(.markdown).write(WriterFixture.document)
        #expect(rendered.attachments.map(\.name) == ["everything-figure-1.svg"])
        #expect(rendered.main.contains("](everything-figure-1.svg)"))
        #expect(rendered.attachments[0].contents.hasPrefix("<?xml"))
    }

    @Test func htmlUsesTheConfiguredKaTeX() throws {
        let writer = try WriterSetup.writer(.html, katexBaseURL: "file:///usr/share/javascript/katex/")
        let main = try writer.write(WriterFixture.document).main
        #expect(main.contains(#"<script defer src="file:///usr/share/javascript/katex/katex.min.js">"#))
        #expect(main.contains(#"src="file:///usr/share/javascript/katex/contrib/auto-render.min.js""#))
        #expect(!main.contains("cdn.jsdelivr"))
    }

    @Test func htmlMathEscapesOnlyMarkupCharacters() throws {
        let document = Document(blocks: [.paragraph([.math(#"a < b \& c > "d""#)])])
        let body = try WriterSetup.writer(.html).write(document).main
        #expect(body.contains(#"<span class="math inline">\(a &lt; b \&amp; c &gt; "d"\)</span>"#))
    }

    @Test(arguments: [1, 4, 10])
    func diagramsOfAnyHeightRender(_ nodes: Int) throws {
        let column = LayeredDiagram.Column(title: "Layer", nodes: (0..<nodes).map {
            .init(label: Math("a_{\($0)}"), plainLabel: "a\($0)", value: "0.\($0)", role: .activation)
        })
        let diagram = LayeredDiagram(
            columns: [column, column],
            edges: (0..<nodes).map { .init(column: 0, from: $0, to: nodes - 1 - $0, emphasis: $0 == 0 ? .focus : .path) })
        let document = Document(blocks: [.figure(Figure(caption: [.text("Tall")], diagram: diagram))])
        let latex = try WriterSetup.writer(.latex).write(document).main
        #expect(latex.components(separatedBy: "\\draw[wbedge").count - 1 == nodes)
        let svg = try WriterSetup.writer(.markdown).write(document).attachments[0].contents
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 * nodes)
    }

    @Test func shellFieldsNameEveryValueOnce() {
        let names = ShellValues().fields.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.contains("body") && names.contains("needsTikz") && names.contains("mathMacros"))
    }
}
