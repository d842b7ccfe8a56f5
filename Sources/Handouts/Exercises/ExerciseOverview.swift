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
        let kinds = sets.first?.kinds ?? []
        let exercises = kinds.indices.map { i -> MustacheValue in
            let number = i + 1
            let answersOf = sets.map { set in set.answers.filter { $0.exercise == number } }
            let quantities = answersOf.first?.map(\.quantity) ?? []
            var tables: [MustacheValue] = []
            for first in stride(from: 0, to: max(quantities.count, 1), by: Self.overviewAnswersPerTable) {
                let columns = first..<min(first + Self.overviewAnswersPerTable, quantities.count)
                for firstVariant in stride(from: 0, to: sets.count, by: Self.overviewVariantsPerTable) {
                    let variants = firstVariant..<min(firstVariant + Self.overviewVariantsPerTable, sets.count)
                    tables.append(.object([
                        "header": .list(columns.map { .object(["quantity": .string(quantities[$0])]) }),
                        "rows": .list(variants.map { v in
                            .object([
                                "id": .string(sets[v].variant?.id ?? "—"),
                                "cells": .list(columns.map { c in
                                    let answer = answersOf[v][c]
                                    return .object([
                                        "relation": .string(answer.shownExact ? "=" : "\\approx"),
                                        "shown": .string(answer.shownTeX),
                                    ])
                                }),
                            ])
                        }),
                    ]))
                }
            }
            return .object([
                "number": .number(String(number)),
                "kind": .string(kinds[i].rawValue),
                "answerCount": .number(String(quantities.count)),
                "oneAnswer": .bool(quantities.count == 1),
                "tableCount": .number(String(tables.count)),
                "split": .bool(tables.count > 1),
                "tables": .list(tables),
            ])
        }
        let architecture = sets.first.map { "[" + $0.spec.network.layers.map(String.init).joined(separator: ", ") + "]" } ?? ""
        var context: [String: MustacheValue] = [
            "exercises": .list(exercises),
            "count": .number(String(sets.count)),
            "net": .object(["architecture": .string(architecture)]),
        ]
        if let variant = sets.first?.variant {
            context["seed"] = .object(["seed": .number(String(variant.seed)), "several": .bool(sets.count > 1)])
        }
        let library = TemplateLibrary(overrideDirectory: options.templatesDirectory)
        let renderer = SectionRenderer(library: library, context: .object(context), generatedBlocks: [:])
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
