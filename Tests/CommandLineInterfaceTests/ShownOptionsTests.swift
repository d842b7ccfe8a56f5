import CommandLineInterface
import Foundation
import Testing

/// `--full` and `--max-shown N` on `handout` and `exercises`, and `full`/`maxShown` in manifests.
@Suite struct ShownOptionsTests {
    /// A [2, 17, 1] linear network: one layer wider than the 16 a page can show.
    static let wide = """
        {"network": {"layers": [2, 17, 1], "activations": ["linear", "linear"], "loss": "mse",
          "weights": [[\(Array(repeating: "[0.5, -0.25]", count: 17).joined(separator: ", "))], [[\(Array(repeating: "0.125", count: 17).joined(separator: ", "))]]],
          "biases": [[\(Array(repeating: "0", count: 17).joined(separator: ", "))], [0]]},
         "sample": {"input": [1, 2], "target": [1]}, "focus": {"weight": [1, 14, 2]},
         "learningRate": 0.1, "epsilon": 1e-5}
        """

    @Test func fullIsRefusedForAWideLayerWithItsName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("wide.json", Self.wide)
        for command in [["handout", spec, "--full", "-o", folder.file("h.md")], ["exercises", spec, "--full", "-o", folder.file("x")]] {
            let run = CapturedRun(command)
            #expect(run.exitCode == 2)
            #expect(run.error.contains("layer 1 has 17"))
            #expect(run.error.contains("at most 16 per layer"))
        }
        #expect(try folder.contents() == ["wide.json"], "nothing is written")
        // Summarised, the same spec works; the focus neuron is shown.
        let summarised = CapturedRun(["handout", spec, "--max-shown", "5", "-o", folder.file("s.md")])
        #expect(summarised.exitCode == 0)
        #expect(try String(contentsOfFile: folder.file("s.md"), encoding: .utf8).contains("neurons 4–13, 15 and 16 are left out"))
    }

    @Test func rangeAndConflictsAreUsageErrors() {
        #expect(CapturedRun(["handout", "--max-shown", "17"]).exitCode == 2)
        #expect(CapturedRun(["handout", "--max-shown", "2"]).error.contains("from 3 to 16"))
        #expect(CapturedRun(["handout", "--full", "--max-shown", "4"]).exitCode == 2)
        #expect(CapturedRun(["handout", "--help"]).output.contains("--full"))
        #expect(CapturedRun(["exercises", "--help"]).output.contains("--max-shown N"))
    }

    @Test func manifestsTakeFullAndMaxShown() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("wide.json", Self.wide)
        let manifest = try folder.write("documents.json", """
            {"outputRoot": "out", "defaults": {"formats": ["markdown"], "maxShown": 4},
             "documents": [{"spec": "wide.json", "kind": "handout", "output": "h/a"},
                           {"spec": "wide.json", "kind": "handout", "output": "h/b", "maxShown": 16}]}
            """)
        #expect(CapturedRun(["build", manifest, "--quiet"]).exitCode == 0)
        let a = try String(contentsOfFile: folder.file("out/h/a.md"), encoding: .utf8)
        let b = try String(contentsOfFile: folder.file("out/h/b.md"), encoding: .utf8)
        #expect(a.contains("neurons 3–13, 15 and 16 are left out"))
        #expect(b.contains("neuron 16 is left out"))
        let bad = try folder.write("bad.json", """
            {"documents": [{"spec": "wide.json", "kind": "handout", "output": "h/c", "full": true, "maxShown": 4}]}
            """)
        let conflict = CapturedRun(["build", bad])
        #expect(conflict.exitCode == 3)
        #expect(conflict.error.contains("documents[0].maxShown"))
        let refused = try folder.write("refused.json", """
            {"outputRoot": "out2", "defaults": {"formats": ["markdown"]},
             "documents": [{"spec": "wide.json", "kind": "handout", "output": "h/d", "full": true}]}
            """)
        let run = CapturedRun(["build", refused, "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("layer 1 has 17"))
    }
}
