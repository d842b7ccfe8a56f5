import Backprop
import Foundation
import JSON
import Testing

@Suite struct TraceCommandTests {
    @Test func noArgumentsPrintsHelp() {
        let run = CapturedRun([])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("Usage: worked-backprop <command>"))
        #expect(run.output.contains("trace"))
    }

    @Test func everyCommandHasHelp() {
        let run = CapturedRun(["trace", "--help"])
        #expect(run.exitCode == 0)
        #expect(run.output.hasPrefix("Usage: worked-backprop trace"))
    }

    @Test func tracesTheBuiltInExample() throws {
        let run = CapturedRun(["trace"])
        #expect(run.exitCode == 0)
        #expect(run.error.isEmpty)
        let json = try JSONParser().parse(run.output)
        #expect(json["focus"]?["gradient"]?["value"] == .string("-0.00212058912589188638728328872858"))
        #expect(json["loss"]?["exact"] == .bool(false))
        #expect(json["finiteDifference"]?["lossPlus"]?["double"] == .string("0.06105089699477986"))
    }

    @Test func writesTheOutputFileAndNothingElse() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", BuiltinExamples.seed000)
        let run = CapturedRun(["trace", spec, "-o", folder.file("trace.json")])
        #expect(run.exitCode == 0)
        #expect(run.output.isEmpty)
        #expect(try folder.contents() == ["spec.json", "trace.json"])
        let written = try String(contentsOfFile: folder.file("trace.json"), encoding: .utf8)
        #expect(written == CapturedRun(["trace"]).output)
    }

    struct Failure: Sendable, CustomStringConvertible {
        let arguments: [String]
        let exitCode: Int32
        let message: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let failures: [Failure] = [
        Failure(arguments: ["frobnicate"], exitCode: 2, message: "error: unknown command \"frobnicate\""),
        Failure(arguments: ["trace", "--colour"], exitCode: 2, message: "error: unknown option --colour"),
        Failure(arguments: ["trace", "a.json", "b.json"], exitCode: 2, message: "error: unexpected argument \"b.json\""),
        Failure(arguments: ["trace", "--digits", "0"], exitCode: 2, message: "error: --digits expects a whole number from 1 to 200, got \"0\""),
        Failure(arguments: ["trace", "-o"], exitCode: 2, message: "error: -o needs a value"),
        Failure(arguments: ["trace", "/nonexistent/spec.json"], exitCode: 4, message: "error: cannot read spec /nonexistent/spec.json: no such file"),
    ]

    @Test(arguments: failures)
    func failsClearly(_ failure: Failure) {
        let run = CapturedRun(failure.arguments)
        #expect(run.exitCode == failure.exitCode)
        #expect(run.error.hasPrefix(failure.message))
        #expect(run.output.isEmpty)
    }

    @Test func anInvalidSpecNamesTheFieldAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("bad.json", BuiltinExamples.seed000.replacing("[0.3, 0.4]", with: "[0.3]"))
        let run = CapturedRun(["trace", spec, "-o", folder.file("trace.json")])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: \(spec): network.weights[2][0]: expected 2 entries (layer 2 has 2 neurons), got 1\n")
        #expect(try folder.contents() == ["bad.json"])
    }
}
