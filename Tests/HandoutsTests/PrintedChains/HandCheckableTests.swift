import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing
import TestSupport
import Typesetting

/// Issue 16, "Must show": with `--hand-checkable`, every step of a handout or answer key whose
/// result is one printed number comes out as printed when redone from the printed operands
/// (`HandCheck`, the printed-chain evaluator's own parser and rounding), over the examples and
/// random specs of every shape and activation, in LaTeX and Markdown; the same documents pass
/// the chain re-evaluation (no false `=`, no `≈` beyond rounding). Each case prints the share
/// without the option and the extra digits the option prints per document.
@Suite struct HandCheckableTests {
    /// A spec to generate, its name, and the options it is generated with.
    struct Case: Sendable {
        var name: String
        var spec: Spec
        var notation: Notation? = nil
        var errorForm: ErrorForm = .hadamard
        var precision: DecimalFormat.Precision = .significantDigits(4)
    }

    /// The corpus, in groups that run in parallel.
    static let groups: [(String, @Sendable () throws -> [Case])] = [
        ("examples", {
            [Case(name: "seed-000", spec: HandoutFixtures.seed000),
             Case(name: "seed-002", spec: try HandoutFixtures.spec("seed-002.json")),
             Case(name: "seed-003", spec: try HandoutFixtures.spec("seed-003.json")),
             Case(name: "seed-004", spec: try HandoutFixtures.spec("seed-004.json"), notation: .lectureNotes, errorForm: .jacobian),
             Case(name: "seed-000 jacobian", spec: HandoutFixtures.seed000, errorForm: .jacobian)]
        }),
        ("named shapes", {
            PrintedChainTests.namedShapes.enumerated().map { index, shape in
                Case(name: shape.0, spec: ChainSpecs.make(layers: shape.1, activations: shape.2, loss: shape.3, seed: UInt64(index + 1)))
            }
        }),
        ("extremes", {
            [Case(name: "relu kink", spec: try SpecReader().read("""
                {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
                  "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
                 "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
                """)),
             Case(name: "saturated sigmoid", spec: try SpecReader().read("""
                {"network": {"layers": [1, 2, 1], "activations": ["sigmoid", "sigmoid"], "loss": "mse",
                  "weights": [[[30.5], [0.7]], [[0.4, -0.3]]], "biases": [[0, 0.1], [0.2]]},
                 "sample": {"input": [1], "target": [0.25]}, "focus": {"weight": [1, 1, 1]}}
                """))]
        }),
        ("precisions", {
            [DecimalFormat.Precision.significantDigits(2), .significantDigits(8), .significantDigits(10), .decimalPlaces(1), .decimalPlaces(3)]
                .flatMap { precision in
                    [Case(name: "seed-000 \(precision)", spec: HandoutFixtures.seed000, precision: precision),
                     Case(name: "random 3 \(precision)", spec: ChainSpecs.random(seed: 3), precision: precision)]
                }
        }),
        ("learning", { LearningSpecs.cases.map { Case(name: $0.name, spec: $0.spec) } }),
        ("random 1–6", { (UInt64(1)...6).map { Case(name: "random \($0)", spec: ChainSpecs.random(seed: $0)) } }),
        ("random 7–12", { (UInt64(7)...12).map { Case(name: "random \($0)", spec: ChainSpecs.random(seed: $0)) } }),
        ("RandomSpecs 1–10", { (UInt64(1)...10).map { Case(name: "RandomSpecs \($0)", spec: RandomSpecs.make(seed: $0)) } }),
        ("RandomSpecs 11–20", { (UInt64(11)...20).map { Case(name: "RandomSpecs \($0)", spec: RandomSpecs.make(seed: $0)) } }),
    ]

    /// The handout and answer key of `spec` in LaTeX and Markdown, checked into `report`.
    static func check(_ c: Case, handCheckable: Bool, into report: inout ChainCheckReport) throws {
        for format in [OutputFormat.latex, .markdown] {
            var options = HandoutOptions(format: format)
            if let notation = c.notation { options.notation = notation }
            options.errorForm = c.errorForm
            options.precision = c.precision
            options.handCheckable = handCheckable
            let handout = try HandoutGenerator(options: options).generate(c.spec).main
            let key = try ExerciseGenerator(options: options).generate(c.spec).solutions.main
            let suffix = format == .latex ? "" : ".md"
            if format == .latex {
                report.check(latex: handout, name: "\(c.name) handout\(suffix)")
                report.check(latex: key, name: "\(c.name) key\(suffix)")
            } else {
                report.check(markdown: handout, name: "\(c.name) handout\(suffix)")
                report.check(markdown: key, name: "\(c.name) key\(suffix)")
            }
        }
    }

