import CommandLineInterface
import Foundation
import Testing

/// `handout --symbolic`, and `"symbolic": true` for a handout in a manifest.
@Suite struct SymbolicOptionTests {
    static let architecture = """
        {"network": {"layers": [2, 3, 2], "activations": ["sigmoid", "linear"], "loss": "mse"}, "focus": {"weight": [1, 2, 1]}}
        """

    @Test func architectureAloneNeedsSymbolic() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("net.json", Self.architecture)
        let symbolic = CapturedRun(["handout", spec, "--symbolic", "--notation", "lecture-notes", "-o", folder.file("s.md")])
        #expect(symbolic.exitCode == 0, "\(symbolic.error)")
        #expect(try String(contentsOfFile: folder.file("s.md"), encoding: .utf8).contains("Hidden Error of Layer 2"))
        let numeric = CapturedRun(["handout", spec, "-o", folder.file("n.md")])
        #expect(numeric.exitCode != 0)
        #expect(numeric.error.contains("network.weights: missing; a numeric document needs every weight"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("n.md")))
        #expect(CapturedRun(["handout", "--help"]).output.contains("--symbolic"))
    }

    @Test func manifestsTakeSymbolicForHandoutsOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("net.json", Self.architecture)
        let manifest = try folder.write("documents.json", """
            {"outputRoot": "out", "defaults": {"formats": ["markdown", "latex"]},
             "documents": [{"spec": "net.json", "kind": "handout", "output": "s/handout", "symbolic": true}]}
            """)
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(FileManager.default.fileExists(atPath: folder.file("out/s/handout.tex")))
        let trace = try folder.write("trace.json", """
            {"documents": [{"spec": "net.json", "kind": "trace", "output": "t", "symbolic": true}]}
            """)
        let refused = CapturedRun(["build", trace])
        #expect(refused.exitCode == 3)
        #expect(refused.error.contains("documents[0].symbolic: only a handout can be symbolic"))
    }
}
