/// Counters for everything numbered, stepped in document order. The numbering pass and every
/// writer step them alike, so a printed number, a resolved reference and LaTeX's own counters
/// (article class: sections 1, 1.1, 1.1.1; one sequence each for equations, tables, figures;
/// one per box kind) always agree.
struct NumberingCounters {
    private var sections = [0, 0, 0]
    private var equations = 0
    private var tables = 0
    private var figures = 0
    private var divisions: [Division.Kind: Int] = [:]

    /// The number of a heading (`2`, `2.1`, `2.1.3`); nil for levels below 3, which are unnumbered.
    mutating func heading(level: Int) -> String? {
        guard (1...3).contains(level) else { return nil }
        sections[level - 1] += 1
        for deeper in level..<sections.count { sections[deeper] = 0 }
        return sections[0..<level].map(String.init).joined(separator: ".")
    }

    mutating func equation() -> String {
        equations += 1
        return String(equations)
    }

    mutating func table() -> String {
        tables += 1
        return String(tables)
    }

    mutating func figure() -> String {
        figures += 1
        return String(figures)
    }

    mutating func division(_ kind: Division.Kind) -> String {
        let next = divisions[kind, default: 0] + 1
        divisions[kind] = next
        return String(next)
    }
}

/// What a label names and the number printed for it.
struct NumberedTarget: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case heading, equation, table, figure
        case division(Division.Kind)
    }
    var kind: Kind
    var number: String

    /// The text a reference prints: `(3)` for an equation, the bare number otherwise.
    var referenceText: String { kind == .equation ? "(\(number))" : number }
}

/// The numbering pass: numbers every labelled element and checks that every reference
/// resolves, before any writer prints a line.
struct Numbering: Sendable {
    private(set) var targets: [String: NumberedTarget] = [:]

    init(_ document: Document) throws(WriterError) {
        var counters = NumberingCounters()
        var references: [String] = []
        for inlines in document.metadata.allInlines { Self.collectReferences(inlines, into: &references) }
        try collect(document.blocks, counters: &counters, references: &references)
        for id in references where targets[id] == nil {
            throw WriterError.unknownReference(id: id)
        }
    }

    /// The target of a reference; the pass has already checked it exists.
    func target(_ id: String) throws(WriterError) -> NumberedTarget {
        guard let target = targets[id] else { throw WriterError.unknownReference(id: id) }
        return target
    }

    private mutating func collect(
        _ blocks: [Block], counters: inout NumberingCounters, references: inout [String]
    ) throws(WriterError) {
        for block in blocks {
            switch block {
            case .heading(let level, let id, let content):
                let number = counters.heading(level: level)
                Self.collectReferences(content, into: &references)
                if let id {
                    // An unnumbered heading is referred to by nothing printable.
                    guard let number else { throw WriterError.invalidLabel(id: id) }
                    try label(id, NumberedTarget(kind: .heading, number: number))
                }
            case .paragraph(let content):
                Self.collectReferences(content, into: &references)
            case .displayMath(_, let id, let numbered):
                if Block.isNumberedDisplay(id: id, numbered: numbered) {
                    let number = counters.equation()
                    if let id { try label(id, NumberedTarget(kind: .equation, number: number)) }
                }
            case .equationChain(let chain):
                if let id = chain.id {
                    try label(id, NumberedTarget(kind: .equation, number: counters.equation()))
                }
            case .bulletList(let items), .orderedList(_, let items):
                for item in items { try collect(item, counters: &counters, references: &references) }
            case .table(let table):
                Self.collectReferences(table.caption, into: &references)
                for cell in table.header { Self.collectReferences(cell, into: &references) }
                for row in table.rows {
                    for cell in row { Self.collectReferences(cell, into: &references) }
                }
                if table.isNumbered {
                    let number = counters.table()
                    if let id = table.id { try label(id, NumberedTarget(kind: .table, number: number)) }
                }
            case .division(let division):
                let number = counters.division(division.kind)
                Self.collectReferences(division.title, into: &references)
                if let id = division.id {
                    try label(id, NumberedTarget(kind: .division(division.kind), number: number))
                }
                try collect(division.blocks, counters: &counters, references: &references)
            case .figure(let figure):
                let number = counters.figure()
                Self.collectReferences(figure.caption, into: &references)
                if let id = figure.id { try label(id, NumberedTarget(kind: .figure, number: number)) }
                try figure.graphic.validate()
            case .group(let parts):
                try collect(parts, counters: &counters, references: &references)
            }
        }
    }

    private mutating func label(_ id: String, _ target: NumberedTarget) throws(WriterError) {
        guard Self.isValidLabel(id) else { throw WriterError.invalidLabel(id: id) }
        guard targets[id] == nil else { throw WriterError.duplicateLabel(id: id) }
        targets[id] = target
    }

    /// Labels become TeX `\label`s, HTML ids and URL fragments: keep them to a safe alphabet.
    static func isValidLabel(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == ":" || scalar == "."
        }
    }

    private static func collectReferences(_ inlines: [Inline], into references: inout [String]) {
        for inline in inlines {
            switch inline {
            case .reference(let id): references.append(id)
            case .emphasis(let inner), .strong(let inner), .link(let inner, _):
                collectReferences(inner, into: &references)
            case .text, .code, .math, .lineBreak: break
            }
        }
    }
}

extension Block {
    /// Display math is numbered when asked to or when labelled (a label needs a number).
    static func isNumberedDisplay(id: String?, numbered: Bool) -> Bool { numbered || id != nil }
}

extension Table {
    /// A table is numbered (and floats in LaTeX) when it has a caption or a label.
    var isNumbered: Bool { !caption.isEmpty || id != nil }
}

extension Metadata {
    /// Every inline field of the title block, in a fixed order.
    var allInlines: [[Inline]] { [title, subtitle, author, course, date] }
}

extension LayeredDiagram {
    /// Checks that every edge joins two existing nodes of neighbouring columns.
    func validate() throws(WriterError) {
        for edge in edges {
            guard edge.column >= 0, edge.column + 1 < columns.count,
                columns[edge.column].nodes.indices.contains(edge.from),
                columns[edge.column + 1].nodes.indices.contains(edge.to)
            else { throw WriterError.invalidDiagramEdge(column: edge.column, from: edge.from, to: edge.to) }
        }
    }
}