    @Test(arguments: groups.indices)
    func everySingleNumberStepIsReproducible(_ index: Int) throws {
        let (label, cases) = Self.groups[index]
        var plain = ChainCheckReport(), checkable = ChainCheckReport()
        for c in try cases() {
            try Self.check(c, handCheckable: false, into: &plain)
            try Self.check(c, handCheckable: true, into: &checkable)
        }
        for sample in checkable.irreproducible.prefix(10) { Issue.record(Comment(rawValue: "not reproducible: \(sample)")) }
        #expect(checkable.reproducible == checkable.singleNumberSteps,
                "\(label): \(checkable.singleNumberSteps - checkable.reproducible) of \(checkable.singleNumberSteps) not reproducible")
        #expect(checkable.singleNumberSteps >= 10, "\(label): only \(checkable.singleNumberSteps) single-number steps")
        PrintedChainTests.expectClean(checkable, minimumChecked: 10, "hand-checkable \(label)")
        let extra = Double(checkable.printedDigits - plain.printedDigits) / Double(max(1, checkable.documents))
        print("""
            HandCheckableTests \(label): \(checkable.documents) documents; without the option \(plain.reproducible) of \
            \(plain.singleNumberSteps) single-number steps reproducible; with it \(checkable.reproducible) of \
            \(checkable.singleNumberSteps); digits printed \(plain.printedDigits) → \(checkable.printedDigits) \
            (\(String(format: "%.1f", extra)) extra per document)
            """)
        for sample in plain.irreproducible.prefix(4) { print("HandCheckableTests without the option: \(sample)") }
    }

    /// The hand-checkable documents read as cleanly as the others (`ProseCheck`), in every format.
    @Test(arguments: ProseCheckTests.cases.prefix(8))
    func documentsReadCleanly(_ c: ProseCheckTests.Case) throws {
        for format in OutputFormat.allCases {
            var options = HandoutOptions(format: format)
            options.handCheckable = true
            let check = ProseCheck(format: format, activations: Set(c.spec.network.activations))
            let set = try ExerciseGenerator(options: options).generate(c.spec)
            let documents = [("handout", try HandoutGenerator(options: options).generate(c.spec).main),
                             ("sheet", set.sheet.main), ("key", set.solutions.main)]
            for (kind, text) in documents {
                for problem in check.problems(in: text) { Issue.record("\(c.name), \(kind), \(format): \(problem)") }
            }
        }
    }

    /// The rounding rule the notation section states is the one the evaluator redoes steps
    /// with: its tie example, at each precision, rounds (half away from zero) as printed; and
    /// every handout states the rule, and the calculator paragraph appears only with the option.
    @Test(arguments: [DecimalFormat.Precision.significantDigits(4), .significantDigits(6), .decimalPlaces(2), .decimalPlaces(0)])
    func statedRoundingRuleMatches(_ precision: DecimalFormat.Precision) throws {
        #expect(PrintedHandCheck.round(try Rational.parse("0.12345"), places: 4) == (try Rational.parse("0.1235")))
        var options = HandoutOptions(format: .latex)
        options.precision = precision
        let ordinary = try HandoutGenerator(options: options).generate(HandoutFixtures.seed000).main
        #expect(!ordinary.contains("can be checked with a calculator"))
        #expect(ordinary.contains("rounded away from zero"))
        options.handCheckable = true
        let latex = try HandoutGenerator(options: options).generate(HandoutFixtures.seed000).main
        let pattern = try NSRegularExpression(pattern: #"\\\((-?[0-9.]+)\\\) (?:is shown )?as \\\((-?[0-9.]+)\\\)"#)
        let matches = pattern.matches(in: latex, range: NSRange(latex.startIndex..., in: latex))
        #expect(matches.count == 2, "the tie and its negative")
        for match in matches {
            let text = { (i: Int) in String(latex[Range(match.range(at: i), in: latex)!]) }
            let tie = try Rational.parse(text(1)), shown = try Rational.parse(text(2))
            let places = text(2).split(separator: ".").dropFirst().first?.count ?? 0
            #expect(PrintedHandCheck.round(tie, places: places) == shown, "\(text(1)) → \(text(2))")
            #expect(tie != shown && (tie - shown).magnitude * Rational(BigInt(10).power(places)) == Rational(1, 2), "a tie")
        }
    }
}
