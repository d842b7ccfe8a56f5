/// Writes a `Document` as Markdown that GitHub, Jupyter and Pandoc (`markdown`, or
/// `gfm+tex_math_dollars`) all show the same way: `$…$` and `$$…$$` math with the role macros
/// expanded, pipe tables, boxes as blockquotes headed by a bold label (GitHub's `[!NOTE]`
/// alerts would show literally elsewhere), figures as SVG files beside the document, each an
/// image with plain-text alt text and its caption in the same paragraph. Text is escaped only
/// where it stands could change its meaning (`MarkdownTextEscaping`), so the source reads as
/// a person would write it.
public struct MarkdownWriter: DocumentWriter {
    public var format: OutputFormat { .markdown }
    public var shell: Shell
    /// The file name stem of attachments: figure N is written as `<stem>-figure-N.svg`.
    public var attachmentStem: String

    public init(shell: Shell, attachmentStem: String = "document") {
        self.shell = shell
        self.attachmentStem = attachmentStem
    }

    public func write(_ document: Document) throws -> RenderedDocument {
        try shell.wrap(renderBody(document), format: format)
    }

    /// The body, the shell values and the figure files, without the shell.
    public func renderBody(_ document: Document) throws -> RenderedBody {
        var renderer = MarkdownRenderer(numbering: try Numbering(document), attachmentStem: attachmentStem)
        var values = ShellValues()
        values.body = renderer.blocks(document.blocks)
        let metadata = document.metadata
        // The shell puts title-block fields inside its own markup (`**…**`, `*…*`).
        values.setTitleBlock(metadata, numbering: renderer.numbering) { renderer.inlines($0, edges: .markup) }
        values.needsTables = renderer.needsTables
        values.needsBoxes = renderer.needsBoxes
        return RenderedBody(shell: values, attachments: renderer.attachments)
    }
}

/// One pass over the tree for Markdown. Blocks are separated by blank lines; containers
/// (list items, blockquotes) prefix every line of their content.
struct MarkdownRenderer {
    let numbering: Numbering
    let attachmentStem: String
    private var counters = NumberingCounters()
    private(set) var needsTables = false
    private(set) var needsBoxes = false
    private(set) var attachments: [RenderedDocument.Attachment] = []
    /// Inside a pipe-table cell, where `|` and line breaks need other spellings.
    private var inTableCell = false

    init(numbering: Numbering, attachmentStem: String) {
        self.numbering = numbering
        self.attachmentStem = attachmentStem
    }

    mutating func blocks(_ blocks: [Block]) -> String {
        blocks.map { block($0) }.joined(separator: "\n\n")
    }

