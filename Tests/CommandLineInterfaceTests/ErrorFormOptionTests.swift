import CommandLineInterface
import Foundation
import Testing

/// `--error-form hadamard|jacobian` on `handout`, and `errorForm` in manifests.
@Suite struct ErrorFormOptionTests {
    @Test func optionChoosesTheFormAndRefusesOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(CapturedRun(["handout", "--error-form", "jacobian", "--format", "markdown", "-o", folder.file("j.md")]).exitCode == 0)
        #expect(CapturedRun(["handout", "--format", "markdown", "-o", folder.file("h.md")]).exitCode == 0)
        let jacobian = try String(contentsOfFile: folder.file("j.md"), encoding: .utf8)
        let hadamard = try String(contentsOfFile: folder.file("h.md"), encoding: .utf8)
        #expect(jacobian.contains("**(ii) Diagonal matrix.**"))
        #expect(!jacobian.contains("**(ii) Hadamard product.**"))
        #expect(hadamard.contains("**(ii) Hadamard product.**"))
        let bad = CapturedRun(["handout", "--error-form", "diagonal"])
        #expect(bad.exitCode == 2)
        #expect(bad.error.contains("--error-form expects hadamard or jacobian, got \"diagonal\""))
        #expect(CapturedRun(["handout", "--help"]).output.contains("--error-form FORM"))
    }

    @Test func manifestsTakeErrorForm() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("s.json", """
            {"network": {"layers": [2, 2, 1], "activation": "sigmoid", "loss": "mse",
              "weights": [[[0.5, -0.25], [0.2, 0.4]], [[0.6, -0.1]]], "biases": [[0, 0.1], [0.05]]},
             "sample": {"input": [1, 2], "target": [0.5]}}
            """)
        let manifest = try folder.write("documents.json", """
            {"outputRoot": "out", "defaults": {"formats": ["markdown"], "errorForm": "jacobian"},
             "documents": [{"spec": "s.json", "kind": "handout", "output": "h/a"},
                           {"spec": "s.json", "kind": "handout", "output": "h/b", "errorForm": "hadamard"}]}
            """)
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(try String(contentsOfFile: folder.file("out/h/a.md"), encoding: .utf8).contains("Diagonal matrix"))
        #expect(try String(contentsOfFile: folder.file("out/h/b.md"), encoding: .utf8).contains("Hadamard product.**"))
        let bad = try folder.write("bad.json", """
            {"documents": [{"spec": "s.json", "kind": "handout", "output": "h/c", "errorForm": "matrix"}]}
            """)
        let refused = CapturedRun(["build", bad])
        #expect(refused.exitCode == 3)
        #expect(refused.error.contains("documents[0].errorForm"))
    }
}
