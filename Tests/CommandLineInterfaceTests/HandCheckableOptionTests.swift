import CommandLineInterface
import Foundation
import Testing

/// `handout --hand-checkable`, `exercises --hand-checkable`, and `"handCheckable"` in a
/// manifest's defaults or a document (issue 16).
@Suite struct HandCheckableOptionTests {
    @Test func handoutAndExercisesTakeTheFlag() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let handout = CapturedRun(["handout", "--hand-checkable", "-o", folder.file("h.tex")])
        #expect(handout.exitCode == 0, "\(handout.error)")
        let latex = try String(contentsOfFile: folder.file("h.tex"), encoding: .utf8)
        #expect(latex.contains("can be checked with a calculator"))
        #expect(latex.contains("0.21327 + 0.30827 + 0.1"))
        let plain = CapturedRun(["handout", "-o", folder.file("p.tex")])
        #expect(plain.exitCode == 0)
        #expect(!(try String(contentsOfFile: folder.file("p.tex"), encoding: .utf8)).contains("can be checked with a calculator"))
        let exercises = CapturedRun(["exercises", "--hand-checkable", "-o", folder.file("ex")])
        #expect(exercises.exitCode == 0, "\(exercises.error)")
        #expect(FileManager.default.fileExists(atPath: folder.file("ex/solutions.tex")))
        #expect(CapturedRun(["handout", "--help"]).output.contains("--hand-checkable"))
        #expect(CapturedRun(["exercises", "--help"]).output.contains("--hand-checkable"))
    }

    @Test func manifestsTakeHandCheckable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("net.json", """
            {"network": {"layers": [2, 2, 1], "activations": ["sigmoid", "sigmoid"], "loss": "mse",
              "weights": [[[0.1, -0.2], [0.3, 0.4]], [[0.5, -0.6]]], "biases": [[0.1, 0.2], [0.3]]},
             "sample": {"input": [1, 0.5], "target": [1]}, "focus": {"weight": [1, 1, 1]}}
            """)
        let manifest = try folder.write("documents.json", """
            {"outputRoot": "out", "defaults": {"formats": ["latex"], "handCheckable": true},
             "documents": [{"spec": "net.json", "kind": "handout", "output": "a"},
                           {"spec": "net.json", "kind": "handout", "output": "b", "handCheckable": false}]}
            """)
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(try String(contentsOfFile: folder.file("out/a.tex"), encoding: .utf8).contains("can be checked with a calculator"))
        #expect(!(try String(contentsOfFile: folder.file("out/b.tex"), encoding: .utf8)).contains("can be checked with a calculator"))
        let bad = try folder.write("bad.json", """
            {"documents": [{"spec": "net.json", "kind": "handout", "output": "c", "handCheckable": "yes"}]}
            """)
        let refused = CapturedRun(["build", bad])
        #expect(refused.exitCode == 3)
        #expect(refused.error.contains("documents[0].handCheckable: expected true or false"), "\(refused.error)")
    }
}
