import Backprop
import Documents
import Testing
@testable import Handouts

/// The hand-check sentence is computed from what the document's chains recorded, not assumed.
@Suite struct HandCheckLedgerTests {
    @Test func sentenceValuesFollowTheLedger() throws {
        var options = HandoutOptions(format: .latex)
        options.handCheckable = true
        let d = Derivation(trace: try Engine(precision: 256).trace(HandoutFixtures.seed000), options: options)
        #expect(HandCheckSection.values(d)["allReproducible"] == .bool(true))
        d.handCheckLedger.record(1)
        var values = HandCheckSection.values(d)
        #expect(values["allReproducible"] == .bool(false))
        #expect(values["unreproducible"] == .number("1"))
        #expect(values["unreproducibleSteps"] == .string("step"))
        d.handCheckLedger.record(2)
        values = HandCheckSection.values(d)
        #expect(values["unreproducible"] == .number("3"))
        #expect(values["unreproducibleSteps"] == .string("steps"))
    }

    /// Building the seed's hand-checkable handout records every chain, and none is left
    /// unreproducible, so the handout makes the unconditional promise.
    @Test func seedHandoutPromisesEveryStep() throws {
        var options = HandoutOptions(format: .markdown)
        options.handCheckable = true
        let text = try HandoutGenerator(options: options).generate(HandoutFixtures.seed000).main
        #expect(text.contains("Every step of this handout whose result is a single number can be checked"))
        #expect(!text.contains("Most steps"))
    }
}
