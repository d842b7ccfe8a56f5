import Backprop
import Documents
import Foundation
import Handouts
import Testing

/// Issue 7, injection: user text in the title block (title, subtitle, author, course, date) is
/// printed literally in every format. It never runs a TeX command, never becomes an HTML tag,
/// attribute or script, and never becomes Markdown structure. Each hostile string goes into all
/// five fields at once; each format's title block is then read back to the reader's text.
@Suite struct InjectionTests {
    /// The five title-block fields as a reader sees them, in shell order.
    struct TitleBlock: Equatable, CustomStringConvertible {
        var title: String?
        var subtitle: String?
        var author: String?
        var course: String?
        var date: String?
        var fields: [String?] { [title, subtitle, author, course, date] }
        var description: String { fields.map { $0.map { "«\($0)»" } ?? "nil" }.joined(separator: ", ") }
    }

    static func spec(_ text: String?) -> Spec {
        var spec = HandoutFixtures.seed000
        spec.title = text
        spec.subtitle = text
        spec.author = text
        spec.course = text
        spec.date = text
        return spec
    }

    /// The handout with every field set to a plain marker, and with every field absent.
    static let marked = Dictionary(uniqueKeysWithValues: OutputFormat.allCases.map { ($0, try! HandoutFixtures.handout(spec("MARKER"), $0)) })
    static let defaults = Dictionary(uniqueKeysWithValues: OutputFormat.allCases.map { ($0, try! HandoutFixtures.handout(spec(nil), $0)) })

    /// What every field must read as: the literal text in all five.
    static func expectedBlock(_ literal: String) -> TitleBlock {
        TitleBlock(title: literal, subtitle: literal, author: literal, course: literal, date: literal)
    }

    /// Text that is only whitespace counts as absent: the handout is the one without the fields.
    static func isAbsent(_ literal: String, _ document: String, _ format: OutputFormat) -> Bool {
        guard literal.isEmpty else { return false }
        #expect(document == Self.defaults[format]!)
        return true
    }

    /// The part of a document after its title block: the marker document's, which must be
    /// the same text for any user text.
    static func body(_ format: OutputFormat, after end: String) -> Substring {
        let marked = Self.marked[format]!
        let last = marked.range(of: "MARKER", options: .backwards)!
        let close = marked.range(of: end, range: last.upperBound..<marked.endIndex)!
        return marked[close.upperBound...]
    }

    // MARK: - HTML

    static let benignHTML = try! HandoutFixtures.handout(HandoutFixtures.seed000, .html)

    @Test(arguments: InjectionCase.all)
    func htmlPrintsUserTextLiterally(_ hostile: InjectionCase) throws {
        let html = try HandoutFixtures.handout(Self.spec(hostile.text), .html)
        let benign = Self.marked[.html]!
        if Self.isAbsent(hostile.expected, html, .html) { return }
        let block = try HTMLTitleBlock.read(html)
        let expected = Self.expectedBlock(hostile.expected)
        #expect(block.block == expected)
        // The page's <title> is the plain title.
        #expect(block.pageTitle == expected.title)
        // No element or attribute beyond the ones the page has anyway.
        #expect(HTMLTags.count("<script", in: html) == HTMLTags.count("<script", in: benign))
        #expect(HTMLTags.names(in: html).isSubset(of: HTMLTags.names(in: benign)))
        #expect(HTMLTags.attributes(in: html).isSubset(of: HTMLTags.attributes(in: benign)))
        #expect(!HTMLTags.attributes(in: html).contains { $0.hasPrefix("on") })
        let bodyUnchanged = html.hasSuffix(Self.body(.html, after: "</header>"))
        #expect(bodyUnchanged)
    }

    // MARK: - Markdown

    @Test(arguments: InjectionCase.all)
    func markdownPrintsUserTextLiterally(_ hostile: InjectionCase) throws {
        let markdown = try HandoutFixtures.handout(Self.spec(hostile.text), .markdown)
        if Self.isAbsent(hostile.expected, markdown, .markdown) { return }
        // The body follows the title block unchanged, so the title block is what precedes it.
        let body = Self.body(.markdown, after: "\n\n")
        try #require(markdown.hasSuffix(body), "the body after the title block changed")
        let head = String(markdown.dropLast(body.count))
        #expect(try MarkdownTitleBlock.read(head) == Self.expectedBlock(hostile.expected))
    }

