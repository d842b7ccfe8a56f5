import Backprop
import Documents

extension ExerciseGenerator {
    /// One document listing every variant's final answers, for the grader
    /// (template `exercises/overview.mustache`).
    public func overview(_ sets: [ExerciseSet]) throws(HandoutError) -> RenderedDocument {
        let variants: [MustacheValue] = sets.map { set in
            let exercises = set.kinds.indices.map { i -> MustacheValue in
                let answers = set.answers.filter { $0.exercise == i + 1 }
                return .object([
                    "number": .number(String(i + 1)),
                    "kind": .string(set.kinds[i].rawValue),
                    "last": .bool(i + 1 == set.kinds.count),
                    "answers": .list(answers.enumerated().map { n, answer in
                        .object([
                            "quantity": .string(answer.quantity),
                            "relation": .string(answer.shownExact ? "=" : "\\approx"),
                            "shown": .string(answer.shownTeX),
                            "last": .bool(n + 1 == answers.count),
                        ])
                    }),
                ])
            }
            return .object([
                "id": .string(set.variant?.id ?? "—"),
                "folder": .string(set.variant?.folderName ?? "."),
                "exercises": .list(exercises),
            ])
        }
        let architecture = sets.first.map { "[" + $0.spec.network.layers.map(String.init).joined(separator: ", ") + "]" } ?? ""
        let context: MustacheValue = .object([
            "variants": .list(variants),
            "count": .number(String(sets.count)),
            "net": .object(["architecture": .string(architecture)]),
        ])
        let library = TemplateLibrary(overrideDirectory: options.templatesDirectory)
        let renderer = SectionRenderer(library: library, context: context, generatedBlocks: [:])
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
