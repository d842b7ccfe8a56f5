import Foundation
import Testing

@Suite struct ExercisesCommandTests {
    @Test func writesSheetKeyAndAnswers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = CapturedRun(["exercises", "--format", "markdown", "-o", folder.file("out")])
        #expect(run.exitCode == 0, "\(run.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted()
        #expect(files == ["answers.json", "exercises.md", "solutions.md"])
    }

    @Test func variantsAreReproducible() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            let run = CapturedRun(["exercises", "--variants", "12", "--seed", seed, "--format", "html", "-o", folder.file(name)])
            #expect(run.exitCode == 0, "\(run.error)")
            #expect(run.error.contains("generated 12/12 variants"))
        }
        func read(_ path: String) throws -> String { try String(contentsOfFile: folder.file(path), encoding: .utf8) }
        for file in ["variant-01/spec.json", "variant-05/exercises.html", "variant-12/solutions.html", "variant-03/answers.json", "overview.html", "answers.json"] {
            #expect(try read("a/" + file) == read("b/" + file), "\(file) differs for the same seed")
            #expect(try read("a/" + file) != read("c/" + file), "\(file) is the same for another seed")
        }
        // One variant rebuilt alone from its id gives the same bytes.
        let single = CapturedRun(["exercises", "--seed", "7", "--variant", "5", "--format", "html", "-o", folder.file("d"), "--quiet"])
        #expect(single.exitCode == 0 && single.error.isEmpty, "\(single.error)")
        #expect(try read("d/variant-05/solutions.html") == read("a/variant-05/solutions.html"))
    }

    @Test func quietAndErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let quiet = CapturedRun(["exercises", "--variants", "10", "--quiet", "-o", folder.file("q")])
        #expect(quiet.exitCode == 0 && quiet.error.isEmpty)
        #expect(CapturedRun(["exercises"]).exitCode == 2)
        #expect(CapturedRun(["exercises", "-o", folder.path, "--variants", "2", "--variant", "1"]).exitCode == 2)
        let bad = try folder.write("bad.json", #"{"network": {}, "exercises": []}"#)
        let invalid = CapturedRun(["exercises", bad, "-o", folder.file("x")])
        #expect(invalid.exitCode == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.file("x")))
        #expect(CapturedRun(["exercises", "--help"]).output.contains("--variants N"))
    }
}
