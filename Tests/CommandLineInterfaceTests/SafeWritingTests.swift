import Backprop
import Foundation
import Synchronization
import Testing

/// Issue 11: writing is safe in CI — no crash on odd paths, no write outside its place, no
/// special file replaced, no predictable temporary file, no two writers of one file.
@Suite struct SafeWritingTests {
    // MARK: 1. One-character paths

    @Test(arguments: ["t", "x/", "./y", "z//"], [false, true])
    func oneCharacterOutputPathsBuildAndCheck(output: String, check: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", #"{"outputRoot": "out", "documents": [{"spec": "a.json", "kind": "trace", "output": "\#(output)"}]}"#)
        if check { #expect(CapturedRun(["build", manifest, "--quiet"]).exitCode == 0) }
        let run = CapturedRun(["build", manifest, "--quiet"] + (check ? ["--check"] : []))
        #expect(run.exitCode == 0, "\(run.error)")
        let name = output.filter { $0 != "/" && $0 != "." }
        #expect(FileManager.default.fileExists(atPath: folder.file("out/\(name).json")))
    }

    @Test func theOutputRootItselfIsRefusedAsADocumentsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for kind in ["trace", "handout", "exercises"] {
            let manifest = try folder.write("m.json", #"{"documents": [{"spec": "a.json", "kind": "\#(kind)", "output": "."}]}"#)
            let run = CapturedRun(["build", manifest, "--check"])
            #expect(run.exitCode == 3)
            #expect(run.error.contains("documents[0].output: expected a relative path inside the output root, got \".\""))
        }
    }

    @Test func templateRenderOfAOneCharacterRelativePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a", "x{{>b}}")
        _ = try folder.write("b.mustache", "y")
        let run = try ToolProcess(#""$TOOL" template render a"#, in: folder.path)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output == "xy")
    }

    // MARK: 2. Special files

    @Test func aFIFOIsWrittenThroughNotReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pipe = folder.file("pipe")
        try #require(mkfifo(pipe, 0o600) == 0)
        let received = Mutex(Data())
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            let data = FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile() ?? Data()
            received.withLock { $0 = data }
        }
        let run = CapturedRun(["trace", "-o", pipe])
        #expect(run.exitCode == 0, "\(run.error)")
        reader.wait()
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        #expect(String(decoding: received.withLock { $0 }, as: UTF8.self) == CapturedRun(["trace"]).output)
    }

    @Test func devStdoutIsStandardOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try ToolProcess(#""$TOOL" trace -o /dev/stdout"#, in: folder.path)
        #expect(run.status == 0)
        #expect(run.output == CapturedRun(["trace"]).output)
    }

    /// Replacing a device needs the rights to its folder: only root can show the bug.
    @Test func devicesAreWrittenThroughNotReplaced() throws {
        guard isRoot else {
            print("SKIPPED devicesAreWrittenThroughNotReplaced: needs root (only root could replace /dev/null); .ci/run runs it as root")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let null = try ToolProcess(#""$TOOL" trace -o /dev/null && "$TOOL" handout -o /dev/null"#, in: folder.path)
        #expect(null.status == 0, "\(null.error)")
        let full = try ToolProcess(#""$TOOL" trace -o /dev/full"#, in: folder.path)
        #expect(full.status == 4)
        #expect(full.error == "error: cannot write /dev/full: No space left on device\n")
        for device in ["/dev/null", "/dev/full"] {
            var status = stat()
            #expect(stat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "\(device) was replaced")
        }
    }

    // MARK: 3. Temporary files

    /// A link planted at every name the old scheme used (`.NAME.tmp-PID`) and at a guess of
    /// the new one is never followed: the victim file stays as it was.
    @Test func plantedTemporaryLinksAreNeverFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let victim = try folder.write("victim", "precious\n")
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(atPath: folder.file(".out.json.tmp-\(pid)"), withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: folder.file(".out.json.tmp-0000000000000000"), withDestinationPath: victim)
        let run = CapturedRun(["trace", "-o", folder.file("out.json")])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: folder.file("out.json"), encoding: .utf8) == CapturedRun(["trace"]).output)
        // No temporary file of ours is left; the planted links are untouched.
        #expect(try folder.contents().filter { $0.contains(".tmp-") }.sorted()
            == [".out.json.tmp-0000000000000000", ".out.json.tmp-\(pid)"].sorted())
    }

    // MARK: 4. Two documents, one file

    struct Overlap: Sendable, CustomStringConvertible {
        let documents: String
        let message: String
        var description: String { message }
    }

    static let overlaps: [Overlap] = [
        Overlap(documents: #"{"spec": "a.json", "kind": "trace", "output": "tt"}, {"spec": "a.json", "kind": "trace", "output": "./tt"}"#,
                message: #"documents[1].output: "./tt" is already the output of documents[0] ("tt")"#),
        Overlap(documents: #"{"spec": "a.json", "kind": "handout", "output": "aa//tt"}, {"spec": "a.json", "kind": "handout", "output": "aa/tt"}"#,
                message: #"documents[1].output: "aa/tt" is already the output of documents[0] ("aa//tt")"#),
        Overlap(documents: #"{"spec": "a.json", "kind": "exercises", "output": "ex"}, {"spec": "a.json", "kind": "handout", "output": "ex/exercises"}"#,
                message: #"documents[1].output: "ex/exercises" overlaps the output "ex" of documents[0] (an exercise set): two documents would write the same files"#),
        Overlap(documents: #"{"spec": "a.json", "kind": "handout", "output": "ex/sheet"}, {"spec": "a.json", "kind": "variants", "count": 2, "output": "ex"}"#,
                message: #"documents[1].output: "ex" overlaps the output "ex/sheet" of documents[0] (a handout): two documents would write the same files"#),
        Overlap(documents: #"{"spec": "a.json", "kind": "handout", "output": "h", "formats": ["latex"]}, {"spec": "a.json", "kind": "trace", "output": "h.tex/t"}"#,
                message: #"documents[1].output: "h.tex/t" overlaps the output "h" of documents[0] (a handout): two documents would write the same files"#),
    ]

    @Test(arguments: overlaps)
    func overlappingOutputsAreRefusedNamingBoth(_ overlap: Overlap) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", #"{"outputRoot": "out", "documents": [\#(overlap.documents)]}"#)
        for extra in [[], ["--check"]] {
            let run = CapturedRun(["build", manifest] + extra)
            #expect(run.exitCode == 3)
            #expect(run.error == "error: \(manifest): \(overlap.message)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }

    @Test func neighboursWithSimilarNamesAreNotOverlaps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", """
        {"outputRoot": "out", "defaults": {"formats": ["markdown"]}, "documents": [
          {"spec": "a.json", "kind": "handout", "output": "a/handout"},
          {"spec": "a.json", "kind": "handout", "output": "a/handout-2"},
          {"spec": "a.json", "kind": "trace", "output": "a/handout-figure"},
          {"spec": "a.json", "kind": "exercises", "output": "a/handouts"}]}
        """)
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(CapturedRun(["build", manifest, "--check", "--quiet"]).exitCode == 0)
    }

    // MARK: 5. Standard streams

    struct StreamCase: Sendable, CustomStringConvertible {
        let script: String
        let message: String?
        var description: String { script }
    }

    static let streamCases: [StreamCase] = [
        StreamCase(script: #""$TOOL" handout > /dev/full"#, message: "error: cannot write to standard output: No space left on device\n"),
        StreamCase(script: #""$TOOL" trace >&-"#, message: "error: cannot write to standard output: it is closed\n"),
        StreamCase(script: #""$TOOL" build m.json 2>/dev/full"#, message: nil),
        StreamCase(script: #""$TOOL" exercises --variants 20 -o v 2>&-"#, message: nil),
        StreamCase(script: #""$TOOL" handout --digits 99 2>/dev/full"#, message: nil),
    ]

    @Test(arguments: streamCases)
    func writeErrorsOnStandardStreamsExitFour(_ stream: StreamCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        _ = try folder.write("m.json", #"{"outputRoot": "out", "documents": [{"spec": "a.json", "kind": "trace", "output": "t"}]}"#)
        let run = try ToolProcess(stream.script, in: folder.path)
        #expect(run.status == 4, "\(run.error)")
        if let message = stream.message { #expect(run.error == message) }
        #expect(!run.error.contains("Fatal error") && !run.error.contains("crashed"))
        // Progress lines never land in an output file that took the closed descriptor.
        if FileManager.default.fileExists(atPath: folder.file("v/answers.json")) {
            let answers = try String(contentsOfFile: folder.file("v/answers.json"), encoding: .utf8)
            #expect(!answers.contains("generated"))
        }
    }

    // MARK: 6. Links inside the output tree

    @Test func linkedFoldersLeadingOutsideTheTreeAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", #"{"outputRoot": "out", "documents": [{"spec": "a.json", "kind": "trace", "output": "sub/x"}, {"spec": "a.json", "kind": "trace", "output": "in/y"}]}"#)
        try FileManager.default.createDirectory(atPath: folder.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.file("out/real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("out/sub"), withDestinationPath: "../elsewhere")
        try FileManager.default.createSymbolicLink(atPath: folder.file("out/in"), withDestinationPath: "real")
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("is a symbolic link to \(URL(fileURLWithPath: folder.file("elsewhere")).resolvingSymlinksInPath().path), outside the output folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("elsewhere")).isEmpty, "wrote outside the tree")
        #expect(FileManager.default.fileExists(atPath: folder.file("out/real/y.json")), "a link inside the tree is fine")
        // --check does not pass through the link either.
        try "{}".write(toFile: folder.file("elsewhere/x.json"), atomically: true, encoding: .utf8)
        let check = CapturedRun(["build", manifest, "--check", "--quiet"])
        #expect(check.exitCode == 1)
        #expect(check.error.contains("outside: \(folder.file("out/sub/x.json"))"))
    }

    // MARK: 8. Spec size before reading

    @Test func buildRefusesAnOversizedSpecBeforeReadingIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("big.json", "{")
        let handle = try #require(FileHandle(forWritingAtPath: spec))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let manifest = try folder.write("m.json", #"{"outputRoot": "out", "documents": [{"spec": "big.json", "kind": "trace", "output": "t"}]}"#)
        let began = Date()
        let run = CapturedRun(["build", manifest, "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("t: spec \(spec) is \(1 << 30) bytes; at most \(64 << 20) are accepted"))
        #expect(Date().timeIntervalSince(began) < 5, "the spec was read")
    }
}
