/// Writes a `Document` as a LaTeX article that compiles with pdfLaTeX and LuaLaTeX using
/// common packages only: amsmath, amssymb, xcolor, hyperref, geometry, and on demand booktabs
/// (tables), tcolorbox (boxes) and TikZ (figures).
public struct LaTeXWriter: DocumentWriter {
    public var format: OutputFormat { .latex }
    /// The outer document (preamble, title block).
    public var shell: Shell

    public init(shell: Shell) {
        self.shell = shell
    }

    public func write(_ document: Document) throws -> RenderedDocument {
        try shell.wrap(renderBody(document), format: format)
    }

    /// The body and the shell values, without the shell.
    public func renderBody(_ document: Document) throws -> RenderedBody {
        var renderer = LaTeXRenderer(numbering: try Numbering(document))
        var values = ShellValues()
        values.body = renderer.blocks(document.blocks)
        let metadata = document.metadata
        values.setTitleBlock(metadata, numbering: renderer.numbering) { renderer.inlines($0) }
        values.needsTikz = renderer.needsTikz
        values.needsTables = renderer.needsTables
        values.needsBoxes = renderer.needsBoxes
        values.mathMacros = MathMacros.latexDefinitions
        var styles = [RolePalette.latexDefinitions, LaTeXDisplays.definitions]
        if let columns = LaTeXDisplays.matrixColumnSetting(values.body) { styles.append(columns) }
        if renderer.needsBoxes { styles.append(LaTeXBoxes.definitions) }
        values.styles = styles.joined(separator: "\n")
        return RenderedBody(shell: values)
    }
}

/// The tcolorbox environment of each box kind: `\begin{wbtheorem}[options]{title}`, numbered
/// by its own counter (a verification's outcome only changes its colour).
enum LaTeXBoxes {
    static func environment(_ kind: Division.Kind) -> String { "wb" + kind.rawValue.filter(\.isLetter) }

    static var definitions: String {
        var lines = [
            "\\tcbset{wbbox/.style={breakable, colback=white, colbacktitle=white, coltitle=black, fonttitle=\\bfseries,"
                + " boxrule=0.6pt, arc=2pt, left=6pt, right=6pt, top=4pt, bottom=4pt, before skip=10pt, after skip=10pt}}",
            "\\newcommand{\\wbboxtitle}[2]{#1~\\thetcbcounter\\if\\relax\\detokenize{#2}\\relax\\else: #2\\fi}",
        ]
        for kind in Division.Kind.allCases {
            let colour = RolePalette.latexBoxName(kind.rawValue)
            lines.append(
                "\\newtcolorbox[auto counter]{\(environment(kind))}[2][]{wbbox, colframe=\(colour),"
                    + " colback=\(colour)!4!white, colbacktitle=\(colour)!14!white,"
                    + " title={\\wbboxtitle{\(kind.displayName)}{#2}}, #1}")
        }
        return lines.joined(separator: "\n")
    }
}

/// One pass over the tree, recording which packages the body needs.
struct LaTeXRenderer {
    let numbering: Numbering
    private(set) var needsTikz = false
    private(set) var needsTables = false
    private(set) var needsBoxes = false
    /// Depth of nested `enumerate`s, for the counter a start number sets.
    private var enumerateDepth = 0

    init(numbering: Numbering) {
        self.numbering = numbering
    }

    private let escape = LaTeXText.text

