import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing
import TestSupport
import Typesetting

/// `handout --symbolic` (issue 12): the derivation in symbols for any architecture.
@Suite struct SymbolicHandoutTests {
    static func symbolic(_ spec: Spec, _ format: OutputFormat, options: (inout HandoutOptions) -> Void = { _ in }) throws -> String {
        try HandoutFixtures.handout(spec, format) { $0.symbolic = true; options(&$0) }
    }

    /// Every `$…$` and `$$…$$` of a Markdown document.
    static func math(_ markdown: String) -> [Substring] {
        markdown.split(separator: "$", omittingEmptySubsequences: true).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    static let seed004 = try! SpecReader(symbolic: true).read(String(
        contentsOf: HandoutFixtures.packageRoot.appendingPathComponent("Examples/seed-004-symbolic.json"), encoding: .utf8))

    /// Seed 004's network: D matrices, the four proofs, and not one decimal number in the math.
    @Test func seed004InSymbols() throws {
        let markdown = try Self.symbolic(Self.seed004, .markdown) { $0.notation = .lectureNotes; $0.errorForm = .jacobian }
        #expect(markdown.contains("{\\color{#1E8449}{\\boldsymbol{D}^{[2]}}}"))
        #expect(markdown.contains("\\sigma'(z_{1}^{[2]}) & 0 & 0"))
        #expect(markdown.components(separatedBy: "*Proof.*").count - 1 == 4)
        #expect(markdown.contains("The output is linear, so its Jacobian is the identity matrix"))
        let decimals = Self.math(markdown).filter { $0.range(of: #"\d\.\d"#, options: .regularExpression) != nil }
        #expect(decimals.isEmpty, "decimal numbers in \(decimals.prefix(3))")
        #expect(!markdown.contains("Numerical Verification"))
    }

    /// The values of a spec are never used: two specs of one architecture with different
    /// weights, biases and samples give the same symbolic handout, in every format.
    @Test(arguments: Array(UInt64(1)...16))
    func onlyTheArchitectureMatters(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        var other = RandomSpecs.make(seed: seed)
        other.network.weights = other.network.weights.map { $0.map { $0.map { $0 + Rational(1, 3) } } }
        other.network.biases = other.network.biases.map { $0.map { $0 - Rational(1, 7) } }
        for format in OutputFormat.allCases {
            let first = try Self.symbolic(spec, format)
            #expect(first == (try Self.symbolic(other, format)), "seed \(seed), \(format)")
            if format == .markdown {
                let decimals = Self.math(first).filter { $0.range(of: #"\d\.\d"#, options: .regularExpression) != nil }
                #expect(decimals.isEmpty, "seed \(seed): decimal numbers in \(decimals.prefix(3))")
                for activation in Set(Activation.allCases).subtracting(spec.network.activations) where activation != .linear {
                    #expect(!first.contains("The \(activation.rawValue) "), "seed \(seed) names \(activation)")
                }
            }
        }
    }

    /// Only a symbolic handout may leave out the values; otherwise the message names the field.
    @Test func valuesAreOptionalOnlyInSymbolicMode() throws {
        let architecture = #"{"network": {"layers": [2, 3, 2], "activations": ["sigmoid", "linear"], "loss": "mse"}, "focus": {"bias": [2, 1]}}"#
        #expect(throws: SpecError.self) { try SpecReader().read(architecture) }
        do {
            _ = try SpecReader().read(architecture)
        } catch {
            #expect(error.description.contains("network.weights: missing; a numeric document needs every weight"))
        }
        let spec = try SpecReader(symbolic: true).read(architecture)
        #expect(spec.network.layers == [2, 3, 2])
        let markdown = try Self.symbolic(spec, .markdown)
        #expect(markdown.contains("\\partial b_{1}^{(2)}"))
        let withWeights = #"{"network": {"layers": [1, 1], "activation": "tanh", "loss": "mse", "weights": [[[1]]]}}"#
        #expect(try SpecReader(symbolic: true).read(withWeights).network.biases == [[Rational(0)]])
        #expect(throws: SpecError.self) { try SpecReader().read(withWeights) }
    }
}