    mutating func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let id, let content):
            // The title is the page's `#`; sections start at `##`.
            let marks = String(repeating: "#", count: min(max(level, 1) + 1, 6))
            let number = counters.heading(level: level).map { $0 + " " } ?? ""
            return line([.markup("\(marks) \(anchor(id))\(number)")] + pieces(content))
        case .paragraph(let content):
            return inlines(content)
        case .displayMath(let math, let id, let numbered):
            let tag = Block.isNumberedDisplay(id: id, numbered: numbered) ? " \\tag{\(counters.equation())}" : ""
            return anchorLine(id) + displayMath(math.tex + tag)
        case .equationChain(let chain):
            let tag = chain.id == nil ? "" : " \\tag{\(counters.equation())}"
            let rows = LaTeXRenderer.alignedRows(chain).split(separator: "\n").joined(separator: " ")
            return anchorLine(chain.id) + displayMath("\\begin{aligned} \(rows) \\end{aligned}\(tag)")
        case .bulletList(let items):
            return items.map { listItem($0, marker: "- ") }.joined(separator: "\n")
        case .orderedList(let start, let items):
            return items.enumerated().map { index, item in
                listItem(item, marker: "\(start + index). ")
            }.joined(separator: "\n")
        case .table(let table):
            return self.table(table)
        case .division(let division):
            return self.division(division)
        case .figure(let figure):
            let number = counters.figure()
            let name = "\(attachmentStem)-figure-\(number).svg"
            let readableCaption = Inline.readableText(figure.caption, numbering: numbering)
            attachments.append(RenderedDocument.Attachment(
                name: name,
                contents: figure.graphic.svg(title: "Figure \(number): " + readableCaption, standalone: true) + "\n"))
            // Image and caption in one paragraph, so Pandoc does not make the image a figure
            // of its own with the alt text as a second caption.
            return line(
                [.markup("\(anchor(figure.id))![")] + [.text(readableCaption)]
                    + [.markup("](\(LinkTarget.safe(name) ?? name))\\\n**Figure \(number):** ")]
                    + pieces(figure.caption))
        case .group(let parts):
            return blocks(parts)
        }
    }

    /// `$$…$$` on one line: nothing inside can then be read as Markdown block structure.
    private func displayMath(_ tex: String) -> String {
        "$$" + MathMacros.expand(Self.oneLine(tex)) + "$$"
    }

    private static func oneLine(_ tex: String) -> String {
        tex.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
            .trimmingSpaces
    }

    /// An HTML anchor that references link to (headings' own ids differ between renderers).
    private func anchor(_ id: String?) -> String {
        id.map { "<a id=\"\(TextEscaping.html($0))\"></a>" } ?? ""
    }

    private func anchorLine(_ id: String?) -> String {
        id == nil ? "" : anchor(id) + "\n"
    }

    /// A list item: the marker on the first line, the rest indented to the content column.
    private mutating func listItem(_ blocks: [Block], marker: String) -> String {
        let content = self.blocks(blocks)
        let indent = String(repeating: " ", count: marker.count)
        return Self.prefixLines(content, first: marker, rest: indent)
    }

    private mutating func division(_ division: Division) -> String {
        needsBoxes = true
        let number = counters.division(division.kind)
        var title: [MarkdownPiece] = [.markup("\(anchor(division.id))**"), .text("\(division.kind.displayName) \(number)")]
        if !division.title.isEmpty { title += [.text(": ")] + pieces(division.title) }
        title.append(.markup("**"))
        if let outcome = division.outcomeText {
            title.append(.text(division.passed == true ? " ✓ \(outcome)" : " ✗ \(outcome)"))
        }
        let parts = [line(title), blocks(division.blocks)]
        let quoted = Self.prefixLines(parts.joined(separator: "\n\n"), first: "> ", rest: "> ")
        // A line that is only `> ` is written `>`, with no trailing space.
        return quoted.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "> " ? ">" : String($0) }.joined(separator: "\n")
    }

    private mutating func table(_ table: Table) -> String {
        needsTables = true
        var lines: [String] = []
        if table.isNumbered {
            let number = counters.table()
            lines.append(line([.markup("\(anchor(table.id))**Table \(number):** ")] + pieces(table.caption)))
            lines.append("")
        }
        inTableCell = true
        defer { inTableCell = false }
        lines.append(row(table.header))
        lines.append("|" + table.header.indices.map { index in
            let alignment = index < table.alignments.count ? table.alignments[index] : .none
            switch alignment {
            case .left: return ":---"
            case .center: return ":---:"
            case .right: return "---:"
            case .none: return "---"
            }
        }.joined(separator: "|") + "|")
        for cells in table.rows {
            lines.append(row(cells))
        }
        return lines.joined(separator: "\n")
    }

    /// `| a | b |`, escaped as one line.
    private mutating func row(_ cells: [[Inline]]) -> String {
        var out: [MarkdownPiece] = []
        for (index, cell) in cells.enumerated() {
            out.append(.markup(index == 0 ? "| " : " | "))
            out += pieces(cell)
        }
        out.append(.markup(" |"))
        return line(out)
    }

    /// Inlines alone on their line(s), or inside markup the caller adds, their text escaped
    /// where it stands.
    mutating func inlines(_ inlines: [Inline], edges: MarkdownTextEscaping.Edges = .lines) -> String {
        MarkdownTextEscaping.render(pieces(inlines), edges: edges)
    }

    /// One or more whole lines of pieces as Markdown.
    private func line(_ pieces: [MarkdownPiece]) -> String {
        MarkdownTextEscaping.render(pieces)
    }

    private mutating func pieces(_ inlines: [Inline]) -> [MarkdownPiece] {
        inlines.flatMap { pieces($0) }
    }

    private mutating func pieces(_ inline: Inline) -> [MarkdownPiece] {
        switch inline {
        case .text(let text):
            return [.text(text)]
        case .emphasis(let inner):
            return [.markup("*")] + pieces(inner) + [.markup("*")]
        case .strong(let inner):
            return [.markup("**")] + pieces(inner) + [.markup("**")]
        case .code(let code):
            return [.markup(Self.codeSpan(inTableCell ? code.replacingScalar("|", with: "\\|") : code))]
        case .link(let text, let url):
            guard let safe = LinkTarget.safe(url) else { return pieces(text) }
            return [.markup("[")] + pieces(text) + [.markup("](\(safe))")]
        case .reference(let id):
            let text = (try? numbering.target(id).referenceText) ?? id
            return [.markup("["), .text(text), .markup("](#\(id))")]
        case .math(let math):
            var tex = MathMacros.expand(Self.oneLine(math.tex))
            if inTableCell { tex = tex.replacingScalar("|", with: "\\vert ") }
            return [.markup("$\(tex)$")]
        case .lineBreak:
            return [.markup(inTableCell ? "<br>" : "\\\n")]
        }
    }

    /// A code span whose fence is longer than any backtick run inside it.
    private static func codeSpan(_ code: String) -> String {
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
        return fence + padding + code + padding + fence
    }

    /// `text` with `first` before its first line and `rest` before every other non-empty line.
    static func prefixLines(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            if index == 0 { return first + line }
            if line.isEmpty { return rest.trimmingSpaces.isEmpty ? "" : rest }
            return rest + line
        }.joined(separator: "\n")
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    /// Every occurrence of one character replaced by a string.
    func replacingScalar(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
