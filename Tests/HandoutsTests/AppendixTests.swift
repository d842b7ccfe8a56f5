import Backprop
import Foundation
import Handouts
import Testing
import TestSupport
import Typesetting

@Suite struct AppendixTests {
    /// The appendix of a Markdown handout: from its heading to the end.
    static func appendix(_ markdown: String) throws -> Substring {
        let start = try #require(markdown.range(of: "Proofs of the Four Theorems"))
        return markdown[start.lowerBound...]
    }

    @Test func derivationsFollowTheNotation() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) { $0.notation = .lectureNotes }
        let appendix = try Self.appendix(markdown)
        #expect(appendix.contains("\\delta_{k}^{[l]}"))
        #expect(!appendix.contains("^{(l)}"))
        #expect(markdown.contains("l = 2, \\dots, L"))
    }

    /// Every theorem is proved, each proof opening with "Proof." and closing with ∎, under the
    /// headings of the notation's numbering, after the Jacobian, its chain rule and the lemma.
    @Test(arguments: [Notation.GradientNumbering.weightFirst, .biasFirst])
    func allFourTheoremsAreProved(numbering: Notation.GradientNumbering) throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) {
            $0.notation = Notation(gradientNumbering: numbering)
        }
        let appendix = try Self.appendix(markdown)
        #expect(appendix.components(separatedBy: "*Proof.*").count - 1 == 4)
        #expect(appendix.components(separatedBy: "∎").count - 1 == 4)
        let headings = ["BP1 — Output Error", "BP2 — Error Propagation"]
            + (numbering == .weightFirst ? ["BP3 — Weight Gradient", "BP4 — Bias Gradient"] : ["BP3 — Bias Gradient", "BP4 — Weight Gradient"])
        var previous = appendix.startIndex
        for heading in ["**The Jacobian.**", "**The chain rule for Jacobians.**", "**The diagonal lemma.**"] + headings {
            let found = try #require(appendix.range(of: heading), "\(heading) missing")
            #expect(found.lowerBound > previous, "\(heading) out of order")
            previous = found.lowerBound
        }
        // Each proof ends before the next heading.
        for (heading, next) in zip(headings, headings.dropFirst()) {
            let nextHeading = appendix.range(of: next)!.lowerBound
            let nextLine = appendix[..<nextHeading].range(of: "\n", options: .backwards)!.lowerBound
            let body = appendix[appendix.range(of: heading)!.upperBound..<nextLine]
            #expect(body.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("∎"), "\(heading) does not end with ∎")
        }
    }

    /// BP1's proof ends in what this output activation and loss make of it.
    @Test func outputErrorProofFollowsTheOutputAndLoss() throws {
        let linear = try Self.appendix(HandoutFixtures.handout(try HandoutFixtures.spec("seed-004.json"), .markdown))
        #expect(linear.contains("The output layer is linear"))
        #expect(linear.contains("is the identity matrix"))
        #expect(!linear.contains("Kronecker"))
        let softmaxSpec = try #require((UInt64(1)...50).lazy
            .map { RandomSpecs.make(seed: $0, activations: [.tanh, .softmax], loss: .crossEntropy) }
            .first { $0.network.activations.last == .softmax })
        let softmax = try Self.appendix(HandoutFixtures.handout(softmaxSpec, .markdown))
        #expect(softmax.contains("The softmax does not act on each component separately"))
        #expect(softmax.contains("The target's entries sum to $1$"))
        #expect(softmax.contains("\\operatorname{diag}"))
        let sigmoid = try Self.appendix(HandoutFixtures.handout(HandoutFixtures.seed000, .markdown))
        #expect(sigmoid.contains("sigmoid activation acts on every component separately"))
        #expect(!sigmoid.contains("ReLU"))
        #expect(!sigmoid.contains("linear activation") && !sigmoid.contains("is linear"))
    }

    /// BP3 and BP4 swap in the algorithm with the bias-first numbering.
    @Test func algorithmNumbersGradientsPerNotation() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) {
            $0.notation = Notation(gradientNumbering: .biasFirst)
        }
        let bias = try #require(markdown.range(of: "**BP3:** ${\\color{#C0392B}{\\frac{\\partial \\mathcal{L}}{\\partial b"))
        #expect(!bias.isEmpty)
    }
}

/// "Why backpropagation is cheap", counted for the network at hand.
@Suite struct CostTests {
    @Test(arguments: Array(UInt64(1)...12))
    func countsFollowTheArchitecture(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        let n = spec.network.layers
        var parameters = 0, weights = 0
        for l in 1..<n.count {
            parameters += n[l] * n[l - 1] + n[l]
            weights += n[l] * n[l - 1]
        }
        let markdown = try HandoutFixtures.handout(spec, .markdown)
        let start = try #require(markdown.range(of: "Why Backpropagation Is Cheap"))
        let section = markdown[start.upperBound...]
        #expect(section.contains("= \(parameters)$$"), "seed \(seed)")
        #expect(section.contains("$2P = \(2 * parameters)$ forward passes"), "seed \(seed)")
        #expect(section.contains("all \(parameters) partial derivatives"), "seed \(seed)")
        #expect(section.contains("each of the \(weights) weights"), "seed \(seed)")
        let backward = (weights - n[1] * n[0]) + weights
        #expect(section.contains("costs \(weights + backward) multiplications"), "seed \(seed)")
        #expect(section.contains("= \(2 * parameters * weights)$ by finite differences"), "seed \(seed)")
        #expect(section.contains("no hidden layer") == (n.count == 2), "seed \(seed)")
    }
}
