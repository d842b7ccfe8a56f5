/// Writes a `Document` as one self-contained HTML5 page: inline CSS, inline SVG figures, math
/// typeset in the browser by KaTeX with the role macros in its `macros` option.
public struct HTMLWriter: DocumentWriter {
    /// KaTeX 0.16.4 on a public CDN; the page loads `katex.min.css`, `katex.min.js` and
    /// `contrib/auto-render.min.js` from here.
    public static let defaultKaTeXBaseURL = "https://cdn.jsdelivr.net/npm/katex@0.16.4/dist"

    public var format: OutputFormat { .html }
    public var shell: Shell
    /// Where KaTeX is loaded from, without a trailing slash.
    public var katexBaseURL: String

    public init(shell: Shell, katexBaseURL: String = HTMLWriter.defaultKaTeXBaseURL) {
        self.shell = shell
        self.katexBaseURL = katexBaseURL
    }

    public func write(_ document: Document) throws -> RenderedDocument {
        try shell.wrap(renderBody(document), format: format)
    }

    /// The body and the shell values, without the shell.
    public func renderBody(_ document: Document) throws -> RenderedBody {
        var renderer = HTMLRenderer(numbering: try Numbering(document))
        var values = ShellValues()
        values.body = renderer.blocks(document.blocks)
        let metadata = document.metadata
        values.setTitleBlock(metadata, numbering: renderer.numbering) { renderer.inlines($0) }
        values.needsTikz = false
        values.needsTables = renderer.needsTables
        values.needsBoxes = renderer.needsBoxes
        values.mathMacros = MathMacros.katexMacros
        values.styles = RolePalette.cssDefinitions
        var base = katexBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        values.katexBaseURL = base
        return RenderedBody(shell: values)
    }
}

/// One pass over the tree for HTML, numbering headings, equations, tables, figures and boxes
/// with the same counters as the numbering pass.
struct HTMLRenderer {
    let numbering: Numbering
    private var counters = NumberingCounters()
    private(set) var needsTables = false
    private(set) var needsBoxes = false
    private let escape = TextEscaping.html

    init(numbering: Numbering) {
        self.numbering = numbering
    }

    mutating func blocks(_ blocks: [Block]) -> String {
        blocks.map { block($0) }.joined(separator: "\n")
    }

