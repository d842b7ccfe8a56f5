import Backprop
import Foundation
import Handouts
import Testing

@Suite struct SummaryPathsTests {
    /// A [3, 10, 10, 1] sigmoid network: 10 paths from w⁽¹⁾₂,₁, more than the 8 shown.
    static let wide = widths(offset: 0.05)
    /// The same with some weights exactly 0: two of the ten paths are inactive.
    static let withZeroWeights = widths(offset: 0)

    static func widths(offset: Double) -> Spec {
        func matrix(_ rows: Int, _ columns: Int, _ seed: Int) -> String {
            "[" + (0..<rows).map { j in
                "[" + (0..<columns).map { k in String(Double(((j * 7 + k * 3 + seed) % 19) - 9) / 10 + offset) }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
        }
        func vector(_ n: Int) -> String { "[" + (0..<n).map { String(Double($0 % 5) / 10) }.joined(separator: ", ") + "]" }
        let json = """
        {"network": {"layers": [3, 10, 10, 1], "activation": "sigmoid", "loss": "mse",
          "weights": [\(matrix(10, 3, 1)), \(matrix(10, 10, 2)), \(matrix(1, 10, 3))],
          "biases": [\(vector(10)), \(vector(10)), [0.1]]},
         "sample": {"input": [1.0, 0.5, -1.0], "target": [1.0]},
         "focus": {"weight": [1, 2, 1]}, "learningRate": 0.5, "epsilon": 1e-5}
        """
        return try! SpecReader().read(json)
    }

    /// Issue 10's [2, 2, 1] ReLU-then-linear network whose only path runs through z⁽¹⁾₁ = 0, where
    /// ReLU′ is taken as 0: the summary keeps every factor of the path, the zero one included,
    /// and the chain is exact, `= 0` (it printed `≈ 1.5 · 1 ≈ 0` before).
    @Test func noActivePathKeepsItsFactors() throws {
        let spec = try SpecReader().read("""
        {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
          "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
         "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
        """)
        let latex = try HandoutFixtures.handout(spec, .latex)
        let summary = try #require(latex.range(of: "Substituting the values:"))
        let chain = String(latex[summary.upperBound...].prefix(400))
        #expect(chain.contains("&= \\err{1.5} \\cdot \\act{1} \\cdot (\\wt{1}) \\cdot \\act{0} \\cdot \\inp{1}"))
        #expect(chain.contains("&= \\err{0}"))
        #expect(!chain.contains("\\approx"))
        #expect(latex.contains("The only path is inactive"))
        #expect(!latex.contains("of the 1 paths") && !latex.contains("of the one routes"))
    }

    /// A [1, 1, 1] network has one path: the summary is one product of local derivatives,
    /// without a bracket around the path or an underbrace numbering it 1.
    @Test func singlePathIsOneProduct() throws {
        let spec = try SpecReader().read("""
        {"network": {"layers": [1, 1, 1], "activations": ["sigmoid", "sigmoid"], "loss": "mse",
          "weights": [[[0.5]], [[-0.7]]], "biases": [[0.1], [0.2]]},
         "sample": {"input": [0.8], "target": [1]}, "focus": {"weight": [1, 1, 1]}}
        """)
        let latex = try HandoutFixtures.handout(spec, .latex)
        let end = try #require(latex.range(of: "\\label{eq:summary-paths}"))
        let start = try #require(latex.range(of: "\\wbfit", options: .backwards, range: latex.startIndex..<end.lowerBound))
        let equation = String(latex[start.lowerBound..<end.lowerBound])
        #expect(equation.contains("\\cdot \\wt{w_{1,1}^{(2)}} \\cdot"))
        #expect(!equation.contains("\\underbrace") && !equation.contains("\\left["))
    }

    /// Three paths through a dead focus neuron: the summary says none is active and, every
    /// contribution being exact, does not call them rounded.
    @Test func noneOfSeveralPathsIsActive() throws {
        let spec = try SpecReader().read("""
        {"network": {"layers": [2, 2, 3, 1], "activations": ["relu", "relu", "linear"], "loss": "mse",
          "weights": [[[-1, -1], [1, 1]], [[1, 1], [0.5, 1], [1, -1]], [[1, 1, 1]]], "biases": [[0, 0], [0, 0, 0], [0]]},
         "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
        """)
        let latex = try HandoutFixtures.handout(spec, .latex)
        #expect(latex.contains("None of the 3 paths is active: each contains a factor that is exactly zero"))
        #expect(latex.contains("Substituting, the contributions add up to the gradient:"))
        #expect(!latex.contains("each is shown rounded"))
        #expect(latex.contains("&= \\err{0} + \\err{0} + \\err{0}"))
    }

    /// The seed's two paths: symbolic, substituted as in the seed, contributions, and `≈`.
    @Test func seedHasTwoPathsSummingToTheGradient() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("\\underbrace{"))
        #expect(latex.contains("-0.0008571"))
        #expect(latex.contains("0.001263"))
        #expect(latex.contains("All 2 paths are active"))
        // The rounded contributions sum to −0.0021201, not the rounded gradient −0.002121.
        #expect(latex.contains("\\approx \\err{-0.002121}"))
    }

    /// Ten paths: eight written out, the other two counted and summed; the symbolic form sums
    /// over the hidden neuron index instead of listing ten terms.
    @Test func wideNetworkSummarisesPathsBeyondTheLimit() throws {
        let markdown = try HandoutFixtures.handout(Self.wide, .markdown)
        #expect(markdown.contains("the other 2 paths, together"))
        #expect(markdown.contains("\\left[\\sum_{i_{2}}"))
        #expect(markdown.contains("| 8 | $z_{2}^{(1)} \\to z_{8}^{(2)} \\to z_{1}^{(3)}$ |"))
        #expect(!markdown.contains("| 9 |"))
    }

    /// Paths with an exactly zero factor are counted, not listed.
    @Test func inactivePathsAreLeftOut() throws {
        let markdown = try HandoutFixtures.handout(Self.withZeroWeights, .markdown)
        #expect(markdown.contains("8 of the 10 paths are active; the other 2 contain a factor that is exactly zero"))
        #expect(!markdown.contains("paths, together"))
    }

    /// The chain relations follow the digits: never `=` between rounded sums and the gradient
    /// unless the digits agree exactly.
    @Test func relationsAreDecidedByTheChain() throws {
        let latex = try HandoutFixtures.handout(Self.wide, .latex)
        let chain = try #require(latex.range(of: "together"))
        #expect(latex[chain.upperBound...].contains("\\approx"))
    }
}
