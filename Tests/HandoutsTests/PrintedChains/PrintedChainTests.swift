import Backprop
import ExactArithmetic
import Handouts
import Typesetting
import Testing
import TestSupport

/// Issue 10, "Must show": every numeric step of every equation chain the writers print is
/// re-evaluated from the printed numbers alone, by a small evaluator in the tests
/// (`TeXMathParser`, `PrintedEvaluator`: exact rationals and double-precision enclosures of
/// exp, ln, tanh, σ — nothing from the engine or the typesetting): each `=` exactly true (as
/// printed, or in truth for transcendental values), each `≈` consistent with the shown rounding
/// and never between exactly equal sides. Handouts, sheets and answer keys in LaTeX; handouts
/// and keys also in Markdown (its math is the same TeX with colours spelled out).
@Suite struct PrintedChainTests {
    /// The spec's handout, exercise sheet and answer key as LaTeX, checked into `report`.
    static func checkDocuments(
        of spec: Spec, name: String, notation: Notation? = nil, errorForm: ErrorForm = .hadamard, markdown: Bool = false,
        into report: inout ChainCheckReport
    ) throws {
        var options = HandoutOptions(format: .latex)
        if let notation { options.notation = notation }
        options.errorForm = errorForm
        report.check(latex: try HandoutGenerator(options: options).generate(spec).main, name: "\(name) handout")
        let set = try ExerciseGenerator(options: options).generate(spec)
        report.check(latex: set.sheet.main, name: "\(name) sheet")
        report.check(latex: set.solutions.main, name: "\(name) key")
        guard markdown else { return }
        options.format = .markdown
        report.check(markdown: try HandoutGenerator(options: options).generate(spec).main, name: "\(name) handout.md")
        report.check(markdown: try ExerciseGenerator(options: options).generate(spec).solutions.main, name: "\(name) key.md")
    }

    static func expectClean(_ report: ChainCheckReport, minimumChecked: Int, _ label: String) {
        for failure in report.failures.prefix(20) { Issue.record(Comment(rawValue: failure)) }
        #expect(report.failures.isEmpty, "\(label): \(report.failures.count) failing steps")
        #expect(report.checked >= minimumChecked, "\(label): only \(report.checked) steps checked")
        print("""
            PrintedChainTests \(label): \(report.documents) documents, \(report.chains) chains, \(report.steps) steps: \
            \(report.checked) re-evaluated, \(report.symbolic) with a symbolic side, \(report.incomparable) incomparable
            """)
        for sample in report.incomparableSamples.prefix(3) { print("PrintedChainTests incomparable: \(sample)") }
    }

    // MARK: The evaluator itself

    /// The evaluator catches what issue 10 found: a false `=`, a `≈` between equal sides, and
    /// the path summary's `1.5 · 1 ≈ 0`.
    @Test func evaluatorCatchesFalseRelations() {
        func failures(_ math: String) -> [String] {
            var report = ChainCheckReport()
            report.check(latex: "\\begin{document}\\[\(math)\\]", name: "case")
            return report.failures
        }
        #expect(failures("\\err{1.5} \\cdot \\act{1} \\approx \\err{0}").count == 1)
        #expect(failures("0.35 + 0.4497 + 0.1 \\approx 0.8997").count == 1)
        #expect(failures("\\sigma(0.8997) \\approx \\frac{1}{1 + e^{-0.8997}}").count == 1)
        #expect(failures("\\sigma(0.25) = 0.5622").count == 1)
        #expect(failures("0.1 \\cdot 0.2 = 0.03").count == 1)
        #expect(failures("\\begin{pmatrix} 1 & 2 \\end{pmatrix} \\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix} \\approx 11").count == 1)
        #expect(failures("-(0 \\cdot \\ln(0.2) + 1 \\cdot \\ln(0.5)) \\approx -\\ln(0.5)").count == 1)
        // Correct chains pass.
        #expect(failures("\\act{a} = \\sigma(0.25) = \\frac{1}{1 + e^{-0.25}} \\approx \\act{0.5622}").isEmpty)
        #expect(failures("z \\approx \\wt{0.7} \\cdot \\act{0.5} + \\wt{0.8} \\cdot \\act{0.5622} + \\wt{0.1} \\approx 0.35 + 0.4497 + 0.1 = 0.8997").isEmpty)
        #expect(failures("\\begin{pmatrix} -0.02383 \\\\ \\vdots \\end{pmatrix} \\hadamard \\begin{pmatrix} 0.2055 \\\\ \\vdots \\end{pmatrix} = \\begin{pmatrix} -0.02383 \\cdot 0.2055 \\\\ \\vdots \\end{pmatrix} \\approx \\begin{pmatrix} -0.004898 \\\\ \\vdots \\end{pmatrix}").isEmpty)
        #expect(failures("8.497 \\times 10^{-10} \\approx 8.4971 \\times 10^{-10}").isEmpty)
    }

