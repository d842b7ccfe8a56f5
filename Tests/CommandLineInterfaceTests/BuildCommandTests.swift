import Backprop
import Foundation
import Testing

/// `build` over a small manifest in a temporary folder.
@Suite struct BuildCommandTests {
    /// A manifest of five documents (handouts in two formats and traces) and its specs.
    static func makeProject() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        _ = try folder.write("b.json", BuiltinExamples.seed000.replacing("\"weight\": [1, 1, 1]", with: "\"bias\": [2, 1]"))
        _ = try folder.write("documents.json", """
        {"outputRoot": "out", "defaults": {"formats": ["latex", "markdown"]},
         "documents": [
           {"spec": "a.json", "kind": "handout", "output": "a/handout"},
           {"spec": "a.json", "kind": "trace", "output": "a/trace"},
           {"spec": "b.json", "kind": "handout", "output": "b/handout", "formats": ["html"], "digits": 6},
           {"spec": "b.json", "kind": "trace", "output": "b/trace"},
           {"spec": "a.json", "kind": "handout", "output": "a/notes", "notation": "lecture-notes"}]}
        """)
        return folder
    }

    /// Every file under `root` with its bytes.
    static func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = FileManager.default.contents(atPath: root + "/" + relative) }
        }
        return files
    }

    @Test func buildsThenChecksClean() throws {
        let project = try Self.makeProject()
        defer { project.remove() }
        let manifest = project.file("documents.json")
        let build = CapturedRun(["build", manifest, "--jobs", "2", "--quiet"])
        #expect(build.exitCode == 0, "\(build.error)")
        let files = try Self.snapshot(project.file("out"))
        #expect(files.keys.sorted() == [
            "a/handout-figure-1.svg", "a/handout.md", "a/handout.tex", "a/notes-figure-1.svg", "a/notes.md",
            "a/notes.tex", "a/trace.json", "b/handout.html", "b/trace.json",
        ])
        #expect(CapturedRun(["build", manifest, "--check", "--quiet"]).exitCode == 0)
    }

    @Test func checkNamesStaleMissingAndUnexpectedFiles() throws {
        let project = try Self.makeProject()
        defer { project.remove() }
        let manifest = project.file("documents.json")
        #expect(CapturedRun(["build", manifest, "--quiet"]).exitCode == 0)
        // Change a spec: its documents are stale now. Remove one file, add a stray one.
        _ = try project.write("b.json", BuiltinExamples.seed000.replacing("[0.3, 0.4]", with: "[0.3, 0.5]"))
        try FileManager.default.removeItem(atPath: project.file("out/a/trace.json"))
        _ = try project.write("out/a/stray.txt", "x")
        let check = CapturedRun(["build", manifest, "--check", "--quiet"])
        #expect(check.exitCode == 1)
        let out = project.file("out")
        #expect(check.error.contains("stale: \(out)/b/handout.html"))
        #expect(check.error.contains("stale: \(out)/b/trace.json"))
        #expect(check.error.contains("missing: \(out)/a/trace.json"))
        #expect(check.error.contains("unexpected: \(out)/a/stray.txt"))
        #expect(!check.error.contains("a/handout.tex"))
        #expect(FileManager.default.fileExists(atPath: out + "/a/trace.json") == false, "--check writes nothing")
    }

    @Test(arguments: 1...4)
    func shardsTogetherBuildExactlyTheFullSet(count: Int) throws {
        let project = try Self.makeProject()
        defer { project.remove() }
        let manifest = project.file("documents.json")
        #expect(CapturedRun(["build", manifest, "--output", project.file("full"), "--quiet"]).exitCode == 0)
        var union: [String: Data] = [:]
        for i in 1...count {
            let root = project.file("shard-\(i)")
            #expect(CapturedRun(["build", manifest, "--output", root, "--shard", "\(i)/\(count)", "--quiet"]).exitCode == 0)
            let files = try Self.snapshot(root)
            #expect(Set(files.keys).isDisjoint(with: union.keys), "shards overlap")
            union.merge(files) { first, _ in first }
        }
        #expect(union == (try Self.snapshot(project.file("full"))))
    }

    @Test func jobCountDoesNotChangeABit() throws {
        let project = try Self.makeProject()
        defer { project.remove() }
        let manifest = project.file("documents.json")
        #expect(CapturedRun(["build", manifest, "--output", project.file("one"), "--jobs", "1", "--quiet"]).exitCode == 0)
        #expect(CapturedRun(["build", manifest, "--output", project.file("four"), "--jobs", "4", "--quiet"]).exitCode == 0)
        #expect(try Self.snapshot(project.file("one")) == (try Self.snapshot(project.file("four"))))
    }

    @Test func aFailingDocumentDoesNotStopTheOthers() throws {
        let project = try Self.makeProject()
        defer { project.remove() }
        _ = try project.write("b.json", "{\"network\": 1}")
        let run = CapturedRun(["build", project.file("documents.json"), "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("b/handout: \(project.file("b.json")): network: expected an object, got a number"))
        #expect(FileManager.default.fileExists(atPath: project.file("out/a/handout.tex")))
        #expect(!FileManager.default.fileExists(atPath: project.file("out/b/handout.html")))
    }

    struct BadManifest: Sendable, CustomStringConvertible {
        let text: String
        let message: String
        var description: String { message }
    }

    static let badManifests: [BadManifest] = [
        BadManifest(text: "{\"documents\": [{\"spec\": \"a.json\", \"kind\": \"handbook\", \"output\": \"x\"}]}",
                    message: "documents[0].kind: unknown kind \"handbook\"; expected handout, exercises, variants or trace"),
        BadManifest(text: "{\"documents\": [{\"spec\": \"a.json\", \"kind\": \"trace\", \"output\": \"../x\"}]}",
                    message: "documents[0].output: expected a relative path inside the output root, got \"../x\" ('..' would leave the output root)"),
        BadManifest(text: "{\"documents\": [{\"spec\": \"a.json\", \"kind\": \"trace\", \"output\": \"x\"}, {\"spec\": \"a.json\", \"kind\": \"handout\", \"output\": \"x\"}]}",
                    message: "documents[1].output: \"x\" is already the output of documents[0]"),
        BadManifest(text: "{\"defaults\": {\"formats\": [\"pdf\"]}, \"documents\": []}",
                    message: "defaults.formats[0]: unknown name \"pdf\"; expected one of \"latex\", \"markdown\", \"html\""),
        BadManifest(text: "{\"documents\": [{\"spec\": \"a.json\", \"kind\": \"handout\", \"output\": \"x\", \"notation\": \"lecture\"}]}",
                    message: "documents[0].notation: expected standard or lecture-notes, got \"lecture\""),
        BadManifest(text: "{\"documents\": [], \"outputroot\": \"x\"}",
                    message: "outputroot: unknown key \"outputroot\"; did you mean \"outputRoot\"?"),
    ]

    /// HTML math: MathML with no script by default, KaTeX when a document's `"math"` (or
    /// `handout --math`) asks for it; an unknown mode is refused naming the field or option.
    @Test func mathModeReachesTheHTML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("documents.json", """
        {"outputRoot": "out", "defaults": {"formats": ["html"]},
         "documents": [{"spec": "a.json", "kind": "handout", "output": "plain"},
                       {"spec": "a.json", "kind": "handout", "output": "katex", "math": "katex"}]}
        """)
        let build = CapturedRun(["build", manifest, "--quiet"])
        #expect(build.exitCode == 0, "\(build.error)")
        let plain = try String(contentsOfFile: folder.file("out/plain.html"), encoding: .utf8)
        let katex = try String(contentsOfFile: folder.file("out/katex.html"), encoding: .utf8)
        #expect(plain.contains("<math") && !plain.contains("<script"))
        #expect(katex.contains("<script") && katex.contains("katex"))

        let cli = CapturedRun(["handout", folder.file("a.json"), "--format", "html", "--math", "katex", "-o", "-"])
        #expect(cli.exitCode == 0 && cli.output.contains("<script"))
        let bad = CapturedRun(["handout", folder.file("a.json"), "--format", "html", "--math", "mathjax", "-o", "-"])
        #expect(bad.exitCode == 2 && bad.error.contains("--math"))
        _ = try folder.write("bad.json", """
        {"outputRoot": "out", "documents": [{"spec": "a.json", "kind": "handout", "output": "x", "math": "mathjax"}]}
        """)
        let badManifest = CapturedRun(["build", folder.file("bad.json")])
        #expect(badManifest.exitCode == 3)
        #expect(badManifest.error.contains("documents[0].math: expected \"mathml\" or \"katex\", got \"mathjax\""))
    }

    @Test(arguments: badManifests)
    func badManifestsNameTheField(_ bad: BadManifest) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let manifest = try folder.write("documents.json", bad.text)
        let run = CapturedRun(["build", manifest])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: \(manifest): \(bad.message)\n")
    }

    @Test func buildsExerciseSetsAndVariants() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("documents.json", """
        {"outputRoot": "out", "defaults": {"formats": ["latex"]},
         "documents": [{"spec": "a.json", "kind": "exercises", "output": "sheet"},
                       {"spec": "a.json", "kind": "variants", "count": 2, "seed": 7, "output": "variants"}]}
        """)
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        let files = try Self.snapshot(folder.file("out")).keys.sorted()
        #expect(files.contains("sheet/exercises.tex") && files.contains("sheet/solutions.tex") && files.contains("sheet/answers.json"))
        for v in ["variant-01", "variant-02"] {
            #expect(files.contains("variants/\(v)/spec.json") && files.contains("variants/\(v)/solutions.tex"))
        }
        #expect(files.contains("variants/overview.tex") && files.contains("variants/answers.json"))
        // The same as the exercises command writes.
        #expect(CapturedRun(["exercises", folder.file("a.json"), "--variants", "2", "--seed", "7", "-o", folder.file("direct"), "--quiet"]).exitCode == 0)
        #expect(try Self.snapshot(folder.file("direct")) == (try Self.snapshot(folder.file("out/variants"))))
    }

    /// The combined answers.json of a variant set is written and checked piece by piece: a
    /// changed byte, an extra or a missing tail is stale; the file as built is current.
    @Test func checkComparesTheCombinedAnswersPieceByPiece() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("documents.json", """
        {"outputRoot": "out", "defaults": {"formats": ["latex", "markdown"]},
         "documents": [{"spec": "a.json", "kind": "variants", "count": 3, "seed": 7, "output": "variants"}]}
        """)
        #expect(CapturedRun(["build", manifest, "--quiet"]).exitCode == 0)
        #expect(CapturedRun(["build", manifest, "--check", "--quiet"]).exitCode == 0)
        let path = folder.file("out/variants/answers.json")
        let built = try String(contentsOfFile: path, encoding: .utf8)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.file("out/variants"))
        #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "\(names)")
        let middle = built.index(built.startIndex, offsetBy: built.count / 2)
        for changed in [built + " ", String(built.dropLast()), built.replacingCharacters(in: middle...middle, with: "#")] {
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
            let check = CapturedRun(["build", manifest, "--check", "--quiet"])
            #expect(check.exitCode == 1)
            #expect(check.error.contains("stale: \(path)"), "\(check.error)")
        }
        try FileManager.default.removeItem(atPath: path)
        #expect(CapturedRun(["build", manifest, "--check", "--quiet"]).error.contains("missing: \(path)"))
    }

    @Test func usage() {
        #expect(CapturedRun(["build", "--shard", "3/2"]).error.hasPrefix("error: --shard expects i/n with 1 ≤ n ≤ 1000 and 1 ≤ i ≤ n"))
        #expect(CapturedRun(["build", "--check", "--pdf"]).exitCode == 2)
    }
}
