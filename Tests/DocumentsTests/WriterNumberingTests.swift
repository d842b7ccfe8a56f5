@testable import Documents
import Testing

@Suite struct WriterNumberingTests {
    @Test func numbersFollowLaTeXCounters() throws {
        let numbering = try Numbering(WriterFixture.document)
        let expected: [String: String] = [
            "sec-arch": "1", "sec-params": "1.1", "sec-forward": "2", "sec-refs": "2.0.1",
            "eq-z": "1", "eq-a1": "3", "tab-params": "1", "fig-net": "1",
            "thm-bp1": "1", "ver-fd": "1", "ex-1": "1",
        ]
        for (id, number) in expected {
            #expect(try numbering.target(id).number == number, "\(id)")
        }
        #expect(try numbering.target("eq-a1").referenceText == "(3)")
    }

    static func document(_ blocks: [Block]) -> Document { Document(blocks: blocks) }

    @Test(arguments: OutputFormat.allCases)
    func unknownReferenceIsAnError(_ format: OutputFormat) throws {
        let document = Self.document([.paragraph([.text("See "), .reference(id: "nowhere")])])
        #expect(throws: WriterError.unknownReference(id: "nowhere")) {
            try WriterSetup.writer(format).write(document)
        }
    }

    @Test func referenceInsideABoxTitleIsChecked() {
        let document = Self.document([.division(Division(kind: .note, title: [.reference(id: "x")], blocks: []))])
        #expect(throws: WriterError.unknownReference(id: "x")) { try Numbering(document) }
    }

    @Test func duplicateLabelIsAnError() {
        let document = Self.document([
            .heading(level: 1, id: "a", content: [.text("A")]),
            .displayMath("x", id: "a", numbered: true),
        ])
        #expect(throws: WriterError.duplicateLabel(id: "a")) { try Numbering(document) }
    }

    @Test(arguments: ["a b", "a{b}", "a%b", "a\\b", "", "é"])
    func unsafeLabelIsAnError(_ id: String) {
        let document = Self.document([.heading(level: 1, id: id, content: [.text("A")])])
        #expect(throws: WriterError.invalidLabel(id: id)) { try Numbering(document) }
    }

    @Test func diagramEdgeMustJoinExistingNodes() {
        var diagram = WriterFixture.network
        diagram.edges.append(.init(column: 2, from: 0, to: 5))
        let document = Self.document([.figure(Figure(caption: [], diagram: diagram))])
        #expect(throws: WriterError.invalidDiagramEdge(column: 2, from: 0, to: 5)) { try Numbering(document) }
    }
}