    /// The chains are found where the LaTeX writer puts them: aligned displays (scaled to the
    /// line by `\wbfit`), inline math,
    /// several statements separated by `\quad`.
    @Test func chainsAreFoundAndSplit() {
        let document = """
            \\begin{document}
            \\begin{equation*}
            \\wbfit[3em]{\\begin{aligned}
            z &= 0.1 + 0.2 \\\\
            &= 0.3
            \\end{aligned}}
            \\end{equation*}
            Text \\(x = 1, \\quad y \\approx 2\\) and \\[ w \\leftarrow 0.5 \\]
            """
        let (chains, steps) = PrintedChains.steps(inLaTeX: document)
        #expect(chains == 4)
        #expect(steps.map(\.relation) == [.equals, .equals, .equals, .approximately, .other])
    }

    // MARK: The documents

    @Test func builtinExamples() throws {
        var report = ChainCheckReport()
        try Self.checkDocuments(of: HandoutFixtures.seed000, name: "seed-000", markdown: true, into: &report)
        try Self.checkDocuments(of: HandoutFixtures.spec("seed-002.json"), name: "seed-002", markdown: true, into: &report)
        try Self.checkDocuments(of: HandoutFixtures.spec("seed-004.json"), name: "seed-004", notation: .lectureNotes, markdown: true, into: &report)
        let generator = ExerciseGenerator(options: HandoutOptions(format: .latex))
        for n in 1...3 {
            let set = try generator.generate(variant: ExerciseVariant(seed: 2026, number: n), of: HandoutFixtures.seed000,
                                             distribution: VariantDistribution())
            report.check(latex: set.sheet.main, name: "variant \(n) sheet")
            report.check(latex: set.solutions.main, name: "variant \(n) key")
        }
        Self.expectClean(report, minimumChecked: 150, "examples")
    }

    /// The shapes issue 10 names, and the degenerate ones.
    static let namedShapes: [(String, [Int], [Activation], Loss)] = [
        ("[6, 12, 4] sigmoid", [6, 12, 4], [.sigmoid, .sigmoid], .mse),
        ("[10, 16, 3] relu softmax", [10, 16, 3], [.relu, .softmax], .crossEntropy),
        ("[3, 9, 9, 2] tanh", [3, 9, 9, 2], [.tanh, .tanh, .tanh], .mse),
        ("[4, 5, 5, 3] relu", [4, 5, 5, 3], [.relu, .relu, .relu], .mse),
        ("[1, 1] linear", [1, 1], [.linear], .mse),
        ("[1, 1, 1] sigmoid", [1, 1, 1], [.sigmoid, .sigmoid], .mse),
        ("[14, 16, 1] tanh bce", [14, 16, 1], [.tanh, .sigmoid], .crossEntropy),
        ("[2, 3, 2] softmax mse", [2, 3, 2], [.linear, .softmax], .mse),
    ]

    @Test(arguments: namedShapes.indices)
    func namedShape(_ index: Int) throws {
        let (name, layers, activations, loss) = Self.namedShapes[index]
        var report = ChainCheckReport()
        try Self.checkDocuments(of: ChainSpecs.make(layers: layers, activations: activations, loss: loss, seed: UInt64(index + 1)),
                                name: name, markdown: true, into: &report)
        Self.expectClean(report, minimumChecked: 10, name)
    }

    /// Issue 12: the Jacobian form's D matrices and matrix–vector products re-evaluate too, for
    /// the examples, the named shapes (wide, softmax, one neuron) and random ones.
    @Test func jacobianForm() throws {
        var report = ChainCheckReport()
        try Self.checkDocuments(of: HandoutFixtures.seed000, name: "seed-000 jacobian", errorForm: .jacobian, markdown: true, into: &report)
        try Self.checkDocuments(of: HandoutFixtures.spec("seed-004.json"), name: "seed-004 jacobian", notation: .lectureNotes,
                                errorForm: .jacobian, markdown: true, into: &report)
        for (index, shape) in Self.namedShapes.enumerated() {
            try Self.checkDocuments(of: ChainSpecs.make(layers: shape.1, activations: shape.2, loss: shape.3, seed: UInt64(index + 1)),
                                    name: "\(shape.0) jacobian", errorForm: .jacobian, into: &report)
        }
        for seed in UInt64(1)...6 {
            try Self.checkDocuments(of: ChainSpecs.random(seed: seed), name: "random \(seed) jacobian", errorForm: .jacobian, into: &report)
        }
        Self.expectClean(report, minimumChecked: 300, "jacobian form")
    }