    // MARK: - LaTeX

    @Test(arguments: InjectionCase.all)
    func latexPrintsUserTextLiterally(_ hostile: InjectionCase) throws {
        let latex = try HandoutFixtures.handout(Self.spec(hostile.text), .latex)
        if Self.isAbsent(hostile.expected, latex, .latex) { return }
        let block = try LaTeXTitleBlock.read(latex)
        // Invisible format characters (bidi controls, zero-width joiners) are left out.
        let literal = String(String.UnicodeScalarView(hostile.expected.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        let expected = Self.expectedBlock(literal)
        #expect(block.block == expected)
        #expect(block.pdfTitle == expected.title)
        // Every field's source has no TeX ligature that would print other characters.
        for source in block.sources {
            for ligature in LaTeXTitleBlock.ligatures {
                #expect(!source.contains(ligature), "«\(source)» contains the ligature \(ligature)")
            }
        }
        // None of the dangerous primitives appears as a command anywhere in the file (the shell
        // and the body use none of them).
        let commands = LaTeXTitleBlock.commandNames(in: latex)
        for command in ["input", "write", "write18", "immediate", "catcode", "def", "gdef", "csname", "openin", "read", "makeatletter", "iffalse"] {
            #expect(!commands.contains(command), "the LaTeX runs \\\(command)")
        }
        let hexEscape = latex.contains("^^")
        #expect(!hexEscape, "the LaTeX contains a ^^ hex escape")
        let bodyUnchanged = latex.hasSuffix(Self.body(.latex, after: "\\end{center}"))
        #expect(bodyUnchanged)
    }

    // MARK: - The spec reader and the whole string list

    @Test func specReaderRefusesLineBreaksInUserText() {
        for field in ["title", "subtitle", "author", "course", "date"] {
            let json = #"{"\#(field)": "one\ntwo", "network": {"layers": [1, 1], "activation": "linear", "#
                + #""weights": [[[1]]], "biases": [[0]]}, "sample": {"input": [1], "target": [1]}}"#
            #expect(throws: SpecError.self) { try SpecReader().read(json) }
        }
    }

    @Test func everyHostileStringIsAcceptedByTheSpecReader() throws {
        // So the table tests what a real spec can hold (the line-break case aside).
        for hostile in InjectionCase.all where !hostile.text.contains(where: \.isNewline) && !hostile.text.contains("\t") {
            #expect(hostile.text.count <= SpecLimits.maximumTextLength, "\(hostile.name) is longer than a spec allows")
        }
    }
}

// MARK: - Reading the title blocks back

/// HTML: the text of the title block's elements with entities decoded; the raw content must be
/// text only (no `<`, `>` or `"`).
enum HTMLTitleBlock {
    struct Read {
        var block: InjectionTests.TitleBlock
        var pageTitle: String?
    }

    static func read(_ html: String) throws -> Read {
        var block = InjectionTests.TitleBlock()
        guard let header = HTMLTags.between(html, "<header class=\"title-block\">\n", "\n</header>") else {
            return Read(block: block, pageTitle: try text(HTMLTags.between(html, "<title>", "</title>")))
        }
        block.title = try text(HTMLTags.between(header, "<h1>", "</h1>"))
        block.subtitle = try text(HTMLTags.between(header, "<p class=\"subtitle\">", "</p>"))
        block.author = try text(HTMLTags.between(header, "<p class=\"author\">", "</p>"))
        let meta = header.components(separatedBy: "<p class=\"meta\">").dropFirst()
            .compactMap { HTMLTags.between("<p>" + $0, "<p>", "</p>") }
        let metaTexts = Array(meta)
        if metaTexts.count > 0 { block.course = try text(metaTexts[0]) }
        if metaTexts.count > 1 { block.date = try text(metaTexts[1]) }
        return Read(block: block, pageTitle: try text(HTMLTags.between(html, "<title>", "</title>")))
    }

    struct MarkupInText: Error, CustomStringConvertible {
        let raw: String
        var description: String { "markup in a text node: \(raw)" }
    }

    static func text(_ raw: String?) throws -> String? {
        guard let raw else { return nil }
        if raw.contains(where: { "<>\"".contains($0) }) { throw MarkupInText(raw: raw) }
        return HTMLTags.decodeEntities(raw)
    }
}

enum HTMLTags {
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.lowercased().components(separatedBy: needle).count - 1
    }

    /// Every start tag: its name and the text up to `>`.
    static func tags(in html: String) -> [(name: String, inside: Substring)] {
        var out: [(String, Substring)] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            guard !name.isEmpty, let close = after.firstIndex(of: ">") else {
                rest = after
                continue
            }
            out.append((name.lowercased(), after[name.endIndex..<close]))
            rest = after[close...]
        }
        return out
    }

