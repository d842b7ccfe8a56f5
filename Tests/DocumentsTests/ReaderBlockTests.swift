import Testing

@testable import Documents

/// One reader case: Markdown in, blocks out.
struct ReaderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let blocks: [Block]
    var testDescription: String { name }

    init(_ name: String, _ source: String, _ blocks: [Block]) {
        self.name = name
        self.source = source
        self.blocks = blocks
    }
}

private let figure = Block.figure(Figure(caption: [.text("Net")], diagram: LayeredDiagram(columns: [], edges: [])))

@Suite("MarkdownReader blocks")
struct ReaderBlockTests {
    static let cases: [ReaderCase] = [
        // Headings
        ReaderCase("heading levels", "# One\n\n## Two\n\n### Three", [
            .heading(level: 1, id: nil, content: [.text("One")]),
            .heading(level: 2, id: nil, content: [.text("Two")]),
            .heading(level: 3, id: nil, content: [.text("Three")]),
        ]),
        ReaderCase("heading with label", "## Forward pass {#sec:forward}", [
            .heading(level: 2, id: "sec:forward", content: [.text("Forward pass")])
        ]),
        ReaderCase("heading with math and closing hashes", "## The $\\delta^L$ term ##", [
            .heading(level: 2, id: nil, content: [.text("The "), .math("\\delta^L"), .text(" term")])
        ]),
        ReaderCase("hash without space is text", "#hashtag", [.paragraph([.text("#hashtag")])]),
        ReaderCase("escaped brace is not a label", "# Set \\{#x\\}", [
            .heading(level: 1, id: nil, content: [.text("Set {#x}")])
        ]),

        // Paragraphs
        ReaderCase("paragraph lines join with spaces", "one\ntwo\n  three", [
            .paragraph([.text("one two three")])
        ]),
        ReaderCase("blank line separates paragraphs", "one\n\n\ntwo", [
            .paragraph([.text("one")]), .paragraph([.text("two")]),
        ]),
        ReaderCase("hard line break", "one\\\ntwo", [.paragraph([.text("one"), .lineBreak, .text("two")])]),
        ReaderCase("escaped backslash at line end is not a break", "one\\\\\ntwo", [
            .paragraph([.text("one\\ two")])
        ]),
        ReaderCase("CRLF and tabs", "a\r\n\tb\r\n", [.paragraph([.text("a b")])]),
        ReaderCase("heading interrupts a paragraph", "text\n# Head", [
            .paragraph([.text("text")]), .heading(level: 1, id: nil, content: [.text("Head")]),
        ]),
        ReaderCase("HTML is text", "<b>x</b>", [.paragraph([.text("<b>x</b>")])]),

        // Display math
        ReaderCase("one-line display math", "$$ a = b $$", [.displayMath("a = b", id: nil, numbered: false)]),
        ReaderCase("labelled display math", "$$ a = b $$ {#eq:ab}", [.displayMath("a = b", id: "eq:ab", numbered: true)]),
        ReaderCase("multi-line display math", "$$\n\\delta^L = a\n  \\hadamard b\n$$ {#eq:bp1}", [
            .displayMath("\\delta^L = a\n\\hadamard b", id: "eq:bp1", numbered: true)
        ]),
        ReaderCase("display math interrupts a paragraph", "so\n$$x$$\nthen", [
            .paragraph([.text("so")]), .displayMath("x", id: nil, numbered: false), .paragraph([.text("then")]),
        ]),
        ReaderCase("display math keeps escapes verbatim", "$$ \\$ \\_ \\{ $$", [
            .displayMath("\\$ \\_ \\{", id: nil, numbered: false)
        ]),

        // Lists
        ReaderCase("bullet list", "- one\n- two\n* three", [
            .bulletList([[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
            .bulletList([[.paragraph([.text("three")])]]),
        ]),
        ReaderCase("ordered list keeps its start", "3. three\n4. four", [
            .orderedList(start: 3, items: [[.paragraph([.text("three")])], [.paragraph([.text("four")])]])
        ]),
        ReaderCase("nested lists", "- a\n  - b\n    1. c\n  - d\n- e", [
            .bulletList([
                [
                    .paragraph([.text("a")]),
                    .bulletList([
                        [.paragraph([.text("b")]), .orderedList(start: 1, items: [[.paragraph([.text("c")])]])],
                        [.paragraph([.text("d")])],
                    ]),
                ],
                [.paragraph([.text("e")])],
            ])
        ]),
        ReaderCase("item continuation, paragraphs and math", "1. first\n   line\n\n   second para\n\n   $$ x $$\n2. next", [
            .orderedList(start: 1, items: [
                [
                    .paragraph([.text("first line")]), .paragraph([.text("second para")]),
                    .displayMath("x", id: nil, numbered: false),
                ],
                [.paragraph([.text("next")])],
            ])
        ]),
        ReaderCase("lazy continuation", "- item\nwraps here", [.bulletList([[.paragraph([.text("item wraps here")])]])]),
        ReaderCase("list ends at unindented text after a blank line", "- item\n\nafter", [
            .bulletList([[.paragraph([.text("item")])]]), .paragraph([.text("after")]),
        ]),
        ReaderCase("emphasis at line start is not a bullet", "*note* this", [
            .paragraph([.emphasis([.text("note")]), .text(" this")])
        ]),
        ReaderCase("year with a dot does not interrupt a paragraph", "In\n2019. we", [.paragraph([.text("In 2019. we")])]),

        // Tables
        ReaderCase("pipe table with alignments and caption", """
            | Layer | $n$ | Value | Note |
            |:------|:---:|------:|------|
            | 1 | $3$ | 0.5 | *ok* |
            | 2 | $\\|x\\|$ | a \\| b | `c|d` |
            Table: Sizes of $W$ {#tbl:sizes}
            """, [
            .table(Table(
                caption: [.text("Sizes of "), .math("W")], id: "tbl:sizes",
                alignments: [.left, .center, .right, .none],
                header: [[.text("Layer")], [.math("n")], [.text("Value")], [.text("Note")]],
                rows: [
                    [[.text("1")], [.math("3")], [.text("0.5")], [.emphasis([.text("ok")])]],
                    [[.text("2")], [.math("\\|x\\|")], [.text("a | b")], [.code("c|d")]],
                ]))
        ]),
        ReaderCase("table without outer pipes, caption after a blank line", "a | b\n--|--\n1 | 2\n\n: Short", [
            .table(Table(
                caption: [.text("Short")], alignments: [.none, .none],
                header: [[.text("a")], [.text("b")]], rows: [[[.text("1")], [.text("2")]]]))
        ]),
        ReaderCase("one-column table with an empty cell", "| x |\n|---|\n| |", [
            .table(Table(alignments: [.none], header: [[.text("x")]], rows: [[[]]]))
        ]),

        // Fenced divs
        ReaderCase("theorem with title, label and passed", """
            ::: theorem {#thm:bp1 title="BP1 — Output Error $\\delta^L$" passed="true"}
            The error.
            :::
            """, [
            .division(Division(
                kind: .theorem, title: [.text("BP1 — Output Error "), .math("\\delta^L")], id: "thm:bp1",
                passed: true, blocks: [.paragraph([.text("The error.")])]))
        ]),
        ReaderCase("class form and trailing colons", "::: {.key-observation} :::\nx\n:::", [
            .division(Division(kind: .keyObservation, blocks: [.paragraph([.text("x")])]))
        ]),
        ReaderCase("nested divs", """
            :::: exercise {title="Ex \\"1\\""}
            Do it.
            ::: solution
            Done.
            :::
            ::::
            after
            """, [
            .division(Division(
                kind: .exercise, title: [.text("Ex \"1\"")],
                blocks: [
                    .paragraph([.text("Do it.")]),
                    .division(Division(kind: .solution, blocks: [.paragraph([.text("Done.")])])),
                ])),
            .paragraph([.text("after")]),
        ]),
        ReaderCase("verification that failed, with a list and table inside", """
            ::: verification {passed="false"}
            - check
            | a |
            |---|
            | 1 |
            :::
            """, [
            .division(Division(
                kind: .verification, passed: false,
                blocks: [
                    .bulletList([[.paragraph([.text("check")])]]),
                    .table(Table(alignments: [.none], header: [[.text("a")]], rows: [[[.text("1")]]])),
                ]))
        ]),
        ReaderCase("div inside a list item", "- item\n  ::: note\n  inside\n  :::\n- next", [
            .bulletList([
                [.paragraph([.text("item")]), .division(Division(kind: .note, blocks: [.paragraph([.text("inside")])]))],
                [.paragraph([.text("next")])],
            ])
        ]),

        // Generated blocks
        ReaderCase("generated block", "Before\n\n@@network.figure\n\nAfter", [
            .paragraph([.text("Before")]), figure, .paragraph([.text("After")]),
        ]),
    ]

    @Test(arguments: cases)
    func reads(_ example: ReaderCase) throws {
        let reader = MarkdownReader(generatedBlocks: ["network.figure": figure])
        #expect(try reader.read(example.source, file: "t.md") == example.blocks)
    }

    @Test func emptySourceHasNoBlocks() throws {
        #expect(try MarkdownReader().read("", file: "t.md") == [])
        #expect(try MarkdownReader().read("\n\n  \n", file: "t.md") == [])
    }
}