    /// Blocks separated by blank lines, except that a display follows its lead-in paragraph
    /// without one: the display then belongs to the paragraph, and TeX never breaks the page
    /// just before it (`\\predisplaypenalty`), so "In matrix form:" is not left at a page foot.
    /// A table in the text is kept with its lead-in by forbidding a page break between them.
    mutating func blocks(_ blocks: [Block]) -> String {
        var out = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                out += Self.continuesParagraph(blocks[index - 1], block) ? "\n" : "\n\n"
                if Self.introducesTable(blocks[index - 1], block) { out += "\\nopagebreak\n" }
            }
            out += self.block(block)
        }
        return out
    }

    /// Whether `next` is a display that continues the paragraph `previous`.
    private static func continuesParagraph(_ previous: Block, _ next: Block) -> Bool {
        guard case .paragraph = previous else { return false }
        switch next {
        case .displayMath, .equationChain: return true
        default: return false
        }
    }

    /// Whether `next` is a table in the text (not a float) that `previous` leads into.
    private static func introducesTable(_ previous: Block, _ next: Block) -> Bool {
        guard case .paragraph = previous, case .table(let table) = next else { return false }
        return !table.isNumbered
    }

    /// A heading's inlines; math gets a plain-text alternative for the PDF outline.
    private mutating func headingInlines(_ content: [Inline]) -> String {
        content.map { inline -> String in
            guard case .math(let math) = inline else { return self.inlines([inline]) }
            let plain = TextEscaping.latex(MathReadableText.text(math.tex))
            return "\\texorpdfstring{\(self.inlines([inline]))}{\(plain)}"
        }.joined()
    }

    mutating func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let id, let content):
            let command: String
            switch level {
            case ...1: command = "section"
            case 2: command = "subsection"
            case 3: command = "subsubsection"
            default: command = "paragraph"
            }
            return "\\\(command){\(headingInlines(content))}" + label(id)
        case .paragraph(let content):
            return inlines(content)
        case .displayMath(let math, let id, let numbered):
            if Block.isNumberedDisplay(id: id, numbered: numbered) {
                return "\\begin{equation}\n\(LaTeXDisplays.fitted(math.tex, numbered: true))\(label(id))\n\\end{equation}"
            }
            return "\\[\n\(LaTeXDisplays.fitted(math.tex, numbered: false))\n\\]"
        case .equationChain(let chain):
            let environment = chain.id == nil ? "equation*" : "equation"
            let aligned = "\\begin{aligned}\n\(Self.alignedRows(chain))\n\\end{aligned}"
            return "\\begin{\(environment)}\n\(LaTeXDisplays.fitted(aligned, numbered: chain.id != nil))"
                + label(chain.id) + "\n\\end{\(environment)}"
        case .bulletList(let items):
            return "\\begin{itemize}\n" + items.map { "\\item " + self.blocks($0) }.joined(separator: "\n")
                + "\n\\end{itemize}"
        case .orderedList(let start, let items):
            enumerateDepth += 1
            defer { enumerateDepth -= 1 }
            let counter = "enum" + String(repeating: "i", count: min(enumerateDepth, 4))
            let setStart = start == 1 ? "" : "\\setcounter{\(counter)}{\(start - 1)}\n"
            return "\\begin{enumerate}\n" + setStart
                + items.map { "\\item " + self.blocks($0) }.joined(separator: "\n") + "\n\\end{enumerate}"
        case .table(let table):
            return self.table(table)
        case .division(let division):
            needsBoxes = true
            var options: [String] = []
            if let id = division.id { options.append("label={\(id)}") }
            let key = DivisionStyle.key(division)
            if key != division.kind.rawValue {
                let colour = RolePalette.latexBoxName(key)
                options.append("colframe=\(colour), colback=\(colour)!4!white, colbacktitle=\(colour)!14!white")
            }
            var title = inlines(division.title)
            if let outcome = division.outcomeText {
                let mark = division.passed == true ? "\\checkmark" : "\\times"
                title += (title.isEmpty ? "" : " ") + "\\hfill \(outcome)~$\(mark)$"
            }
            let environment = LaTeXBoxes.environment(division.kind)
            let optionText = options.isEmpty ? "" : "[" + options.joined(separator: ", ") + "]"
            return "\\begin{\(environment)}\(optionText){\(title)}\n\(blocks(division.blocks))\n\\end{\(environment)}"
        case .figure(let figure):
            needsTikz = true
            return "\\begin{figure}[htbp]\n\\centering\n"
                + "\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n"
                + figure.graphic.tikz() + "%\n}\n"
                + "\\caption{\(inlines(figure.caption))}\(label(figure.id))\n\\end{figure}"
        case .group(let parts):
            return blocks(parts)
        }
    }

    /// The rows of an aligned chain: `lhs &= a \\ &\approx b`, the last right side boxed if asked.
    static func alignedRows(_ chain: EquationChain) -> String {
        chain.steps.enumerated().map { index, step in
            let isLast = index == chain.steps.count - 1
            let rhs = isLast && chain.boxedResult ? "\\boxed{\(step.rhs.tex)}" : step.rhs.tex
            let lead = index == 0 ? chain.lhs.tex + " " : ""
            return lead + "&" + step.relation.tex + " " + rhs
        }.joined(separator: " \\\\\n")
    }

    private func label(_ id: String?) -> String {
        id.map { "\\label{\($0)}" } ?? ""
    }

    private mutating func table(_ table: Table) -> String {
        needsTables = true
        // A column with running text (a cell longer than `proseLength` characters) wraps in
        // the text width instead of pushing the table off the page.
        let prose = table.alignments.indices.map { column in
            ([table.header] + table.rows).contains { row in
                column < row.count && Self.textLength(row[column]) > Self.proseLength
            }
        }
        let columns = zip(table.alignments, prose).map { alignment, isProse -> String in
            if isProse { return ">{\\raggedright\\arraybackslash}X" }
            switch alignment {
            case .left, .none: return "l"
            case .center: return "c"
            case .right: return "r"
            }
        }.joined()
        let environment = prose.contains(true) ? "tabularx" : "tabular"
        let width = prose.contains(true) ? "{\\linewidth}" : ""
        var lines = ["\\begin{\(environment)}\(width){\(columns)}", "\\toprule"]
        lines.append(table.header.map { cell($0) }.joined(separator: " & ") + " \\\\")
        lines.append("\\midrule")
        for row in table.rows {
            lines.append(row.map { cell($0) }.joined(separator: " & ") + " \\\\")
        }
        lines.append("\\bottomrule")
        lines.append("\\end{\(environment)}")
        var tabular = lines.joined(separator: "\n")
        if environment == "tabular" {
            // Wide matrices in cells cannot wrap: shrink such a table to the text width.
            tabular = "\\begin{adjustbox}{max width=\\linewidth}\n\(tabular)\n\\end{adjustbox}"
        }
        guard table.isNumbered else {
            return "\\begin{center}\n\(tabular)\n\\end{center}"
        }
        return "\\begin{table}[htbp]\n\\centering\n\\caption{\(inlines(table.caption))}\(label(table.id))\n"
            + tabular + "\n\\end{table}"
    }

    /// Characters of plain text beyond which a table cell counts as running text.
    static let proseLength = 48

    /// The characters of running text in `inlines` (math and code do not wrap, so they do
    /// not count).
    static func textLength(_ inlines: [Inline]) -> Int {
        inlines.reduce(0) { total, inline in
            switch inline {
            case .text(let text): return total + text.count
            case .emphasis(let inner), .strong(let inner): return total + textLength(inner)
            case .link(let inner, _): return total + textLength(inner)
            case .code, .math, .reference, .lineBreak: return total
            }
        }
    }

    /// A table cell; one with line breaks becomes a nested one-column tabular.
    private mutating func cell(_ content: [Inline]) -> String {
        let text = inlines(content)
        guard content.contains(.lineBreak) else { return text }
        return "\\begin{tabular}[t]{@{}l@{}}\(text)\\end{tabular}"
    }

    mutating func inlines(_ inlines: [Inline]) -> String {
        inlines.map { inline($0) }.joined()
    }

    private mutating func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text):
            return escape(text)
        case .emphasis(let inner):
            return "\\emph{\(inlines(inner))}"
        case .strong(let inner):
            return "\\textbf{\(inlines(inner))}"
        case .code(let code):
            return "\\texttt{\(LaTeXText.code(code))}"
        case .link(let text, let url):
            guard let safe = LinkTarget.safe(url) else { return inlines(text) }
            // Characters LaTeX reads specially even in `\href`'s URL are backslash-escaped.
            let target = safe.unicodeScalars.map { "%#&$_".unicodeScalars.contains($0) ? "\\\($0)" : "\($0)" }.joined()
            return "\\href{\(target)}{\(inlines(text))}"
        case .reference(let id):
            let isEquation = (try? numbering.target(id).kind) == .equation
            return isEquation ? "\\eqref{\(id)}" : "\\ref{\(id)}"
        case .math(let math):
            return "\\(\(math.tex)\\)"
        case .lineBreak:
            return "\\\\\n"
        }
    }
}
