import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import JSON
import Testing

@Suite struct ExerciseTests {
    static func seedSet(_ format: OutputFormat = .latex) throws -> ExerciseSet {
        try ExerciseGenerator(options: HandoutOptions(format: format)).generate(HandoutFixtures.seed000)
    }

    /// The seed's five exercises with their true values.
    @Test func seedSolutionsHoldTheTrueValues() throws {
        let key = try Self.seedSet().solutions.main
        // Bias gradients are the δ values.
        for delta in ["-0.002121", "-0.002347", "-0.004898", "-0.005615", "-0.07944"] { #expect(key.contains(delta)) }
        #expect(key.contains("\\boxed{\\err{0.002347}}"))        // ∂L/∂w⁽¹⁾₂,₃
        #expect(key.contains("\\boxed{\\err{-0.002753}}"))       // ∂L/∂w⁽²⁾₁,₂
        #expect(key.contains("-0.002121 & -0.001060 & 0.002121 \\\\ -0.002347 & -0.001173 & 0.002347"))  // ∂L/∂W⁽¹⁾
        #expect(key.contains("The loss decreased from \\(0.06105\\) to \\(0.05463\\)"))
        #expect(key.contains("\\boxed{0.05463}"))
    }

    @Test func seedAnswersFile() throws {
        let set = try Self.seedSet()
        func answer(_ id: String) -> ExerciseAnswer? { set.answers.first { $0.id == id } }
        #expect(answer("2.dL/dw1_2,3")?.shown == "0.002347")
        #expect(answer("3.dL/dw2_1,2")?.shown == "-0.002753")
        #expect(answer("5.Lnew")?.shown == "0.05463")
        #expect(answer("5.change")?.shown.hasPrefix("-0.0064") == true)
        #expect(set.kinds == [.biasGradients, .weightGradient, .deeperWeight, .gradientMatrix, .sgdStep])
        #expect(set.answers.filter { $0.exercise == 4 }.count == 7)  // six entries and the finite difference
        let json = JSONWriter().write(set.answersJSON)
        let parsed = try JSONParser().parse(json)
        guard case .object(let members) = parsed else { Issue.record("answers.json is not an object"); return }
        #expect(members.map(\.key) == ["variant", "architecture", "exercises"])
    }

    /// The sheet shows none of the answers, in any format.
    @Test(arguments: OutputFormat.allCases) func sheetHasNoAnswers(format: OutputFormat) throws {
        let set = try Self.seedSet(format)
        for answer in set.answers {
            #expect(!set.sheet.main.contains(answer.shown), "the sheet shows \(answer.id) = \(answer.shown)")
        }
        #expect(set.sheet.main.contains("Another weight"))
        for mark in ["(a)", "\\(a\\)"] { #expect(!set.sheet.main.contains(mark)) }  // no part of any worked solution
        #expect(set.solutions.main.contains("(a)") || set.solutions.main.contains("\\(a\\)"))
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let generator = ExerciseGenerator(options: HandoutOptions(format: .html))
        func variant(_ seed: UInt64, _ n: Int) throws -> ExerciseSet {
            let v = ExerciseVariant(seed: seed, number: n)
            return try generator.generate(variant: v, of: HandoutFixtures.seed000, distribution: VariantDistribution())
        }
        let a = try variant(42, 3), b = try variant(42, 3), c = try variant(43, 3), d = try variant(42, 4)
        #expect(a.sheet == b.sheet && a.solutions == b.solutions && a.answersJSON == b.answersJSON)
        #expect(a.sheet != c.sheet && a.answersJSON != c.answersJSON)
        #expect(a.sheet != d.sheet)
        // The sheet names its variant; only the key (and the overview) says how to rebuild it.
        #expect(a.sheet.main.contains("variant 42-03"))
        #expect(!a.sheet.main.contains("worked-backprop exercises"))
        #expect(a.solutions.main.contains("Variant 42-03"))
        #expect(a.solutions.main.contains("worked-backprop exercises SPEC --seed 42 --variant 3"))
    }

    /// The grader's overview: for each exercise, tables with one row per variant holding that
    /// variant's answers in order, the quantities named once in the header; folder names and
    /// the rebuild command printed as written.
    @Test func overviewIsATableWithOneRowPerVariant() throws {
        let generator = ExerciseGenerator(options: HandoutOptions(format: .latex))
        let sets = try (1...3).map { n in
            try generator.generate(variant: ExerciseVariant(seed: 7, number: n), of: HandoutFixtures.seed000, distribution: VariantDistribution())
        }
        let main = try generator.overview(sets).main
        #expect(!main.contains("textbackslash") && !main.contains("variant\\-"))
        #expect(main.contains("\\texttt{variant-NN}"))
        #expect(main.contains("\\texttt{worked-backprop exercises SPEC -\\mbox{}-seed 7 -\\mbox{}-variant N}"))
        let rows = main.split(separator: "\n").filter { $0.hasPrefix("7-0") }
        for set in sets {
            let own = rows.filter { $0.hasPrefix(set.variant!.id + " &") }
            // Each answer once, in its variant's rows, in order.
            let cells = own.flatMap { $0.dropLast(3).split(separator: " & ").dropFirst() }
            #expect(cells.count == set.answers.count)
            for (cell, answer) in zip(cells, set.answers) {
                #expect(cell == "\\(\(answer.shownExact ? "=" : "\\approx") \(answer.shownTeX)\\)")
            }
        }
        // Wide exercises take several tables of at most `overviewAnswersPerTable` answers.
        let widest = rows.map { $0.components(separatedBy: " & ").count - 1 }.max() ?? 0
        #expect(widest == ExerciseGenerator.overviewAnswersPerTable)
    }

    /// Every variant's answers agree with a fresh engine trace of its spec.json, read back.
    @Test func variantAnswersAgreeWithTheEngine() throws {
        let generator = ExerciseGenerator(options: HandoutOptions(format: .markdown))
        for n in 1...60 {
            let variant = ExerciseVariant(seed: 2024, number: n)
            let set = try generator.generate(variant: variant, of: HandoutFixtures.seed000, distribution: VariantDistribution())
            let spec = try SpecReader().read(JSONWriter().write(SpecEncoder().encode(set.spec)))
            #expect(spec == set.spec)
            let trace = try Engine(precision: 256).trace(spec)
            let expected = Self.expectedAnswers(trace)
            #expect(set.answers.count == expected.count)
            for answer in set.answers {
                let truth = try #require(expected[answer.id], "no engine value for \(answer.id)")
                let value = try Rational.parse(answer.value)
                let error = (value - truth.midpoint).magnitude
                // 15 significant digits: far inside the suggested tolerance.
                #expect(error <= truth.midpoint.magnitude * Rational(1, 100_000_000_000_000) + (truth.upperBound - truth.lowerBound),
                        "variant \(variant.id) \(answer.id): \(answer.value) vs \(truth)")
                #expect(answer.exact == (truth.exactValue != nil && truth.exactValue == value))
            }
        }
    }

    /// The engine's value of every answer id, computed directly from the trace.
    static func expectedAnswers(_ trace: Trace) -> [String: Real] {
        var out: [String: Real] = [:]
        let L = trace.spec.network.outputLayer
        for l in 1...L {
            for (j, d) in trace.deltas[l].enumerated() { out["1.dL/db\(l)_\(j + 1)"] = d }
        }
        let requests = trace.spec.exercises!
        for (i, request) in requests.enumerated() {
            let n = i + 1
            switch request.kind {
            case .weightGradient, .deeperWeight:
                let w = request.weight!
                out["\(n).dL/dw\(w.layer)_\(w.to),\(w.from)"] = trace.weightGradients[w.layer - 1][w.to - 1][w.from - 1]
            case .gradientMatrix:
                let l = request.layer!
                for (j, row) in trace.weightGradients[l - 1].enumerated() {
                    for (k, g) in row.enumerated() { out["\(n).dL/dW\(l)_\(j + 1),\(k + 1)"] = g }
                }
                let check = try! trace.finiteDifference(of: .weight(layer: l, to: request.entry![0], from: request.entry![1]))
                out["\(n).fd\(l)_\(request.entry![0]),\(request.entry![1])"] = .exact(Rational(exactly: check.estimate)!)
            case .sgdStep:
                for l in 1...L {
                    for (j, row) in trace.update.weights[l - 1].enumerated() {
                        for (k, w) in row.enumerated() { out["\(n).w\(l)_\(j + 1),\(k + 1)new"] = w }
                    }
                    for (j, b) in trace.update.biases[l - 1].enumerated() { out["\(n).b\(l)_\(j + 1)new"] = b }
                }
                out["\(n).Lnew"] = trace.update.loss
                out["\(n).change"] = trace.update.change
            case .biasGradients:
                break
            }
        }
        return out
    }

    /// Other architectures and activations: every kind renders, in every format.
    @Test(arguments: ["seed-002.json", "seed-004.json"]) func otherExamples(name: String) throws {
        let spec = try HandoutFixtures.spec(name)
        for format in OutputFormat.allCases {
            let set = try ExerciseGenerator(options: HandoutOptions(format: format)).generate(spec)
            #expect(set.answers.count > 0)
            for answer in set.answers where answer.shown.count > 4 {
                #expect(!set.sheet.main.contains(answer.shown), "\(name): the sheet shows \(answer.id)")
            }
        }
    }
}

/// A softmax layer of width 2 has δ₂ = −δ₁ exactly, for any loss (softmax ignores a common
/// shift of its logits, so its errors sum to 0). Comparing w⁽¹⁾₂,₁ with w⁽¹⁾₁,₁ (the same input)
/// gives a ratio of exactly 1, which an enclosure could never decide against 1.
@Suite struct TwoOutputSoftmaxComparisonTests {
    @Test(arguments: ["cross-entropy", "mse"]) func ratioIsExactlyOne(loss: String) throws {
        let spec = try SpecReader().read("""
        {"network": {"layers": [1, 2], "activations": ["softmax"], "loss": "\(loss)",
          "weights": [[[0.8], [0.3]]], "biases": [[0, 0.1]]},
         "sample": {"input": [1.5], "target": [0, 1]}, "focus": {"weight": [1, 1, 1]},
         "exercises": [{"kind": "weight-gradient", "weight": [1, 2, 1]}]}
        """)
        let key = try ExerciseGenerator(options: HandoutOptions(format: .markdown)).generate(spec).solutions.main
        #expect(key.contains("this gradient is exactly as large in magnitude"))
        #expect(key.contains("opposite sign") || key.contains("negative") && key.contains("positive"))
    }
}
