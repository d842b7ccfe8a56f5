@testable import Documents
import Testing

/// Issue 10, item 14: the Markdown writer escapes a character only where it stands could change
/// the meaning (as Pandoc's Markdown writer does), so prose reads as a person wrote it, while
/// text that looks like Markdown stays literal.
@Suite struct MarkdownTextEscapingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let escaped: String
        var testDescription: String { "«\(text)»" }
        init(_ text: String, _ escaped: String) {
            self.text = text
            self.escaped = escaped
        }
    }

    /// Prose as the handouts write it: nothing to escape.
    static let prose: [String] = [
        "a [2, 2, 1] network with η = 0.5",
        "Step 1a: the forward pass.",
        "Pre-activation (weighted sum + bias) of neuron j; BP1–BP4.",
        "the sample's values, the network's output",
        "snake_case names and x_1 stay as written",
        "2 * 3 = 6 and a ~ b ^ c and a _ b",
        "50% of it & more, a < b > c, x@ y",
        "1.5 is not a list, nor is 3 + 4",
        "C# is fine mid-line, as is a ! and a :)",
        "intervals [0, 1] and [−1, 1]",
        "[2, 2, 1]",
    ]

    @Test(arguments: prose)
    func proseIsNotEscaped(_ text: String) {
        #expect(MarkdownTextEscaping.escape(text) == text)
    }

    /// Text that would be markup where it stands, and its escaped form.
    static let escaped: [Case] = [
        // Emphasis, strikeout, super/subscript: unless whitespace is on both sides.
        Case("*a* and **b**", #"\*a\* and \*\*b\*\*"#),
        Case("_a_ and __b__", #"\_a\_ and \_\_b\_\_"#),
        Case("a*b*c", #"a\*b\*c"#),
        Case("~~s~~ ~sub~ ^sup^ x^2", #"\~\~s\~\~ \~sub\~ \^sup\^ x\^2"#),
        // Always: code, math, pipes, backslashes, double quotes.
        Case("`code` costs $5", #"\`code\` costs \$5"#),
        Case("a | b", #"a \| b"#),
        Case(#"C:\Users\x"#, #"C:\\Users\\x"#),
        Case(#"say "hi""#, #"say \"hi\""#),
        // Single quotes outside a word; smart dashes and ellipses.
        Case("'quoted' and don't", #"\'quoted\' and don't"#),
        Case("a--b and wait...", #"a\--b and wait\..."#),
        // Brackets that could make a link, span, note or task box.
        Case("[x](javascript:alert(1))", #"\[x\](javascript:alert(1))"#),
        Case("[2, 2](u) and [y][1]", #"\[2, 2\](u) and \[y\][1]"#),
        Case("[Forward pass] and [ ]", #"\[Forward pass\] and \[ \]"#),
        Case("[text]{.smallcaps}", #"\[text\]\{.smallcaps}"#),
        Case("a ] b [ c", #"a \] b \[ c"#),
        Case("[^1]", #"[\^1]"#),
        // HTML, entities, autolinks, citations, emoji.
        Case("<b>bold</b> <!-- c", #"\<b>bold\</b> \<!\-- c"#),
        Case("<https://evil.example> www.evil.example", #"\<https\://evil.example> www\.evil.example"#),
        Case("&amp; &#60; &#x3c; & more", #"\&amp; \&#60; \&#x3c; & more"#),
        Case("@key and [@sec] and a@b.example", #"\@key and \[\@sec\] and a\@b.example"#),
        Case(":smile: and a:b", #"\:smile: and a:b"#),
        // Attributes: after markup or ending the line.
        Case("title {#id}", ##"title \{#id}"##),
        Case("title ##", ##"title \#\#"##),
        // Line starts.
        Case("# heading", ##"\# heading"##),
        Case("> quote", #"\> quote"#),
        Case("- item", #"\- item"#),
        Case("+ item", #"\+ item"#),
        Case("* item", #"\* item"#),
        Case("1. item", #"1\. item"#),
        Case("2) item", #"2\) item"#),
        Case("a. item", #"a\. item"#),
        Case("(iv) item", #"(iv\) item"#),
        Case("(@) example", #"(@\) example"#),
        Case("===", #"\==="#),
        Case("---", #"\-\--"#),
        Case(": definition", #"\: definition"#),
        Case("::: {.theorem}", #"\::: \{.theorem}"#),
        Case("% title", #"\% title"#),
        Case("~ definition", #"\~ definition"#),
        Case("    four spaces of indentation", "four spaces of indentation"),
        Case("trailing spaces  ", "trailing spaces"),
        // Line breaks and tabs in text are spaces; control characters are dropped.
        Case("one\ntwo\tthree\u{7}", "one two three"),
    ]

    @Test(arguments: escaped)
    func markupIsEscaped(_ example: Case) {
        #expect(MarkdownTextEscaping.escape(example.text) == example.escaped)
    }

    /// The neighbours are the real ones, across pieces of markup.
    static let inContext: [(pieces: [MarkdownPiece], markdown: String)] = [
        // A `*` before markup is not followed by a space.
        ([.text("a *"), .markup("$x$")], #"a \*$x$"#),
        ([.text("a * "), .markup("$x$")], "a * $x$"),
        // Attributes after code or math.
        ([.markup("`x`"), .text("{=html}")], #"`x`\{=html}"#),
        ([.markup("$x$"), .text(" {not attributes} here")], "$x$ {not attributes} here"),
        // A line break starts a line: its markers are escaped; inside a table row nothing is at a line start.
        ([.text("a"), .markup("\\\n"), .text("- b")], "a\\\n\\- b"),
        ([.markup("| "), .text("1. x"), .markup(" | "), .text("# y"), .markup(" |")], "| 1. x | # y |"),
        ([.markup("## 2 "), .text("# x")], "## 2 # x"),
        // In a link's text a lone bracket would end the link early.
        ([.markup("["), .text("a ] b [2]"), .markup("](#x)")], #"[a \] b [2]](#x)"#),
        // Intraword `_` sees the neighbours in other pieces.
        ([.text("x"), .markup("**"), .text("_y")], #"x**\_y"#),
        ([.text("a_"), .text("b")], "a_b"),
    ]

    /// Inside unknown markup, a delimiter at either end is escaped: `**a \***`, not `**a ***`.
    @Test func edgesNextToMarkup() {
        let cases = [("a *", #"a \*"#), ("a * ", #"a \*"#), (" _ b", #"\_ b"#), ("_ b", #"\_ b"#), ("x ~", #"x \~"#), ("{a}", #"\{a}"#), ("a * b", "a * b")]
        for (text, escaped) in cases {
            #expect(MarkdownTextEscaping.render([.text(text)], edges: .markup) == escaped, "«\(text)»")
        }
        #expect(MarkdownTextEscaping.render([.text("a *")]) == "a *")
    }

    @Test func neighboursComeFromTheWholeLine() {
        for (pieces, markdown) in Self.inContext {
            #expect(MarkdownTextEscaping.render(pieces) == markdown, "\(pieces)")
        }
    }

    /// What the escaper leaves, the project's own reader reads back as the same text.
    @Test(arguments: prose + escaped.map(\.text))
    func theReaderReadsItBack(_ text: String) throws {
        let literal = text.split(whereSeparator: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
            .joined(separator: " ")
        let inlines = try MarkdownReader().readInlines(MarkdownTextEscaping.escape(text), file: "test")
        #expect(inlines == [.text(literal)])
    }
}
