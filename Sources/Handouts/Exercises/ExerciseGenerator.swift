import Backprop
import Documents
import JSON

/// Which variant of a batch a sheet is: drawn from `seed` and `number` (see `VariantDistribution`).
public struct ExerciseVariant: Hashable, Sendable {
    public var seed: UInt64
    public var number: Int

    public init(seed: UInt64, number: Int) {
        self.seed = seed
        self.number = number
    }

    /// `SEED-NN`, printed on the sheet: with the base spec it rebuilds the variant.
    public var id: String { "\(seed)-" + (number < 10 ? "0\(number)" : String(number)) }

    /// The folder of the variant in a batch: `variant-01`.
    public var folderName: String { "variant-" + (number < 10 ? "0\(number)" : String(number)) }
}

/// An exercise sheet, its worked answer key and the final answers, from one trace.
public struct ExerciseSet: Sendable {
    /// The spec with every exercise's indices written out (a variant's `spec.json`).
    public var spec: Spec
    public var variant: ExerciseVariant?
    /// Statements and given data, no answers.
    public var sheet: RenderedDocument
    /// Statements with worked solutions.
    public var solutions: RenderedDocument
    /// Every final answer, exercise by exercise.
    public var answers: [ExerciseAnswer]
    /// The kind of each exercise, in order.
    public var kinds: [ExerciseKind]

    /// `answers.json`: `{"variant": …, "architecture": […], "exercises": [{"number", "kind",
    /// "answers": [ExerciseAnswer…]}]}`, deterministic member order.
    public var answersJSON: JSONValue {
        var variantValue: JSONValue = .null
        if let variant {
            variantValue = .object([
                .init("id", .string(variant.id)),
                .init("seed", .number(String(variant.seed))),
                .init("number", .number(String(variant.number))),
            ])
        }
        return .object([
            .init("variant", variantValue),
            .init("architecture", .array(spec.network.layers.map { .number(String($0)) })),
            .init("exercises", .array(kinds.enumerated().map { i, kind in
                .object([
                    .init("number", .number(String(i + 1))),
                    .init("kind", .string(kind.rawValue)),
                    .init("answers", .array(answers.filter { $0.exercise == i + 1 }.map(\.json))),
                ])
            })),
        ])
    }
}

/// Generates exercise sheets and answer keys through the handout's machinery: the trace, the
/// `Display` number rules, Mustache templates in `Templates/exercises/`, one document tree,
/// one writer per format.
public struct ExerciseGenerator: Sendable {
    public let options: HandoutOptions

    public init(options: HandoutOptions) {
        self.options = options
    }

    /// The sheet, key and answers of `spec` (its `exercises`, or the classic five).
    public func generate(_ spec: Spec, variant: ExerciseVariant? = nil) throws(HandoutError) -> ExerciseSet {
        try options.validate(for: spec.network)
        if spec.exercises?.isEmpty == true {
            throw .options("exercises: the spec's list is empty, so there is no sheet to write; leave \"exercises\" out for the default five")
        }
        // A sheet is about one sample: of a batch, the first (the one a handout works in full).
        let single = spec.firstSampleAlone
        let plan = ExercisePlan.resolve(single)
        var resolved = single
        resolved.exercises = plan.exercises.map(\.request)
        let library = TemplateLibrary(overrideDirectory: options.templatesDirectory)
        var shortfall: PrecisionShortfall?
        do {
            return try Engine.refine(resolved) { trace in
                try build(trace, plan: plan, variant: variant, library: library, shortfall: &shortfall)
            }
        } catch let error as HandoutError {
            throw error
        } catch {
            throw PrecisionShortfall.error(shortfall, after: error)
        }
    }

    /// Draws tried by `generate(variant:of:distribution:)` before giving up.
    public static let variantDrawLimit = 20

