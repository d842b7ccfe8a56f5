import Documents
import Handouts
import Testing

/// Sentences that compare two values print them with enough digits to show the difference,
/// whatever the handout's precision (issue 10, item 9).
@Suite struct ComparisonPrecisionTests {
    /// A sentence comparing two values prints them with enough digits to differ: at
    /// `--decimals 0` the seed's output 0.6506 is not "1", the target.
    @Test(arguments: OutputFormat.allCases)
    func comparisonsShowTheDifference(format: OutputFormat) throws {
        let text = try HandoutFixtures.handout(HandoutFixtures.seed000, format) { $0.precision = .decimalPlaces(0) }
        let prose = ProseCheck.prose(of: text, format)
        #expect(prose.contains("lies below the target"))
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) { $0.precision = .decimalPlaces(0) }
        let output = try #require(KinkTests.number(after: #"The output \$(\{\\color\{#[0-9A-F]+\}\{)?"#, in: markdown))
        let target = try #require(KinkTests.number(after: #"lies below the target \$(\{\\color\{#[0-9A-F]+\}\{)?"#, in: markdown))
        #expect(output < target, "output \(output), target \(target)")
    }

    /// At `--decimals 0` the SGD solution's losses before and after the step, and the amount,
    /// still differ as printed: never "decreased from 0 to 0 by 0".
    @Test func lossChangeShowsTheDifference() throws {
        let options = HandoutOptions(format: .markdown, precision: .decimalPlaces(0))
        let key = try ExerciseGenerator(options: options).generate(HandoutFixtures.seed000).solutions.main
        let before = try #require(KinkTests.number(after: #"The loss decreased from \$"#, in: key))
        let after = try #require(KinkTests.number(after: #"The loss decreased from \$[^$]*\$ to \$"#, in: key))
        let amount = try #require(KinkTests.number(after: #"The loss decreased from \$[^$]*\$ to \$[^$]*\$, by \$\\approx "#, in: key))
        #expect(after < before && amount > 0, "\(before) → \(after) by \(amount)")
    }
}
