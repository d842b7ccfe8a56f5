import Backprop
import Foundation
import Handouts
import Testing

@Suite struct VerificationSectionTests {
    /// The seed with another ε.
    static func seed(epsilon: String) throws -> Spec {
        let json = BuiltinExamples.seed000.replacingOccurrences(of: "\"epsilon\": 1e-5", with: "\"epsilon\": \(epsilon)")
        return try SpecReader().read(json)
    }

    /// The true doubles of the check appear; the seed's invented L±, FD and error do not.
    @Test func seedShowsTheRealDoublesNotTheInventedOnes() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(markdown.contains("0.06105089699477986"))
        #expect(markdown.contains("0.06105093940656234"))
        #expect(markdown.contains("8.492 \\times 10^{-10}"))
        #expect(!markdown.contains("0.06108938"))
        #expect(!markdown.contains("0.06109363"))
        #expect(!markdown.contains("9.34"))
        #expect(!markdown.contains("-0.2125"))
    }

    /// Both relative-error formulas are named; the threshold is stated; the box passes.
    @Test func seedPassesAgainstTheStatedThreshold() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(markdown.contains("\\lvert \\mathrm{FD} - \\mathrm{BP} \\rvert / \\lvert \\mathrm{BP} \\rvert"))
        #expect(markdown.contains("(\\lvert \\mathrm{FD} \\rvert + \\lvert \\mathrm{BP} \\rvert)"))
        #expect(markdown.contains("threshold $1 \\times 10^{-6}$"))
        #expect(markdown.contains("Verification passed"))
        #expect(!markdown.contains("Verification failed"))
    }

    /// With ε = 0.5 the truncation error dominates: r ≈ 0.0202 > 10⁻⁶, and the box says so.
    @Test func hugeEpsilonFailsHonestly() throws {
        let latex = try HandoutFixtures.handout(Self.seed(epsilon: "0.5"), .latex)
        #expect(latex.contains("Verification failed"))
        #expect(!latex.contains("Verification passed"))
        #expect(latex.contains("0.02020"))
    }

    @Test func outcomeIsDecidedFromTheEnclosure() throws {
        let markdown = try HandoutFixtures.handout(Self.seed(epsilon: "0.001"), .markdown)
        // ε = 10⁻³: truncation of order ε² ≈ 10⁻⁶ relative; whatever it is, the box matches the number.
        let passed = markdown.contains("Verification passed")
        #expect(passed != markdown.contains("Verification failed"))
    }
}
