import Backprop
import Documents

extension ExerciseGenerator {
    /// Answers side by side in one overview table: the variant column and this many values
    /// fit the text width of a printed page.
    public static let overviewAnswersPerTable = 5
    /// Variants in one overview table: a table does not break across pages, and this many
    /// rows fit on one.
    public static let overviewVariantsPerTable = 25

    /// One document listing every variant's final answers, for the grader
    /// (template `exercises/overview.mustache`): for each exercise, tables with one row per
    /// variant and one column per answer, the quantity named once in the header.
    public func overview(_ sets: [ExerciseSet]) throws(HandoutError) -> RenderedDocument {
        var answers = OverviewAnswers()
        for set in sets { answers.add(set) }
        return try overview(answers)
    }

    /// The overview of the variants gathered in `answers`. The tables are built here as
    /// generated blocks (`@@overview.E.T`, the template places them): a table of every variant
    /// written as Markdown and read back would cost its text many times over in memory.
    public func overview(_ answers: OverviewAnswers) throws(HandoutError) -> RenderedDocument {
        let library = TemplateLibrary(overrideDirectory: options.templatesDirectory)
        let rows = answers.rows
        let variantHeading = try SectionRenderer(library: library, context: .object([:]), generatedBlocks: [:])
            .inlines(template: "exercises/overview-variant-heading")
        var blocks: [String: Block] = [:]
        let exercises = answers.kinds.indices.map { i -> MustacheValue in
            let quantities = answers.quantities[i]
            var tables: [MustacheValue] = []
            for first in stride(from: 0, to: max(quantities.count, 1), by: Self.overviewAnswersPerTable) {
                let columns = first..<min(first + Self.overviewAnswersPerTable, quantities.count)
                for firstVariant in stride(from: 0, to: rows.count, by: Self.overviewVariantsPerTable) {
                    let variants = firstVariant..<min(firstVariant + Self.overviewVariantsPerTable, rows.count)
                    let name = "overview.\(i + 1).\(tables.count + 1)"
                    blocks[name] = .table(Table(
                        alignments: [.left] + columns.map { _ in .right },
                        header: [variantHeading] + columns.map { [.math(Math(quantities[$0]))] },
                        rows: variants.map { v in
                            [[.text(rows[v].id)]] + columns.map { c in
                                let cell = rows[v].cells[i][c]
                                return [.math(Math((cell.shownExact ? "=" : "\\approx") + " " + cell.shownTeX))]
                            }
                        }
                    ))
                    tables.append(.object(["block": .string(name)]))
                }
            }
            return .object([
                "number": .number(String(i + 1)),
                "kind": .string(answers.kinds[i].rawValue),
                "answerCount": .number(String(quantities.count)),
                "oneAnswer": .bool(quantities.count == 1),
                "tableCount": .number(String(tables.count)),
                "split": .bool(tables.count > 1),
                "tables": .list(tables),
            ])
        }
        var context: [String: MustacheValue] = [
            "exercises": .list(exercises),
            "count": .number(String(rows.count)),
            "net": .object(["architecture": .string(answers.architecture)]),
        ]
        if let seed = answers.seed {
            context["seed"] = .object(["seed": .number(String(seed)), "several": .bool(rows.count > 1)])
        }
        let renderer = SectionRenderer(library: library, context: .object(context), generatedBlocks: blocks)
        let document = Document(
            metadata: Metadata(title: try renderer.inlines(template: "exercises/overview-title"),
                               subtitle: try renderer.inlines(template: "exercises/overview-subtitle")),
            blocks: try renderer.blocks(template: "exercises/overview")
        )
        do {
            return try options.writer(library: library, attachmentStem: "overview").write(document)
        } catch let error as SourceError {
            throw .template(error.description)
        } catch let error as TemplateLibraryError {
            throw .template(error.description)
        } catch {
            throw .document(String(describing: error))
        }
    }
}

/// What the grader's overview needs of a variant set, gathered as the variants come: the
/// architecture, exercise kinds and quantities of the first variant, then one row per variant
/// with its id and each answer's shown value. A batch keeps this instead of the variants'
/// documents, specs and full answers, so it holds a few hundred bytes per variant.
public struct OverviewAnswers: Sendable {
    /// One answer as the overview shows it.
    public struct Cell: Sendable {
        public var shownExact: Bool
        public var shownTeX: String
    }

    /// One variant: its id (or "—" for a set that is not a variant) and its cells, exercise by exercise.
    public struct Row: Sendable {
        public var id: String
        public var cells: [[Cell]]
    }

    public private(set) var kinds: [ExerciseKind] = []
    /// The quantity of each answer column, exercise by exercise.
    public private(set) var quantities: [[String]] = []
    /// The architecture as printed, `[3, 2, 2, 1]`.
    public private(set) var architecture = ""
    /// The seed of the first variant, if the sets are variants.
    public private(set) var seed: UInt64?
    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds the row of `set` (the first set also fixes the columns).
    public mutating func add(_ set: ExerciseSet) {
        let exercises = set.kinds.indices.map { i in set.answers.filter { $0.exercise == i + 1 } }
        if rows.isEmpty {
            kinds = set.kinds
            quantities = exercises.map { $0.map(\.quantity) }
            architecture = "[" + set.spec.network.layers.map(String.init).joined(separator: ", ") + "]"
            seed = set.variant?.seed
        }
        rows.append(Row(
            id: set.variant?.id ?? "—",
            cells: exercises.map { $0.map { Cell(shownExact: $0.shownExact, shownTeX: $0.shownTeX) } }
        ))
    }

    /// The text the rows hold, in bytes: what the overview keeps per variant (a test checks
    /// it stays small, whatever the variants' documents weigh).
    var retainedTextBytes: Int {
        rows.reduce(0) { total, row in
            total + row.id.utf8.count + row.cells.joined().reduce(0) { $0 + $1.shownTeX.utf8.count }
        }
    }
}
