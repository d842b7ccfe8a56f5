import Testing

@testable import Documents

@Suite("MarkdownReader inlines")
struct ReaderInlineTests {
    static let cases: [(String, [Inline])] = [
        ("plain text", [.text("plain text")]),
        ("*emph* and _emph_", [.emphasis([.text("emph")]), .text(" and "), .emphasis([.text("emph")])]),
        ("**strong** text", [.strong([.text("strong")]), .text(" text")]),
        ("*a **b** c*", [.emphasis([.text("a "), .strong([.text("b")]), .text(" c")])]),
        ("**a *b* c**", [.strong([.text("a "), .emphasis([.text("b")]), .text(" c")])]),
        ("snake_case_name", [.text("snake_case_name")]),
        ("2 * 3 * 4", [.text("2 * 3 * 4")]),
        ("a *lonely star", [.text("a *lonely star")]),
        ("`code *x*` after", [.code("code *x*"), .text(" after")]),
        ("`` a ` b ``", [.code("a ` b")]),
        ("see [the paper](https://example.org/a_(b)) now", [
            .text("see "), .link(text: [.text("the paper")], url: "https://example.org/a_(b)"), .text(" now"),
        ]),
        ("[*x*](u\\)v)", [.link(text: [.emphasis([.text("x")])], url: "u)v")]),
        ("by [@eq:bp1] and [@thm:bp-2]", [
            .text("by "), .reference(id: "eq:bp1"), .text(" and "), .reference(id: "thm:bp-2"),
        ]),
        ("interval [0, 1] here", [.text("interval [0, 1] here")]),
        ("a [ b", [.text("a [ b")]),
        ("$a_1^{(2)} = \\sigma(z)$ ok", [.math("a_1^{(2)} = \\sigma(z)"), .text(" ok")]),
        ("$\\$5 \\_x$", [.math("\\$5 \\_x")]),
        ("costs \\$5 and \\$6", [.text("costs $5 and $6")]),
        ("$x$$y$", [.math("x"), .math("y")]),
        ("<em>no html</em> & co", [.text("<em>no html</em> & co")]),
        ("back\\slash \\é", [.text("back\\slash \\é")]),
        ("line\\\nbreak", [.text("line"), .lineBreak, .text("break")]),
        ("two\nlines", [.text("two lines")]),
    ]

    @Test(arguments: cases)
    func reads(_ source: String, _ expected: [Inline]) throws {
        #expect(try MarkdownReader().readInlines(source, file: "t.md") == expected)
    }

    /// User text goes through `TextEscaping.markdown` in Mustache; the reader must give back
    /// exactly the original text.
    @Test(arguments: [
        "BP1 — Output Error",
        "Costs $5 * 2 = $10 (approx.) _not_ emphasis",
        "#1 [link](x) `code` **strong** \\ back\\slash",
        "a|b {c} <d> & e ! f ~ g ^ h = i @ j : k \"l\" 'm' + n - o .",
        "1. not a list",
        "- not a bullet",
        "::: not a fence",
        "@@not-generated",
        "$$ not math $$",
        "Ünïcödé ✓ 😀 ∂L/∂w",
        "trailing backslash \\",
    ])
    func escapedTextRoundTrips(_ text: String) throws {
        let escaped = TextEscaping.markdown(text)
        #expect(try MarkdownReader().readInlines(escaped, file: "t.md") == [.text(text)])
        #expect(try MarkdownReader().read(escaped, file: "t.md") == [.paragraph([.text(text)])])
    }

    @Test func escapedTextRoundTripsInEveryPlace() throws {
        let text = "A*b_c [d] $e | f {#g} \"h\""
        let escaped = TextEscaping.markdown(text)
        let source = """
            # \(escaped) {#sec:a}

            ::: note {title="\(escaped)"}
            | \(escaped) |
            |---|
            | \(escaped) |
            Table: \(escaped)
            :::

            - \(escaped)
            """
        let cell: [Inline] = [.text(text)]
        #expect(
            try MarkdownReader().read(source, file: "t.md") == [
                .heading(level: 1, id: "sec:a", content: cell),
                .division(Division(
                    kind: .note, title: cell,
                    blocks: [.table(Table(caption: cell, alignments: [.none], header: [cell], rows: [[cell]]))])),
                .bulletList([[.paragraph(cell)]]),
            ])
    }
}
