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

    @Test(arguments: HTMLMathMode.allCases)
    func htmlTitleCannotOpenTags(_ math: HTMLMathMode) throws {
        let main = try WriterSetup.writer(.html, math: math).write(WriterFixture.document).main
        #expect(!main.contains("<script>alert"))
        #expect(!main.contains("</title> $"))
        #expect(main.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;/title&gt;"))
        // Exactly the three scripts of the KaTeX shell; none in MathML.
        #expect(main.components(separatedBy: "<script").count - 1 == (math == .katex ? 3 : 0))
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
        let writer = try WriterSetup.writer(.html, katexBaseURL: "file:///nonexistent/katex/", math: .katex)
        let main = try writer.write(WriterFixture.document).main
        #expect(main.contains(#"<script defer src="file:///nonexistent/katex/katex.min.js">"#))
        #expect(main.contains(#"src="file:///nonexistent/katex/contrib/auto-render.min.js""#))
        #expect(!main.contains("cdn.jsdelivr"))
        // A local folder gets no integrity hash: its files are not the CDN's.
        #expect(!main.contains("integrity="))
        #expect(main.contains(#"class="katex-warning""#))
    }

    @Test func htmlPinsTheCDNFilesWithIntegrityHashes() throws {
        let main = try WriterSetup.writer(.html, math: .katex).write(WriterFixture.document).main
        for file in KaTeXSource.loadedFiles {
            let pattern = "\(HTMLWriter.defaultKaTeXBaseURL)/\(file)\" integrity=\"sha384-"
            #expect(main.contains(pattern), "\(file) has no integrity hash")
        }
        #expect(main.components(separatedBy: #"crossorigin="anonymous""#).count - 1 == 3)
    }

    @Test func htmlByDefaultNeedsNoScriptAndNoNetwork() throws {
        let main = try WriterSetup.writer(.html).write(WriterFixture.document).main
        #expect(!main.lowercased().contains("<script"))
        #expect(!main.contains("katex.min"))
        #expect(!main.contains("<link"))
        #expect(!main.contains(" src="))
        #expect(main.contains("<math display=\"block\">"))
        #expect(!main.contains("\\("))
        #expect(!main.contains("\\["))
    }

    @Test func htmlMathEscapesOnlyMarkupCharacters() throws {
        let document = Document(blocks: [.paragraph([.math(#"a < b \& c > "d""#)])])
        let body = try WriterSetup.writer(.html, math: .katex).write(document).main
        #expect(body.contains(#"<span class="math inline">\(a &lt; b \&amp; c &gt; "d"\)</span>"#))
        let plain = Document(blocks: [.paragraph([.math(#"a < b \& c > d"#)])])
        let mathML = try WriterSetup.writer(.html).write(plain).main
        #expect(mathML.contains("<math><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mi>&amp;</mi><mi>c</mi><mo>&gt;</mo><mi>d</mi></mrow></math>"))
    }

    @Test func htmlNamesTheTemplateOfUntranslatableMath() throws {
        let location = SourceLocation(file: "handout/loss.mustache (rendered)", line: 7, column: 12)
        let document = Document(blocks: [.paragraph([.text("See "), .math(Math(#"x \frobnicate y"#, location: location))])])
        #expect {
            try WriterSetup.writer(.html).write(document)
        } throws: { error in
            guard let error = error as? SourceError else { return false }
            return error.location == location && error.message.contains("'\\frobnicate'")
                && error.message.contains("character 3 of the formula")
        }
        // Math built by code names the formula instead.
        let built = Document(blocks: [.displayMath(Math(#"\frobnicate"#), id: nil, numbered: false)])
        #expect(throws: WriterError.untranslatableMath(
            tex: #"\frobnicate"#,
            reason: #"'\frobnicate' is not in the TeX subset translated to MathML (character 1 of the formula)"#)) {
            try WriterSetup.writer(.html).write(built)
        }
        // KaTeX mode leaves the TeX to KaTeX.
        #expect(try WriterSetup.writer(.html, math: .katex).write(document).main.contains(#"\frobnicate"#))
    }

    @Test func htmlPutsEquationNumbersBesideTheFormula() throws {
        let document = Document(blocks: [.displayMath("x = 1", id: "eq:x", numbered: true)])
        for math in HTMLMathMode.allCases {
            let main = try WriterSetup.writer(.html, math: math).write(document).main
            #expect(main.contains(#"<div class="math display numbered" id="eq:x"><div class="display-body">"#))
            #expect(main.contains(#"</div><span class="eqno">(1)</span></div>"#))
            #expect(!main.contains("\\tag"))
        }
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
