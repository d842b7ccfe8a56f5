import Foundation
import Testing

/// Hostile specs through the whole command line: `trace` and `handout` exit with 3, say on
/// standard error which field is wrong and what was expected, and leave nothing behind — no
/// output file, no temporary file, and an existing output file untouched.
@Suite struct HostileSpecTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let spec: String
        let message: String
        var description: String { name }
    }

    static let valid = #"""
    {"network": {"layers": [2, 2, 1], "activation": "sigmoid", "loss": "mse",
     "weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]], "biases": [[0.1, 0.2], [0.3]]},
     "sample": {"input": [1, -1], "target": 0.5}}
    """#

    static func edited(_ find: String, _ replace: String) -> String {
        precondition(valid.contains(find), "edit target not found: \(find)")
        return valid.replacing(find, with: replace, maxReplacements: 1)
    }

    /// A sample of the corpus in `BackpropTests/SpecCorpus.swift`, one or two per kind of fault.
    static let cases: [Case] = [
        Case(name: "syntax error", spec: edited("\"mse\",", "\"mse\""),
             message: "invalid JSON at line 2, column 2: expected ',' or '}' after an object member"),
        Case(name: "nesting 100000 deep", spec: String(repeating: "[", count: 100_000),
             message: "invalid JSON at line 1, column 65: nesting deeper than 64 levels"),
        Case(name: "duplicate key", spec: edited("\"loss\": \"mse\"", "\"loss\": \"mse\", \"loss\": \"mse\""),
             message: "invalid JSON at line 1, column 75: duplicate key \"loss\""),
        Case(name: "wrong type", spec: edited("\"target\": 0.5", "\"target\": true"),
             message: "sample.target: expected an array, got a boolean"),
        Case(name: "wrong shape", spec: edited("[[0.5, 0.6]]", "[[0.5, 0.6], [0.7, 0.8]]"),
             message: "network.weights[1]: expected 1 rows (layer 2 has 1 neurons), got 2"),
        Case(name: "NaN string", spec: edited("0.6", "\"NaN\""),
             message: "network.weights[1][0][1]: expected a finite number, got \"NaN\""),
        Case(name: "huge exponent", spec: edited("0.6", "1e999999999"),
             message: "network.weights[1][0][1]: the exponent of 1e999999999 is out of range; expected at most ±300"),
        Case(name: "zero denominator", spec: edited("0.6", "\"1/0\""),
             message: "network.weights[1][0][1]: the fraction \"1/0\" has a zero denominator"),
        Case(name: "near-miss name", spec: edited("\"sigmoid\"", "\"sigmod\""),
             message: "network.activation: unknown name \"sigmod\"; did you mean \"sigmoid\"? Expected one of \"sigmoid\", \"tanh\", \"relu\", \"linear\", \"softmax\""),
        Case(name: "conflicting keys", spec: edited("\"activation\": \"sigmoid\"", "\"activation\": \"sigmoid\", \"activations\": [\"tanh\", \"tanh\"]"),
             message: "network.activations: conflicts with \"activation\"; give one of the two"),
        Case(name: "absurd size", spec: edited("[2, 2, 1]", "[2, 4096, 4096, 1]"),
             message: "network.layers: these layers have 16797697 parameters; at most 2000000 are accepted"),
        Case(name: "focus out of range", spec: edited("\"target\": 0.5}", "\"target\": 0.5}, \"focus\": {\"weight\": [2, 1, 3]}"),
             message: "focus.weight[2]: expected a neuron k from 1 to 2 (layer 1 has 2), got 3"),
        Case(name: "terminal escape in a key", spec: edited("{\"network\"", "{\"\\u001B[2J\": 1, \"network\""),
             message: "[\"\\u001B[2J\"]: unknown key \"\\u001B[2J\"; expected one of \"title\", \"subtitle\", \"author\", \"course\", \"date\", \"network\", \"sample\", \"batch\", \"focus\", \"learningRate\", \"epsilon\", \"exercises\", \"training\""),
    ]

    static let commands: [[String]] = [["trace"], ["handout", "--format", "html"], ["handout", "--format", "latex"]]

    @Test func theValidSpecIsValid() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", Self.valid)
        let run = CapturedRun(["trace", spec, "-o", folder.file("out.json")])
        #expect(run.exitCode == 0, "\(run.error)")
    }

    @Test(arguments: cases, commands)
    func refusedWithNothingWritten(_ bad: Case, command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", bad.spec)
        let run = CapturedRun(command + [spec, "-o", folder.file("out")])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: \(spec): \(bad.message)\n")
        #expect(run.output.isEmpty)
        #expect(try folder.contents() == ["spec.json"])
    }

    @Test(arguments: commands)
    func anExistingOutputFileIsLeftAlone(_ command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", Self.cases[0].spec)
        let output = try folder.write("out", "earlier output\n")
        let run = CapturedRun(command + [spec, "-o", output])
        #expect(run.exitCode == 3)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier output\n")
        #expect(try folder.contents() == ["out", "spec.json"])
    }

    /// A spec file over the size limit is refused by its size, before it is read: the file
    /// here is sparse, so it costs no disk and no time.
    @Test(arguments: commands)
    func anOversizedSpecIsRefusedUnread(_ command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("spec.json", "{")
        let handle = try #require(FileHandle(forWritingAtPath: spec))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let run = CapturedRun(command + [spec, "-o", folder.file("out")])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: spec \(spec) is \(65 << 20) bytes; at most \(64 << 20) are accepted\n")
        #expect(try folder.contents() == ["spec.json"])
    }

    @Test(arguments: commands)
    func aSpecThatIsNotUTF8IsRefused(_ command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = folder.file("spec.json")
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: URL(fileURLWithPath: spec))
        let run = CapturedRun(command + [spec, "-o", folder.file("out")])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: spec \(spec) is not UTF-8 text\n")
        #expect(try folder.contents() == ["spec.json"])
    }
}
