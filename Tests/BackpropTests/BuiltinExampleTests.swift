import Backprop
import Foundation
import Testing

@Suite struct BuiltinExampleTests {
    /// The example compiled into the tool is the file users see in `Examples/`.
    @Test func builtInExampleMatchesExamplesFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Examples/seed-000.json"), encoding: .utf8)
        #expect(file == BuiltinExamples.seed000)
    }

    @Test(arguments: ["seed-000.json", "seed-002.json", "seed-004.json"])
    func examplesAreValidSpecs(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
        _ = try SpecReader().read(text)
    }
}