    static func names(in html: String) -> Set<String> { Set(tags(in: html).map(\.name)) }

    /// Attribute names of every start tag (values skipped).
    static func attributes(in html: String) -> Set<String> {
        var names = Set<String>()
        for (_, inside) in tags(in: html) {
            var rest = inside
            while let start = rest.firstIndex(where: { $0.isLetter }) {
                let name = rest[start...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }
                names.insert(name.lowercased())
                rest = rest[name.endIndex...]
                if rest.first == "=" {
                    rest = rest.dropFirst()
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        rest = rest.dropFirst()
                        rest = rest.firstIndex(of: quote).map { rest[rest.index(after: $0)...] } ?? ""
                    } else {
                        rest = rest.drop { !$0.isWhitespace }
                    }
                }
            }
        }
        return names
    }

    static func decodeEntities(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.firstIndex(of: ";") else {
                out += after.isEmpty ? "&" : "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let character = named[String(entity)] {
                out += character
            } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + entity + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }
}

/// Markdown: each title-block line read back by the project's reader must be exactly the
/// shell's construct (heading text, strong, plain, emphasis, plain) holding the literal text.
enum MarkdownTitleBlock {
    struct Unexpected: Error, CustomStringConvertible {
        let line: String
        let inlines: [Inline]
        var description: String { "«\(line)» reads as \(inlines)" }
    }

    static func read(_ head: String) throws -> InjectionTests.TitleBlock {
        var block = InjectionTests.TitleBlock()
        // Paragraphs separated by one blank line, each one line.
        let lines = head.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        if let broken = lines.first(where: { $0.contains("\n") }) { throw Unexpected(line: broken, inlines: []) }
        var index = 0
        func plain(_ line: String) throws -> String {
            let inlines = try MarkdownReader().readInlines(line, file: "title block")
            guard inlines.count == 1, case .text(let text) = inlines[0] else { throw Unexpected(line: line, inlines: inlines) }
            return text
        }
        func wrapped(_ line: String, strong: Bool) throws -> String {
            let inlines = try MarkdownReader().readInlines(line, file: "title block")
            switch (strong, inlines.first) {
            case (true, .strong(let inner)) where inlines.count == 1, (false, .emphasis(let inner)) where inlines.count == 1:
                guard inner.count == 1, case .text(let text) = inner[0] else { throw Unexpected(line: line, inlines: inlines) }
                return text
            default: throw Unexpected(line: line, inlines: inlines)
            }
        }
        // The shell writes, each on its own paragraph: `# title`, `**subtitle**`, author, `*course*`, date.
        if index < lines.count, lines[index].hasPrefix("# ") {
            block.title = try plain(String(lines[index].dropFirst(2)))
            index += 1
        }
        if index < lines.count, lines[index].hasPrefix("**") {
            block.subtitle = try wrapped(lines[index], strong: true)
            index += 1
        }
        let rest = Array(lines[index...])
        // Author, course, date: the course is the emphasised one.
        if let course = rest.firstIndex(where: { $0.hasPrefix("*") && !$0.hasPrefix("**") }) {
            if course > 0 { block.author = try plain(rest[0]) }
            block.course = try wrapped(rest[course], strong: false)
            if course + 1 < rest.count { block.date = try plain(rest[course + 1]) }
        } else if !rest.isEmpty {
            throw Unexpected(line: rest.joined(separator: "\n"), inlines: [])
        }
        return block
    }
}

/// LaTeX: each title-block line decoded by the escapes `TextEscaping.latex` may produce; any
/// other command or any unescaped special character is a finding.
enum LaTeXTitleBlock {
    struct Read {
        var block: InjectionTests.TitleBlock
        var pdfTitle: String?
        var sources: [String]
    }

