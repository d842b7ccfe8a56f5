import Testing

@testable import Documents

@Suite("MarkdownReader errors")
struct ReaderErrorTests {
    static let kinds = "theorem, remark, key-observation, verification, algorithm, exercise, solution, note"

    /// Source and the exact `file:line:column: message`.
    static let cases: [(String, String)] = [
        ("intro\n\n::: theorem {title=\"T\"}\ntext\n", "t.md:3:1: unclosed fenced div '::: theorem': no closing ':::' line"),
        ("::: outer-ok\n", "t.md:1:5: unknown fenced div kind 'outer-ok' (known kinds: \(kinds))"),
        ("::: lemma\nx\n:::", "t.md:1:5: unknown fenced div kind 'lemma' (known kinds: \(kinds))"),
        ("::: note\n:::: lemma\n::::\n:::", "t.md:2:6: unknown fenced div kind 'lemma' (known kinds: \(kinds))"),
        ("Let $x be", "t.md:1:5: unclosed inline math: '$' has no closing '$'"),
        ("one\ntwo $x", "t.md:2:5: unclosed inline math: '$' has no closing '$'"),
        ("a\n\n  $$ x\ny", "t.md:3:3: unclosed display math: '$$' has no closing '$$'"),
        ("@@nope", "t.md:1:1: unknown generated block '@@nope' (known: @@network.figure, @@z)"),
        ("|a|b|\n|-|-|\n|1|2|\n|1|2|3|", "t.md:4:1: table row has 3 cells but the header row has 2"),
        ("- x\n\n  | a | b |\n  |---|---|\n  | 1 |", "t.md:5:3: table row has 1 cell but the header row has 2"),
        ("x **y", "t.md:1:3: unclosed strong emphasis: '**' has no closing '**'"),
        ("a `b", "t.md:1:3: unclosed code span: '`' has no closing '`'"),
        ("see [a](b", "t.md:1:5: unclosed link: '](' has no closing ')'"),
        ("- ok\n  - fine $x", "t.md:2:10: unclosed inline math: '$' has no closing '$'"),
        ("::: note {title=\"a $b\"}\n:::", "t.md:1:20: unclosed inline math: '$' has no closing '$'"),
        ("::: verification {passed=\"yes\"}\n:::", "t.md:1:27: 'passed' must be \"true\" or \"false\", not \"yes\""),
        ("::: note {foo=\"x\"}\n:::", "t.md:1:11: unknown fenced div attribute 'foo' (known: title, passed)"),
        ("::: note {title=\"x}\n:::", "t.md:1:17: unclosed '\"' in the value of 'title'"),
        ("| a | b |\n|---|", "t.md:2:1: table separator row has 1 cell but the header row has 2"),
        ("#### Deep", "t.md:1:1: heading level 4 is not supported: use '#', '##' or '###'"),
        ("text\n:::", "t.md:2:1: closing fence ':::' without an open fenced div"),
        ("a $$b$$", "t.md:1:3: display math '$$' must start its own line"),
        ("$$ x $$ y", "t.md:1:9: unexpected text after the closing '$$' (only a label like '{#eq:id}' may follow)"),
        ("$$ $$", "t.md:1:1: empty display math"),
        ("@@a b", "t.md:1:1: malformed generated-block line: expected '@@name' alone (letters, digits, '-', '_', '.')"),
        ("\t$x", "t.md:1:2: unclosed inline math: '$' has no closing '$'"),
        ("é😀 $x", "t.md:1:4: unclosed inline math: '$' has no closing '$'"),
        ("## Title {#a .b}", "t.md:1:10: only a label like '{#id}' may end this line"),
    ]

    @Test(arguments: cases)
    func reportsLocatedError(_ source: String, _ expected: String) throws {
        let reader = MarkdownReader(generatedBlocks: ["z": .paragraph([]), "network.figure": .paragraph([])])
        let error = #expect(throws: SourceError.self) { try reader.read(source, file: "t.md") }
        #expect(error?.description == expected)
    }

    @Test func noGeneratedBlocksSaysSo() throws {
        let error = #expect(throws: SourceError.self) { try MarkdownReader().read("@@figure", file: "s.md") }
        #expect(error?.description == "s.md:1:1: unknown generated block '@@figure' (none are available here)")
    }

    @Test func readInlinesLocatesErrors() throws {
        let error = #expect(throws: SourceError.self) { try MarkdownReader().readInlines("title $x", file: "title") }
        #expect(error?.description == "title:1:7: unclosed inline math: '$' has no closing '$'")
    }

    /// Many unmatched delimiters must not make parsing exponential.
    @Test func unmatchedDelimitersStayFast() throws {
        let source = String(repeating: "*a _b [c ", count: 200)
        let inlines = try MarkdownReader().readInlines(source, file: "t.md")
        #expect(inlines == [.text(source.trimmingWhitespace())])
    }
}
