import Foundation
import Testing

/// Valid specs at the extremes of double precision and of the precision cap produce every
/// document — handout, sheet and answer key, in each format — with exit 0, and say plainly what
/// IEEE double cannot represent or the most precise trace cannot certify, instead of stopping.
@Suite struct ExtremeSpecDocumentsTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var layers: String, activations: String, loss: String, weights: String, biases: String
        var input: String, target: String
        var learningRate = "0.5"
        /// In the handout's verification section.
        var handout: [String]
        /// In the answer key (the gradient-matrix check and the SGD step).
        var key: [String]

        var description: String { name }

        var json: String {
            """
            {"network": {"layers": \(layers), "activations": \(activations), "loss": "\(loss)",
              "weights": \(weights), "biases": \(biases)},
             "sample": {"input": \(input), "target": \(target)}, "focus": {"weight": [1, 1, 1]},
             "learningRate": \(learningRate), "epsilon": 1e-5}
            """
        }
    }

    static let doubleCannotCheck = "IEEE double cannot represent this check"
    static let changeBelowSpacing = "IEEE double cannot represent it"
    static let changeUncertified = "do not certify it"
    /// The SGD step's change proven far below what the top precision resolves, at once.
    static let changeProvenSmall = "by the mean value theorem it is at most the size of the step times the largest gradient along it"

    static let cases: [Case] = [
        // σ(3000): L⁺ = L⁻ in double; the SGD step moves the loss by about 10⁻¹⁷³⁸ (σ(−2000)²), beyond 4096 bits.
        Case(name: "sigmoid z = ±3000", layers: "[1, 2]", activations: #"["sigmoid"]"#, loss: "mse",
             weights: "[[[3000], [-2000]]]", biases: "[[0, 0]]", input: "[1]", target: "[0.5, 0.5]",
             handout: [changeBelowSpacing], key: [changeBelowSpacing, changeProvenSmall]),
        // Softmax logits 800 apart: e^−800 underflows, ln 0 = −∞, FD = NaN.
        Case(name: "softmax logit 800", layers: "[1, 2]", activations: #"["softmax"]"#, loss: "cross-entropy",
             weights: "[[[800], [0]]]", biases: "[[0, 0]]", input: "[1]", target: "[0, 1]",
             handout: [doubleCannotCheck], key: [doubleCannotCheck]),
        // Softmax and MSE with logits 30000 apart: the change of the loss is near 10⁻²⁶⁰⁵⁷.
        Case(name: "softmax MSE gap 30000", layers: "[1, 2]", activations: #"["softmax"]"#, loss: "mse",
             weights: "[[[30000], [0]]]", biases: "[[0, 0]]", input: "[1]", target: "[0, 1]",
             handout: [changeBelowSpacing], key: [changeProvenSmall]),
        // Saturated binary cross-entropy: σ(50) rounds to 1, ln(1 − a) = ln 0.
        Case(name: "saturated binary cross-entropy", layers: "[2, 1]", activations: #"["sigmoid"]"#, loss: "cross-entropy",
             weights: "[[[50, 0]]]", biases: "[[0]]", input: "[1, 1]", target: "[0]",
             handout: [doubleCannotCheck], key: [doubleCannotCheck]),
        // σ(−800) rounds to 0 with y = 0: 0 · ln 0 = NaN; the step changes the loss by 10⁻⁶⁹⁵.
        Case(name: "binary cross-entropy 0 · ln 0", layers: "[2, 1]", activations: #"["sigmoid"]"#, loss: "cross-entropy",
             weights: "[[[-800, 0]]]", biases: "[[0]]", input: "[1, 1]", target: "[0]",
             handout: [doubleCannotCheck], key: [doubleCannotCheck, "too little to show in the digits of"]),
        // η = 10⁶: the new loss is near 10⁻²⁸²⁹¹⁶, certified.
        Case(name: "learning rate 1e6", layers: "[2, 2, 1]", activations: #"["sigmoid", "sigmoid"]"#, loss: "cross-entropy",
             weights: "[[[0.3, -0.2], [0.5, 0.1]], [[0.7, -0.4]]]", biases: "[[0.1, 0], [0.2]]", input: "[1, 0.5]", target: "[1]",
             learningRate: "1e6", handout: ["Verification passed"], key: ["The loss decreased from", "the two agree"]),
    ]

    @Test(arguments: cases, ["latex", "markdown", "html"])
    func everyDocumentIsProduced(_ c: Case, format: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", c.json)
        let ext = ["latex": "tex", "markdown": "md", "html": "html"][format]!
        let handout = CapturedRun(["handout", spec, "--format", format, "-o", folder.file("handout.\(ext)")])
        #expect(handout.exitCode == 0, "\(handout.error)")
        let exercises = CapturedRun(["exercises", spec, "--format", format, "-o", folder.file("out")])
        #expect(exercises.exitCode == 0, "\(exercises.error)")
        guard handout.exitCode == 0, exercises.exitCode == 0 else { return }
        func read(_ name: String) throws -> String { try String(contentsOfFile: folder.file(name), encoding: .utf8) }
        let handoutText = try read("handout.\(ext)")
        for sentence in c.handout { #expect(handoutText.contains(sentence), "handout: \(sentence)") }
        let key = try read("out/solutions.\(ext)")
        for sentence in c.key { #expect(key.contains(sentence), "key: \(sentence)") }
        // The sheet states the exercises and gives no solutions, so no verdict on the check.
        let sheet = try read("out/exercises.\(ext)")
        #expect(sheet.contains("Exercise") && !sheet.contains(Self.doubleCannotCheck) && !sheet.contains(Self.changeProvenSmall))
        #expect(!key.contains("try another"))
    }

    /// σ(3000) and σ(−3000) give gradients equal in magnitude that no enclosure can tell apart:
    /// what remains an error (exit 5) names the comparison it could not decide.
    @Test func anUndecidableComparisonIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var c = Self.cases[0]
        c.weights = "[[[3000], [-3000]]]"
        let spec = try folder.write("spec.json", c.json)
        let run = CapturedRun(["exercises", spec, "-o", folder.file("out")])
        #expect(run.exitCode == 5)
        #expect(run.error.contains("the value of |dL/dw1_2,1| / |dL/dw1_1,1| - 1 (Exercise 2 compares the two magnitudes), at 4096 bits"), "\(run.error)")
    }

    /// No number in answers.json is ±∞ or NaN: an estimate double cannot represent is left out,
    /// and a change the most precise trace cannot certify is not given as an answer.
    @Test func answersStayValidJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for c in Self.cases.prefix(3) {
            let spec = try folder.write("spec.json", c.json)
            let run = CapturedRun(["exercises", spec, "-o", folder.file(c.name.filter(\.isLetter))])
            #expect(run.exitCode == 0, "\(run.error)")
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.file(c.name.filter(\.isLetter) + "/answers.json")))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let exercises = try #require(json?["exercises"] as? [[String: Any]])
            let ids = exercises.flatMap { ($0["answers"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
            #expect(ids.contains { $0.hasSuffix(".Lnew") })
            if c.key.contains(Self.changeProvenSmall) { #expect(!ids.contains { $0.hasSuffix(".change") }) }
            if c.key.contains(Self.doubleCannotCheck) { #expect(!ids.contains { $0.contains(".fd") }) }
        }
    }

    /// Softmax and MSE with logits 2·10⁶ apart (weights ±10⁶, the spec's limit): the output
    /// a₂ = 1/(1 + e^(2·10⁶)) lies near 10⁻⁸⁶⁸⁵⁸⁹ and the SGD step changes the loss by about
    /// 8a₂² (each of the four gradients is ±2a₁²a₂, η = 1/2) near 10⁻¹⁷³⁷¹⁷⁸. Handout, sheet and
    /// key are produced, show those values correctly rounded — the expected digits come from
    /// log₁₀ a₂ = −2·10⁶ log₁₀ e in double, exact to about 10⁻¹⁰ — and the key proves the
    /// change far below what any working precision resolves instead of stopping.
    @Test func softmaxMSEAtTheLargestLogitGap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var c = Self.cases[2]
        c.weights = "[[[1000000], [-1000000]]]"
        let spec = try folder.write("spec.json", c.json)
        let handout = CapturedRun(["handout", spec, "-o", folder.file("handout.tex")])
        #expect(handout.exitCode == 0, "\(handout.error)")
        let exercises = CapturedRun(["exercises", spec, "-o", folder.file("out")])
        #expect(exercises.exitCode == 0, "\(exercises.error)")
        guard handout.exitCode == 0, exercises.exitCode == 0 else { return }
        func read(_ name: String) throws -> String { try String(contentsOfFile: folder.file(name), encoding: .utf8) }
        /// x = 10^log10x to four significant digits, as the documents write it.
        func shown(log10 value: Double) -> String {
            let exponent = Int(value.rounded(.down))
            return String(format: "%.3f", pow(10, value - Double(exponent))) + " \\times 10^{\(exponent)}"
        }
        let log10A2 = -2_000_000 / M_LN10
        let a2 = shown(log10: log10A2), firstOrder = shown(log10: log10(8) + 2 * log10A2)
        #expect(a2 == "1.087 \\times 10^{-868589}" && firstOrder == "9.451 \\times 10^{-1737178}")
        let handoutText = try read("handout.tex")
        #expect(handoutText.contains("\\act{\(a2)}"))
        #expect(handoutText.contains(Self.changeBelowSpacing))
        let key = try read("out/solutions.tex")
        #expect(key.contains(Self.changeProvenSmall))
        #expect(key.contains("\\lVert \\nabla \\mathcal{L} \\rVert^{2} \\approx -\(firstOrder)"))
        // The bound (1.1 times the mean-value bound, to two digits) lies above the first-order size.
        let bound = try #require(key.firstMatch(of: #/- \\mathcal\{L\} \\rvert < ([0-9.]+) \\times 10\^\{(-[0-9]+)\}/#)).output
        #expect(bound.2 == "-1737177" && Double(bound.1)! >= 0.9451)
        #expect(!key.contains(Self.changeUncertified) && !key.contains("try another"))
        let sheet = try read("out/exercises.tex")
        #expect(sheet.contains("Take one step of gradient descent") && !sheet.contains(Self.changeProvenSmall))
        #expect(!sheet.contains(a2))
    }
}
