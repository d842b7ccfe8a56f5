import Backprop
import JSON
import Testing

/// Every spec of the corpus is rejected with exactly its message; the valid oddities beside
/// it are accepted.
@Suite struct SpecCorpusTests {
    @Test func theCorpusIsLargeAndItsNamesAreUnique() {
        #expect(SpecCorpus.all.count >= 60)
        print("SpecCorpus: \(SpecCorpus.all.count) hostile specs, \(SpecCorpus.accepted.count) valid oddities")
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

    /// The parser counts values as it goes and stops at its limit, so the tree it builds is
    /// bounded by the limit, not by the text.
    @Test func theParserStopsAtItsValueLimit() throws {
        _ = try JSONParser(maximumValueCount: 6).parse("[1, 2, 3, 4, 5]")
        #expect(throws: JSONSyntaxError(line: 1, column: 14, message: "more than 5 values (numbers, strings, arrays, objects); at most 5 are accepted")) {
            try JSONParser(maximumValueCount: 5).parse("[1, 2, 3, 4, 5]")
        }
    }

    /// The value limit leaves room for the largest network the other limits allow: every
    /// parameter, every weight row, the sample, and a few hundred values for the rest.
    @Test func theValueLimitFitsTheLargestNetwork() {
        let rows = (SpecLimits.maximumLayerCount - 1) * SpecLimits.maximumLayerWidth
        let sample = 2 * SpecLimits.maximumLayerWidth
        #expect(SpecLimits.maximumParameterCount + rows + sample + 500 <= SpecLimits.maximumJSONValues)
    }

    @Test func aSpecWithMoreValuesThanAnyNetworkNeedsIsRefused() {
        let text = #"{"title": ["# + String(repeating: "0,", count: SpecLimits.maximumJSONValues) + "0]}"
        #expect(throws: SpecError("", "invalid JSON at line 1, column 4400008: more than 2200000 values (numbers, strings, arrays, objects); at most 2200000 are accepted")) {
            try SpecReader().read(text)
        }
    }
}
