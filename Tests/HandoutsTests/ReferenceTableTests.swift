import Handouts
import Testing

@Suite struct ReferenceTableTests {
    /// Every layer of the seed, with the true rounded values (not the seed's 0.8998-style sums).
    @Test func seedTableHasEveryLayer() throws {
        let markdown = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(markdown.contains(":** All intermediate values"))
        #expect(markdown.contains("| $l = 3$ (output) | 1 | $0.6215$"))
        #expect(markdown.contains("-0.07944"))
        #expect(markdown.contains("0.8997"))
    }

    /// A 10-wide layer shows the neurons of its one decision, a ⋮ row for each run left out.
    @Test func wideLayersAreSummarised() throws {
        let markdown = try HandoutFixtures.handout(SummaryPathsTests.wide, .markdown)
        #expect(markdown.contains("|  | $\\vdots$ |  |  |  |  |"))
        #expect(markdown.contains("|  | 10 |"))
        #expect(!markdown.contains("more |"))
        #expect(!markdown.contains("|  | 9 |"))
    }
}