    mutating func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let id, let content):
            // The title is the page's h1; sections start at h2.
            let tag = "h\(min(max(level, 1) + 1, 6))"
            let number = counters.heading(level: level).map { "<span class=\"secnum\">\($0)</span> " } ?? ""
            return "<\(tag)\(idAttribute(id))>\(number)\(inlines(content))</\(tag)>"
        case .paragraph(let content):
            return "<p>\(inlines(content))</p>"
        case .displayMath(let math, let id, let numbered):
            let tag = Block.isNumberedDisplay(id: id, numbered: numbered) ? "\\tag{\(counters.equation())}" : ""
            return "<div class=\"math display\"\(idAttribute(id))>\\[\(mathText(math.tex))\(tag)\\]</div>"
        case .equationChain(let chain):
            let tag = chain.id == nil ? "" : "\\tag{\(counters.equation())}"
            let tex = "\\begin{aligned}\n\(LaTeXRenderer.alignedRows(chain))\n\\end{aligned}"
            return "<div class=\"math display\"\(idAttribute(chain.id))>\\[\(mathText(tex))\(tag)\\]</div>"
        case .bulletList(let items):
            return "<ul>\n" + items.map { listItem($0) }.joined(separator: "\n") + "\n</ul>"
        case .orderedList(let start, let items):
            let startAttribute = start == 1 ? "" : " start=\"\(start)\""
            return "<ol\(startAttribute)>\n" + items.map { listItem($0) }.joined(separator: "\n") + "\n</ol>"
        case .table(let table):
            return self.table(table)
        case .division(let division):
            needsBoxes = true
            let number = counters.division(division.kind)
            let classes = "box box-\(DivisionStyle.key(division))"
            var title = "<span class=\"box-label\">\(division.kind.displayName) \(number)</span>"
            if !division.title.isEmpty { title += ": " + inlines(division.title) }
            if let outcome = division.outcomeText {
                let mark = division.passed == true ? "✓" : "✗"
                title += " <span class=\"outcome\">\(mark) \(outcome)</span>"
            }
            return "<div class=\"\(classes)\"\(idAttribute(division.id))>\n<div class=\"box-title\">\(title)</div>\n"
                + "<div class=\"box-body\">\n\(blocks(division.blocks))\n</div>\n</div>"
        case .figure(let figure):
            let number = counters.figure()
            let caption = "<span class=\"caption-label\">Figure \(number):</span> " + inlines(figure.caption)
            let plainCaption = "Figure \(number): " + Inline.plainText(figure.caption, numbering: numbering)
            let svg = SVGDiagram(diagram: figure.diagram, title: plainCaption, standalone: false).render()
            return "<figure class=\"diagram\"\(idAttribute(figure.id))>\n<div class=\"diagram-scroll\">\n\(svg)\n</div>\n"
                + "<figcaption>\(caption)</figcaption>\n</figure>"
        }
    }

    /// A list item: a lone paragraph is written without `<p>` so the list stays tight.
    private mutating func listItem(_ blocks: [Block]) -> String {
        if blocks.count == 1, case .paragraph(let content) = blocks[0] {
            return "<li>\(inlines(content))</li>"
        }
        return "<li>\n\(self.blocks(blocks))\n</li>"
    }

    private mutating func table(_ table: Table) -> String {
        needsTables = true
        var lines = ["<div class=\"table-scroll\"\(idAttribute(table.id))>", "<table>"]
        if table.isNumbered {
            let number = counters.table()
            lines.append("<caption><span class=\"caption-label\">Table \(number):</span> \(inlines(table.caption))</caption>")
        }
        lines.append("<thead>")
        lines.append("<tr>" + row(table.header, tag: "th", alignments: table.alignments) + "</tr>")
        lines.append("</thead>")
        lines.append("<tbody>")
        for cells in table.rows {
            lines.append("<tr>" + row(cells, tag: "td", alignments: table.alignments) + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        lines.append("</div>")
        return lines.joined(separator: "\n")
    }

    private mutating func row(_ cells: [[Inline]], tag: String, alignments: [Table.Alignment]) -> String {
        cells.enumerated().map { index, cell in
            let alignment = index < alignments.count ? alignments[index] : .none
            let className: String
            switch alignment {
            case .left: className = " class=\"left\""
            case .center: className = " class=\"center\""
            case .right: className = " class=\"right\""
            case .none: className = ""
            }
            return "<\(tag)\(className)>\(inlines(cell))</\(tag)>"
        }.joined()
    }

    private func idAttribute(_ id: String?) -> String {
        id.map { " id=\"\(escape($0))\"" } ?? ""
    }

    /// Math source inside `\(…\)`: only `& < >` become entities; KaTeX reads the decoded text.
    private func mathText(_ tex: String) -> String {
        var out = ""
        for scalar in tex.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func inlines(_ inlines: [Inline]) -> String {
        inlines.map { inline($0) }.joined()
    }

    private mutating func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text):
            return escape(text)
        case .emphasis(let inner):
            return "<em>\(inlines(inner))</em>"
        case .strong(let inner):
            return "<strong>\(inlines(inner))</strong>"
        case .code(let code):
            return "<code>\(escape(code))</code>"
        case .link(let text, let url):
            guard let safe = LinkTarget.safe(url) else { return inlines(text) }
            return "<a href=\"\(escape(safe))\">\(inlines(text))</a>"
        case .reference(let id):
            return "<a class=\"ref\" href=\"#\(escape(id))\">\(referenceText(id))</a>"
        case .math(let math):
            return "<span class=\"math inline\">\\(\(mathText(math.tex))\\)</span>"
        case .lineBreak:
            return "<br>"
        }
    }

    private func referenceText(_ id: String) -> String {
        (try? numbering.target(id).referenceText) ?? escape(id)
    }
}
