import Backprop
import Documents
import Handouts
import Testing
import TestSupport

/// Property: every valid spec of the supported space (depth 1–6, width 1–8, every activation
/// and loss, weight or bias focus) gives a handout in every format, deterministically.
@Suite struct RandomHandoutTests {
    @Test(arguments: Array(UInt64(1)...30))
    func everyRandomSpecGivesAHandout(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        for format in OutputFormat.allCases {
            let first = try HandoutFixtures.handout(spec, format)
            #expect(first.count > 1000, "seed \(seed), \(format)")
            #expect(try HandoutFixtures.handout(spec, format) == first, "seed \(seed), \(format): not deterministic")
        }
    }
}