    struct Finding: Error, CustomStringConvertible {
        let source: String
        let reason: String
        var description: String { "«\(source)»: \(reason)" }
    }

    /// Character sequences TeX's text fonts turn into other characters.
    static let ligatures = ["--", "``", "''", ",,", "!`", "?`", "<<", ">>"]

    static let commands: [String: String] = [
        "textbackslash": "\\", "textasciicircum": "^", "textasciitilde": "~", "textless": "<",
        "textgreater": ">", "textbar": "|", "textquotedbl": "\"", "textquotesingle": "'",
        "textasciigrave": "`", "textendash": "\u{2013}",
    ]

    static func read(_ latex: String) throws -> Read {
        var block = InjectionTests.TitleBlock()
        var sources: [String] = []
        func field(_ line: String, _ prefix: String, _ suffix: String) throws -> String {
            guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { throw Finding(source: line, reason: "not the shell's line") }
            let source = String(line.dropFirst(prefix.count).dropLast(suffix.count))
            sources.append(source)
            return try decode(source)
        }
        let pdfTitle = try HTMLTags.between(latex, "pdftitle={ ", " }, pdflang=").map(decode)
        guard let center = HTMLTags.between(latex, "\\begin{center}\n", "\n\\end{center}") else {
            return Read(block: block, pdfTitle: pdfTitle, sources: sources)
        }
        var lines = center.split(separator: "\n").map(String.init).filter { $0 != "\\medskip" }
        guard !lines.isEmpty else { return Read(block: block, pdfTitle: pdfTitle, sources: sources) }
        block.title = try field(lines.removeFirst(), "{\\LARGE\\bfseries ", "\\par}")
        if let line = lines.first, line.hasPrefix("{\\large ") {
            block.subtitle = try field(lines.removeFirst(), "{\\large ", "\\par}")
        }
        if let line = lines.first, !line.hasPrefix("{\\small ") {
            block.author = try field(lines.removeFirst(), "", "\\par")
        }
        if !lines.isEmpty { block.course = try field(lines.removeFirst(), "{\\small ", "\\par}") }
        if !lines.isEmpty { block.date = try field(lines.removeFirst(), "{\\small ", "\\par}") }
        if !lines.isEmpty { throw Finding(source: lines.joined(separator: "\n"), reason: "extra lines in the title block") }
        return Read(block: block, pdfTitle: pdfTitle, sources: sources)
    }

    /// The names of every control word in `latex` (`\\textbackslash{}input` has none named `input`).
    static func commandNames(in latex: String) -> Set<String> {
        var names = Set<String>()
        let scalars = Array(latex.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\\" else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic { end += 1 }
            if end > index + 1 { names.insert(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))) }
            // `\\` is one control symbol; skip its second character.
            index = max(end, index + 2)
        }
        return names
    }

    /// The text a reader sees, or a finding for anything that is not an escape.
    static func decode(_ source: String) throws -> String {
        var out = ""
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { throw Finding(source: source, reason: "a lone backslash at the end") }
                let next = scalars[index + 1]
                if "{}$&#%_".unicodeScalars.contains(next) {
                    out.unicodeScalars.append(next)
                    index += 2
                    continue
                }
                var end = index + 1
                while end < scalars.count, scalars[end].properties.isAlphabetic, scalars[end].isASCII { end += 1 }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if name == "mbox" || name == "allowbreak", source.unicodeScalars.dropFirst(end).starts(with: "{}".unicodeScalars) {
                    index = end + 2
                    continue
                }
                guard let character = commands[name] else { throw Finding(source: source, reason: "the command \\\(name)\(name.isEmpty ? String(next) : "")") }
                guard end + 1 < scalars.count, scalars[end] == "{", scalars[end + 1] == "}" else {
                    throw Finding(source: source, reason: "\\\(name) is not closed by {}")
                }
                out += character
                index = end + 2
            case "{" where index + 1 < scalars.count && scalars[index + 1] == "}":
                index += 2
            case "{", "}", "$", "&", "#", "^", "_", "~", "%":
                throw Finding(source: source, reason: "the special character \(scalar) unescaped")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    throw Finding(source: source, reason: "the control character U+\(String(scalar.value, radix: 16))")
                }
                out.unicodeScalars.append(scalar)
                index += 1
            }
        }
        return out
    }
}