    /// Issue 10's [2, 2, 1] network: a ReLU kink at z⁽¹⁾₁ = 0 and no active path.
    @Test func reluKinkWithNoActivePath() throws {
        let spec = try SpecReader().read("""
            {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
              "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
             "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
            """)
        var report = ChainCheckReport()
        try Self.checkDocuments(of: spec, name: "relu kink", markdown: true, into: &report)
        Self.expectClean(report, minimumChecked: 20, "relu kink")
    }

    /// Issue 13: mini-batches, update steps and training runs; their sheets and keys concern the
    /// first sample alone.
    @Test(arguments: LearningSpecs.cases.indices)
    func learningShape(_ index: Int) throws {
        let (name, spec) = LearningSpecs.cases[index]
        var report = ChainCheckReport()
        try Self.checkDocuments(of: spec, name: name, markdown: true, into: &report)
        Self.expectClean(report, minimumChecked: 10, name)
    }

    @Test func learningExamples() throws {
        var report = ChainCheckReport()
        try Self.checkDocuments(of: HandoutFixtures.spec("seed-003.json"), name: "seed-003", markdown: true, into: &report)
        Self.expectClean(report, minimumChecked: 40, "seed-003")
    }

    /// Random shapes: widths up to 16, inputs up to 14, every activation and loss.
    @Test(arguments: Array(UInt64(1)...12))
    func randomShape(_ seed: UInt64) throws {
        var report = ChainCheckReport()
        try Self.checkDocuments(of: ChainSpecs.random(seed: seed), name: "random \(seed)", into: &report)
        // The shared property-test specs (depth up to 6).
        try Self.checkDocuments(of: RandomSpecs.make(seed: seed), name: "RandomSpecs \(seed)", into: &report)
        Self.expectClean(report, minimumChecked: 10, "random \(seed)")
    }
}

/// Specs for the chain check: given shapes with random parameters, or random shapes up to the
/// widths issue 10 asks for (layers up to 16 wide, inputs up to 14).
enum ChainSpecs {
    static func make(layers: [Int], activations: [Activation], loss: Loss, seed: UInt64) -> Spec {
        var g = SplitMix64(seed: seed &* 7919)
        let outputs = layers[layers.count - 1]
        let target: [Rational]
        if loss == .crossEntropy && activations.last == .softmax {
            let hot = Int.random(in: 0..<outputs, using: &g)
            target = (0..<outputs).map { $0 == hot ? 1 : 0 }
        } else if loss == .crossEntropy {
            target = [Rational(BigInt(Int.random(in: 0...4, using: &g)), 4)]
        } else {
            target = (0..<outputs).map { _ in RandomSpecs.decimal(&g) }
        }
        return RandomSpecs.spec(layers: layers, activations: activations, loss: loss, target: target, learningRate: Rational(1, 2), using: &g)
    }

    static func random(seed: UInt64) -> Spec {
        var g = SplitMix64(seed: seed &* 104_729)
        let depth = Int.random(in: 1...3, using: &g)
        var layers = [Int.random(in: 1...14, using: &g)] + (1...depth).map { _ in Int.random(in: 1...16, using: &g) }
        let hidden: [Activation] = [.sigmoid, .tanh, .relu, .linear]
        var activations = (1..<depth).map { _ in hidden.randomElement(using: &g)! }
        let loss: Loss = Bool.random(using: &g) ? .mse : .crossEntropy
        if loss == .crossEntropy {
            if Bool.random(using: &g) {
                layers[depth] = max(2, layers[depth])
                activations.append(.softmax)
            } else {
                layers[depth] = 1
                activations.append(.sigmoid)
            }
        } else {
            let output = (hidden + [.softmax]).randomElement(using: &g)!
            if output == .softmax { layers[depth] = max(2, layers[depth]) }
            activations.append(output)
        }
        return make(layers: layers, activations: activations, loss: loss, seed: seed)
    }
}
