import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing

/// A ReLU pre-activation at exactly 0 on the focus parameter's way: the handout must say the
/// loss has one-sided slopes, show them, and explain the failed finite-difference check by the
/// kink rather than by ε. The slopes are checked against one-sided difference quotients of the
/// engine's exact losses at θ ± t, independent of how the handout computes them.
@Suite struct KinkTests {
    /// A spec and the one-sided slopes the handout should print for it.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        var testDescription: String { name }
    }

    static let cases = [
        // Issue 10: z⁽¹⁾₁ = 1 − 1 = 0 at the focus neuron; slopes 1.5 and 0.
        Case(name: "focus neuron at the kink", json: """
            {"network": {"layers": [2, 2, 1], "activations": ["relu", "linear"], "loss": "mse",
              "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
             "sample": {"input": [1, 1], "target": [0.5]}, "focus": {"weight": [1, 1, 1]}}
            """),
        // The kink is a layer below the focus, whose own gradient is not 0.
        Case(name: "kink downstream of the focus", json: """
            {"network": {"layers": [1, 2, 2, 1], "activations": ["relu", "relu", "linear"], "loss": "mse",
              "weights": [[[1], [2]], [[1, -0.5], [0.5, 0.5]], [[1, 2]]], "biases": [[0, 0], [0, 0], [0]]},
             "sample": {"input": [1], "target": [0.25]}, "focus": {"bias": [1, 2]}}
            """),
        // A sigmoid output after the kink: certified, not exact, slopes.
        Case(name: "kink before a sigmoid output", json: """
            {"network": {"layers": [2, 2, 1], "activations": ["relu", "sigmoid"], "loss": "cross-entropy",
              "weights": [[[1, -1], [1, 1]], [[1, 1]]], "biases": [[0, 0], [0]]},
             "sample": {"input": [1, 1], "target": [1]}, "focus": {"weight": [1, 1, 2]}}
            """),
    ]

    @Test(arguments: cases)
    func oneSidedSlopesAreTheLossesOwn(_ c: Case) throws {
        let spec = try SpecReader().read(c.json)
        let text = try HandoutFixtures.handout(spec, .markdown)
        let right = try #require(Self.number(after: #"D_\{\+\} (=|\\approx) "#, in: text), "\(c.name): no D₊")
        let left = try #require(Self.number(after: #"D_\{-\} (=|\\approx) "#, in: text), "\(c.name): no D₋")
        let t = Rational(1, 1_000_000_000)
        let loss = try Self.loss(spec, shift: Rational(0))
        let rightQuotient = (try Self.loss(spec, shift: t) - loss) / t
        let leftQuotient = (loss - (try Self.loss(spec, shift: -t))) / t
        // The handout shows 4 significant digits; the quotients are within O(t) of the slopes.
        #expect(abs(rightQuotient.toDouble() - right) <= 1e-3 * max(1, abs(right)), "\(c.name): D₊ \(right) vs \(rightQuotient.toDouble())")
        #expect(abs(leftQuotient.toDouble() - left) <= 1e-3 * max(1, abs(left)), "\(c.name): D₋ \(left) vs \(leftQuotient.toDouble())")
        #expect(right != left)
        #expect(text.contains("Kink"))
        #expect(!text.contains("try another"), "\(c.name): blames ε")
        #expect(!text.contains("does not change the loss to first order"))
    }

    /// The failed check names the kink, the mean of the slopes it estimates, and says no ε helps.
    @Test func verificationExplainsTheKink() throws {
        let spec = try SpecReader().read(Self.cases[0].json)
        let text = try HandoutFixtures.handout(spec, .latex)
        #expect(text.contains("Verification failed"))
        #expect(text.contains("so the loss has no derivative there, only one-sided slopes"))  // the abstract
        #expect(text.contains("(by convention, at ReLU's kink \\(z = 0\\))"))  // the inactive path
        #expect(text.contains("No \\(\\varepsilon\\) will make them agree"))
        #expect(text.contains("\\((D_{+} + D_{-})/2 = 0.75\\)"))
        #expect(text.contains("rests on the convention \\(\\operatorname{ReLU}'(0) = 0\\)"))
        // The finite difference the table prints is that mean, up to O(ε).
        #expect(text.contains("0.75000250000512014"))
    }

    /// Without a kink nothing is said about one: a ReLU network whose pre-activations are all
    /// away from 0.
    @Test func noKinkNoKinkWording() throws {
        let json = Self.cases[0].json.replacingOccurrences(of: #""biases": [[0, 0], [0]]"#, with: #""biases": [[0.5, 0], [0]]"#)
        let text = try HandoutFixtures.handout(try SpecReader().read(json), .markdown)
        #expect(!text.contains("Kink") && !text.contains("kink)") && !text.contains("D_{+}"))
    }

    // MARK: Helpers

    /// The loss with the focus parameter shifted by `shift`, exactly (or certified) by the engine.
    static func loss(_ spec: Spec, shift: Rational) throws -> Rational {
        var shifted = spec
        switch spec.focus {
        case .weight(let l, let j, let k): shifted.network.weights[l - 1][j - 1][k - 1] = spec.network.weights[l - 1][j - 1][k - 1] + shift
        case .bias(let l, let j): shifted.network.biases[l - 1][j - 1] = spec.network.biases[l - 1][j - 1] + shift
        }
        return try Engine(precision: 512).trace(shifted).loss.midpoint
    }

    /// The first decimal number after a match of `pattern` (a regular expression).
    static func number(after pattern: String, in text: String) -> Double? {
        let regex = try! NSRegularExpression(pattern: pattern + #"(-?[0-9]+(\.[0-9]+)?)"#)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: match.numberOfRanges - 2), in: text) else { return nil }
        return Double(text[range])
    }
}