    /// The sheet, key and answers of `variant` of `base`: its first draw whose every value can
    /// be certified.
    public func generate(variant: ExerciseVariant, of base: Spec, distribution: VariantDistribution) throws(HandoutError) -> ExerciseSet {
        try options.validate(for: base.network)
        var draws = distribution.draws(from: base, variant: variant)
        var lastError = HandoutError.computation("no draw could be certified")
        for _ in 0..<Self.variantDrawLimit {
            do {
                return try generate(draws.next(), variant: variant)
            } catch {
                guard case .computation = error else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    /// The documents from one trace, or `nil` when a displayed number needs more precision.
    private func build(_ trace: Trace, plan: ExercisePlan, variant: ExerciseVariant?, library: TemplateLibrary,
                       shortfall: inout PrecisionShortfall?) throws(HandoutError) -> ExerciseSet? {
        // Keys set matrices of rounded values, wider than a handout's exact parameters: a
        // summarised layer shows at most `Display.roundedColumnLimit` neurons in them.
        var shownOptions = options
        shownOptions.maximumShownDimension = min(options.maximumShownDimension, Display.roundedColumnLimit)
        let d = Derivation(trace: trace, options: shownOptions)
        var sheetExercises: [MustacheValue] = []
        var keyExercises: [MustacheValue] = []
        var statementBlocks: [String: Block] = [:]
        var solutionBlocks: [String: Block] = [:]
        var answers: [ExerciseAnswer] = []
        var net: [String: MustacheValue]
        do {
            net = try NetworkFacts.build(d).values
            for (i, exercise) in plan.exercises.enumerated() {
                let number = i + 1
                let output = try Self.output(of: exercise, d, number: number, prefix: "ex\(number)")
                var item = Self.statement(of: exercise, output, number: number)
                sheetExercises.append(.object(item))
                item["solution"] = .object(output.solution)
                keyExercises.append(.object(item))
                statementBlocks.merge(output.statementBlocks) { first, _ in first }
                solutionBlocks.merge(output.solutionBlocks) { first, _ in first }
                answers += output.answers
            }
        } catch let error as PrecisionShortfall {
            shortfall = error
            return nil
        } catch let error as HandoutError {
            throw error
        } catch {
            throw .computation(String(describing: error))
        }
        // The focus gradient is an answer: the sheet's context does not have it.
        if case .object(var focus)? = net["focus"] {
            focus["gradient"] = nil
            focus["relation"] = nil
            net["focus"] = .object(focus)
        }
        let given = GivenData.build(d)
        var context: [String: MustacheValue] = [
            "net": .object(net), "given": .object(given.values), "handCheck": .object(HandCheckSection.values(d)),
        ]
        if let variant {
            context["variant"] = .object([
                "id": .string(variant.id), "seed": .number(String(variant.seed)), "number": .number(String(variant.number)),
            ])
        }
        let sheetBlocks = given.blocks.merging(statementBlocks) { first, _ in first }
        context["omitted"] = .list(Self.omissions(plan, d).map { .object(["text": .string($0)]) })
        context["exercises"] = .list(sheetExercises)
        let sheet = try render("exercises/sheet", title: "exercises/title", context: context, blocks: sheetBlocks, spec: trace.spec, library: library, stem: "exercises")
        context["exercises"] = .list(keyExercises)
        let key = try render("exercises/solutions", title: "exercises/solutions-title", context: context,
                             blocks: sheetBlocks.merging(solutionBlocks) { first, _ in first }, spec: trace.spec, library: library, stem: "solutions")
        return ExerciseSet(spec: trace.spec, variant: variant, sheet: sheet, solutions: key, answers: answers, kinds: plan.exercises.map(\.kind))
    }

    /// One sentence per default exercise left out, saying why, computed from the network.
    static func omissions(_ plan: ExercisePlan, _ d: Derivation) -> [String] {
        let focus = d.display.tex(d.focusSymbol)
        return plan.omitted.map { omission in
            switch omission {
            case .noOtherWeight(let deeper?):
                let deeperSymbol = d.display.tex(d.symbol(deeper.parameter))
                let number = plan.exercises.firstIndex(of: .deeperWeight(deeper)).map { " (Exercise \($0 + 1))" } ?? ""
                return "The exercise on another weight is left out: besides $\(focus)$ this network has only the weight $\(deeperSymbol)$, which the exercise on a weight of another layer\(number) asks for."
            case .noOtherWeight(nil):
                let count = d.network.weights.joined().joined().count
                return count == 1
                    ? "The exercise on another weight is left out: this network has a single weight."
                    : "The exercise on another weight is left out: this network has no weight besides $\(focus)$."
            case .singleWeightLayer:
                return "The exercise on a weight of another layer is left out: this network has a single layer of weights."
            case .singleEntryMatrices:
                let count = d.outputLayer
                return count == 1
                    ? "The full gradient matrix is left out: the network's weight matrix has a single entry, so a gradient matrix would be a single gradient."
                    : "The full gradient matrix is left out: each of the network's \(count) weight matrices has a single entry, so a gradient matrix would be a single gradient."
            }
        }
    }

    /// The values of exercise `number`'s statement: its own, its number, kind and kind flag.
    static func statement(of exercise: PlannedExercise, _ output: ExerciseOutput, number: Int) -> [String: MustacheValue] {
        var item = output.statement
        item["number"] = .number(String(number))
        item["kind"] = .string(exercise.kind.rawValue)
        for kind in ExerciseKind.allCases { item[flag(kind)] = .bool(kind == exercise.kind) }
        return item
    }

    static func flag(_ kind: ExerciseKind) -> String {
        switch kind {
        case .biasGradients: return "isBiasGradients"
        case .weightGradient: return "isWeightGradient"
        case .deeperWeight: return "isDeeperWeight"
        case .gradientMatrix: return "isGradientMatrix"
        case .sgdStep: return "isSGDStep"
        }
    }

    static func output(of exercise: PlannedExercise, _ d: Derivation, number: Int, prefix: String) throws -> ExerciseOutput {
        switch exercise {
        case .biasGradients:
            return try BiasGradientsExercise.build(d, number: number, prefix: prefix)
        case .weightGradient(let w):
            return try WeightGradientExercise.build(d, number: number, prefix: prefix, weight: w, deeper: false)
        case .deeperWeight(let w):
            return try WeightGradientExercise.build(d, number: number, prefix: prefix, weight: w, deeper: true)
        case .gradientMatrix(let l, let j, let k):
            return try GradientMatrixExercise.build(d, number: number, prefix: prefix, layer: l, row: j, column: k)
        case .sgdStep:
            return try SGDStepExercise.build(d, number: number, prefix: prefix)
        }
    }

    private func render(
        _ template: String, title: String, context: [String: MustacheValue], blocks: [String: Block],
        spec: Spec, library: TemplateLibrary, stem: String
    ) throws(HandoutError) -> RenderedDocument {
        let renderer = SectionRenderer(library: library, context: .object(context), generatedBlocks: blocks)
        // User text as the handout's title block places it (trimmed, one line).
        func text(_ s: String?) -> [Inline] { SectionRenderer.userText(s).map { [.text($0)] } ?? [] }
        let document = Document(
            metadata: Metadata(
                title: try renderer.inlines(template: title), subtitle: try renderer.inlines(template: "exercises/subtitle"),
                author: text(spec.author), course: text(spec.course), date: text(spec.date)
            ),
            blocks: try renderer.blocks(template: template)
        )
        do {
            return try options.writer(library: library, attachmentStem: stem).write(document)
        } catch let error as SourceError {
            throw .template(error.description)
        } catch let error as TemplateLibraryError {
            throw .template(error.description)
        } catch {
            throw .document(String(describing: error))
        }
    }
}

extension Spec {
    /// This spec with its first sample alone and no `training`: what an exercise sheet asks
    /// about, since its exercises (the SGD step included) concern one sample.
    var firstSampleAlone: Spec {
        var single = self
        single.samples = [sample]
        single.isBatch = false
        single.training = nil
        return single
    }
}
