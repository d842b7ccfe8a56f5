import Backprop
import Testing

/// Every spec of the corpus is rejected with exactly its message; the valid oddities beside
/// it are accepted.
@Suite struct SpecCorpusTests {
    @Test func theCorpusIsLargeAndItsNamesAreUnique() {
        #expect(SpecCorpus.all.count >= 60)
        #expect(Set(SpecCorpus.all.map(\.name)).count == SpecCorpus.all.count)
    }

    @Test func theBaseSpecIsValid() throws {
        _ = try SpecReader().read(SpecCorpus.base)
    }

    @Test(arguments: SpecCorpus.all)
    func rejected(_ bad: SpecCorpus.Case) {
        do {
            _ = try SpecReader().read(bad.text)
            Issue.record("accepted: \(bad.name)")
        } catch {
            #expect(error.description == bad.message)
        }
    }

    @Test(arguments: SpecCorpus.accepted)
    func accepted(_ good: SpecCorpus.Case) throws {
        _ = try SpecReader().read(good.text)
    }

    /// Messages repeat at most a short prefix of what the spec says, whatever its size, and
    /// never a raw control character.
    @Test(arguments: SpecCorpus.all)
    func messagesAreShortAndPrintable(_ bad: SpecCorpus.Case) {
        #expect(bad.message.count < 400)
        #expect(!bad.message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
