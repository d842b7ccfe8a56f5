@testable import Documents
import Testing

/// The LaTeX writer's page layout: wide matrices, displays that fit the line, lead-ins kept
/// with their display, and PDF-outline text for math in headings. `.ci/run` compiles real
/// documents with these; here each rule is checked on the LaTeX it writes.
@Suite struct WriterLaTeXLayoutTests {
    static func matrix(columns: Int, rows: Int = 2) -> String {
        let row = (1...columns).map(String.init).joined(separator: " & ")
        return "\\begin{pmatrix} " + Array(repeating: row, count: rows).joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }

    @Test(arguments: [1, 9, 10, 11, 12, 16, 40])
    func matrixColumnsAreAllowedForTheWidestMatrix(columns: Int) {
        let body = "\\[\n\\wbfit{W = " + Self.matrix(columns: columns) + ", \\qquad b = " + Self.matrix(columns: 1, rows: 3) + "}\n\\]"
        let setting = LaTeXDisplays.matrixColumnSetting(body)
        if columns <= LaTeXDisplays.defaultMatrixColumns {
            #expect(setting == nil)
        } else {
            #expect(setting == "\\setcounter{MaxMatrixCols}{\(columns)}")
        }
    }

    @Test func rowVectorsInARowDoNotAddUp() {
        // Many one-row matrices with no row end between them: each counts alone.
        let body = (1...30).map { _ in "\\(" + Self.matrix(columns: 4, rows: 1) + "\\)" }.joined(separator: " and ")
        #expect(LaTeXDisplays.matrixColumnSetting(body) == nil)
    }

    @Test func aTwelveColumnMatrixGetsItsSettingInThePreamble() throws {
        let document = Document(blocks: [.displayMath(Math(Self.matrix(columns: 12)), id: nil, numbered: false)])
        let main = try WriterSetup.writer(.latex).write(document).main
        let setting = try #require(main.range(of: "\\setcounter{MaxMatrixCols}{12}"))
        #expect(setting.lowerBound > main.range(of: "\\usepackage{amsmath}")!.upperBound)
        #expect(setting.upperBound < main.range(of: "\\begin{document}")!.lowerBound)
    }

    @Test func everyDisplayIsFittedToTheLine() throws {
        let chain = EquationChain(lhs: "z", steps: [.init(.equal, "1 + 2"), .init(.equal, "3")], id: "eq:z")
        let document = Document(blocks: [
            .displayMath("a = 1", id: nil, numbered: false),
            .displayMath("b = 2", id: "eq:b", numbered: true),
            .equationChain(chain),
        ])
        let main = try WriterSetup.writer(.latex).write(document).main
        #expect(main.contains("\\[\n\\wbfit{a = 1}\n\\]"))
        #expect(main.contains("\\begin{equation}\n\\wbfit[\(LaTeXDisplays.numberRoom)]{b = 2}\\label{eq:b}\n\\end{equation}"))
        #expect(main.contains("\\wbfit[\(LaTeXDisplays.numberRoom)]{\\begin{aligned}\nz &= 1 + 2 \\\\\n&= 3\n\\end{aligned}}\\label{eq:z}"))
        #expect(main.contains("\\newcommand{\\wbfit}"))
        #expect(main.contains("\\usepackage{graphicx}"))
    }

    @Test func aLeadInParagraphIsKeptWithItsDisplay() throws {
        let document = Document(blocks: [
            .paragraph([.text("In matrix form:")]),
            .displayMath("a = 1", id: nil, numbered: false),
            .paragraph([.text("Next.")]),
            .paragraph([.text("Then:")]),
            .equationChain(EquationChain(lhs: "z", steps: [.init(.equal, "3")])),
        ])
        let main = try WriterSetup.writer(.latex).write(document).main
        // No blank line (a paragraph end) between a lead-in and its display; one after it.
        #expect(main.contains("In matrix form:\n\\[\n"))
        #expect(main.contains("\\]\n\nNext.\n\nThen:\n\\begin{equation*}"))
    }

    @Test func mathInAHeadingHasATextAlternativeForTheOutline() throws {
        let document = Document(blocks: [
            .heading(level: 2, id: "sec:b", content: [.text("Step 2a: Output Error "), .math("\\err{\\boldsymbol{\\delta}^{(3)}}")]),
        ])
        let main = try WriterSetup.writer(.latex).write(document).main
        #expect(main.contains("\\subsection{Step 2a: Output Error \\texorpdfstring{\\(\\err{\\boldsymbol{\\delta}^{(3)}}\\)}{δ⁽³⁾}}\\label{sec:b}"))
    }
}

/// Numbers in diagrams carry a true minus sign in TikZ and SVG alike.
@Suite struct DiagramTextTests {
    @Test(arguments: [
        ("-0.5", "−0.5"), ("z = -1.25", "z = −1.25"), ("8.497e-10", "8.497e−10"), ("(-.5)", "(−.5)"),
        ("cross-entropy", "cross-entropy"), ("layer-2", "layer-2"), ("x-1", "x-1"), ("0.5", "0.5"), ("-", "-"),
    ])
    func signsBecomeMinusSigns(text: String, expected: String) {
        #expect(DiagramText.minusSigns(text) == expected)
    }

    @Test func aTableIsKeptWithItsLeadIn() throws {
        let table = Table(alignments: [.left], header: [[.text("a")]], rows: [[[.text("1")]]])
        let document = Document(blocks: [.paragraph([.text("Exercise 1:")]), .table(table)])
        let main = try WriterSetup.writer(.latex).write(document).main
        #expect(main.contains("Exercise 1:\n\n\\nopagebreak\n\\begin{center}"))
    }
}
