/// Writes a `Document` as one self-contained HTML5 page: inline CSS, inline SVG figures, and
/// math either as MathML Core (the default: no script, nothing loaded) or as TeX typeset in
/// the browser by KaTeX with the role macros in its `macros` option.
public struct HTMLWriter: DocumentWriter {
    /// KaTeX 0.16.4 on a public CDN; the page loads `katex.min.css`, `katex.min.js` and
    /// `contrib/auto-render.min.js` from here.
    public static let defaultKaTeXBaseURL = "https://cdn.jsdelivr.net/npm/katex@0.16.4/dist"

    public var format: OutputFormat { .html }
    public var shell: Shell
    /// Where KaTeX is loaded from, without a trailing slash (KaTeX mode only).
    public var katexBaseURL: String
    /// How formulas are typeset.
    public var math: HTMLMathMode

    public init(shell: Shell, katexBaseURL: String = HTMLWriter.defaultKaTeXBaseURL, math: HTMLMathMode = .mathml) {
        self.shell = shell
        self.katexBaseURL = katexBaseURL
        self.math = math
    }

    public func write(_ document: Document) throws -> RenderedDocument {
        try shell.wrap(renderBody(document), format: format)
    }

    /// The body and the shell values, without the shell.
    public func renderBody(_ document: Document) throws -> RenderedBody {
        var renderer = HTMLRenderer(numbering: try Numbering(document), math: math)
        var values = ShellValues()
        values.body = try renderer.blocks(document.blocks)
        let metadata = document.metadata
        try values.setTitleBlock(metadata, numbering: renderer.numbering) { try renderer.inlines($0) }
        values.usesKaTeX = math == .katex
        values.needsTikz = false
        values.needsTables = renderer.needsTables
        values.needsBoxes = renderer.needsBoxes
        values.mathMacros = MathMacros.katexClassMacros
        values.styles = HTMLPalette.css
        var base = katexBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        values.katexBaseURL = base
        values.katexLinks = KaTeXSource.links(base: base)
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
    let math: HTMLMathMode

    init(numbering: Numbering, math: HTMLMathMode) {
        self.numbering = numbering
        self.math = math
    }

    mutating func blocks(_ blocks: [Block]) throws -> String {
        try blocks.map { try block($0) }.joined(separator: "\n")
    }

    mutating func block(_ block: Block) throws -> String {
        switch block {
        case .heading(let level, let id, let content):
            // The title is the page's h1; sections start at h2.
            let tag = "h\(min(max(level, 1) + 1, 6))"
            let number = counters.heading(level: level).map { "<span class=\"secnum\">\($0)</span> " } ?? ""
            return "<\(tag)\(idAttribute(id))>\(number)\(try inlines(content))</\(tag)>"
        case .paragraph(let content):
            return "<p>\(try inlines(content))</p>"
        case .displayMath(let math, let id, let numbered):
            let number = Block.isNumberedDisplay(id: id, numbered: numbered) ? counters.equation() : nil
            return try display(math, id: id, number: number)
        case .equationChain(let chain):
            let number = chain.id == nil ? nil : counters.equation()
            let tex = "\\begin{aligned}\n\(LaTeXRenderer.alignedRows(chain))\n\\end{aligned}"
            return try display(Math(tex, location: chain.lhs.location), id: chain.id, number: number)
        case .bulletList(let items):
            return try "<ul>\n" + items.map { try listItem($0) }.joined(separator: "\n") + "\n</ul>"
        case .orderedList(let start, let items):
            let startAttribute = start == 1 ? "" : " start=\"\(start)\""
            return try "<ol\(startAttribute)>\n" + items.map { try listItem($0) }.joined(separator: "\n") + "\n</ol>"
        case .table(let table):
            return try self.table(table)
        case .division(let division):
            needsBoxes = true
            let number = counters.division(division.kind)
            let classes = "box box-\(DivisionStyle.key(division))"
            var title = "<span class=\"box-label\">\(division.kind.displayName) \(number)</span>"
            if !division.title.isEmpty { title += try ": " + inlines(division.title) }
            if let outcome = division.outcomeText {
                let mark = division.passed == true ? "✓" : "✗"
                title += " <span class=\"outcome\">\(mark) \(outcome)</span>"
            }
            return "<div class=\"\(classes)\"\(idAttribute(division.id))>\n<div class=\"box-title\">\(title)</div>\n"
                + "<div class=\"box-body\">\n\(try blocks(division.blocks))\n</div>\n</div>"
        case .figure(let figure):
            let number = counters.figure()
            let caption = try "<span class=\"caption-label\">Figure \(number):</span> " + inlines(figure.caption)
            let plainCaption = "Figure \(number): " + Inline.plainText(figure.caption, numbering: numbering)
            let svg = figure.graphic.svg(title: plainCaption, standalone: false)
            return "<figure class=\"diagram\"\(idAttribute(figure.id))>\n<div class=\"diagram-scroll\">\n\(svg)\n</div>\n"
                + "<figcaption>\(caption)</figcaption>\n</figure>"
        case .group(let parts):
            return try blocks(parts)
        }
    }

    /// A list item: a lone paragraph is written without `<p>` so the list stays tight.
    private mutating func listItem(_ blocks: [Block]) throws -> String {
        if blocks.count == 1, case .paragraph(let content) = blocks[0] {
            return "<li>\(try inlines(content))</li>"
        }
        return "<li>\n\(try self.blocks(blocks))\n</li>"
    }

    private mutating func table(_ table: Table) throws -> String {
        needsTables = true
        // The caption stays outside the scrolling box, so it wraps at the page width and stays
        // visible while a wide table scrolls.
        var lines: [String] = []
        if table.isNumbered {
            let number = counters.table()
            lines.append("<figure class=\"table\"\(idAttribute(table.id))>")
            lines.append("<figcaption><span class=\"caption-label\">Table \(number):</span> \(try inlines(table.caption))</figcaption>")
            lines.append("<div class=\"table-scroll\">")
        } else {
            lines.append("<div class=\"table-scroll\"\(idAttribute(table.id))>")
        }
        lines.append("<table>")
        lines.append("<thead>")
        lines.append(try "<tr>" + row(table.header, tag: "th", alignments: table.alignments) + "</tr>")
        lines.append("</thead>")
        lines.append("<tbody>")
        for cells in table.rows {
            lines.append(try "<tr>" + row(cells, tag: "td", alignments: table.alignments) + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        lines.append("</div>")
        if table.isNumbered { lines.append("</figure>") }
        return lines.joined(separator: "\n")
    }

    private mutating func row(_ cells: [[Inline]], tag: String, alignments: [Table.Alignment]) throws -> String {
        try cells.enumerated().map { index, cell in
            let alignment = index < alignments.count ? alignments[index] : .none
            let className: String
            switch alignment {
            case .left: className = " class=\"left\""
            case .center: className = " class=\"center\""
            case .right: className = " class=\"right\""
            case .none: className = ""
            }
            return "<\(tag)\(className)>\(try inlines(cell))</\(tag)>"
        }.joined()
    }

    private func idAttribute(_ id: String?) -> String {
        id.map { " id=\"\(escape($0))\"" } ?? ""
    }

    /// A displayed formula with its equation number beside it, outside the formula, so the
    /// number never overlaps it: on a narrow screen the formula scrolls in its own box.
    private func display(_ math: Math, id: String?, number: String?) throws -> String {
        let formula: String
        switch self.math {
        case .mathml: formula = try mathML(math, display: true)
        case .katex: formula = "\\[\(mathText(math.tex))\\]"
        }
        let numberSpan = number.map { "<span class=\"eqno\">(\($0))</span>" } ?? ""
        let classes = number == nil ? "math display" : "math display numbered"
        return "<div class=\"\(classes)\"\(idAttribute(id))><div class=\"display-body\">\(formula)</div>\(numberSpan)</div>"
    }

    /// The MathML of a formula; TeX outside the translator's subset is an error at the
    /// formula's place in its template, or naming the formula when code built it.
    private func mathML(_ math: Math, display: Bool) throws -> String {
        do {
            return try MathMLTranslator().translate(math.tex, display: display)
        } catch {
            let message = "cannot write this formula as MathML: \(error): \(math.tex)"
            if let location = math.location { throw SourceError(message, at: location) }
            throw WriterError.untranslatableMath(tex: math.tex, reason: error.description)
        }
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

    mutating func inlines(_ inlines: [Inline]) throws -> String {
        try inlines.map { try inline($0) }.joined()
    }

    private mutating func inline(_ inline: Inline) throws -> String {
        switch inline {
        case .text(let text):
            return escape(text)
        case .emphasis(let inner):
            return "<em>\(try inlines(inner))</em>"
        case .strong(let inner):
            return "<strong>\(try inlines(inner))</strong>"
        case .code(let code):
            return "<code>\(escape(code))</code>"
        case .link(let text, let url):
            guard let safe = LinkTarget.safe(url) else { return try inlines(text) }
            return "<a href=\"\(escape(safe))\">\(try inlines(text))</a>"
        case .reference(let id):
            return "<a class=\"ref\" href=\"#\(escape(id))\">\(referenceText(id))</a>"
        case .math(let math):
            switch self.math {
            case .mathml: return try mathML(math, display: false)
            case .katex: return "<span class=\"math inline\">\\(\(mathText(math.tex))\\)</span>"
            }
        case .lineBreak:
            return "<br>"
        }
    }

    private func referenceText(_ id: String) -> String {
        (try? numbering.target(id).referenceText) ?? escape(id)
    }
}
