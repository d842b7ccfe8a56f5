import Backprop
import Foundation
import Testing

/// Issue 11: bounded templates, all-or-nothing variant sets, no leftovers, flat memory.
@Suite struct BoundedOutputTests {
    // MARK: 7. Template expansion

    /// Forty partials, each including the next twice: 2⁴⁰ expansions if nothing stopped them.
    static func writeDoublingPartials(in folder: String, leaf: String) throws {
        for level in 0..<40 {
            try "{{>p\(level + 1)}}{{>p\(level + 1)}}".write(toFile: folder + "/p\(level).mustache", atomically: true, encoding: .utf8)
        }
        try leaf.write(toFile: folder + "/p40.mustache", atomically: true, encoding: .utf8)
    }

    @Test(arguments: ["", "text that grows the output "])
    func doublingPartialsFailFastAtTheTag(leaf: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeDoublingPartials(in: folder.path, leaf: leaf)
        let template = try folder.write("t.mustache", "start\n{{>p0}}")
        let began = Date()
        let run = CapturedRun(["template", "render", template])
        // Seconds in a release build; a debug build on a loaded machine is far slower.
        #expect(Date().timeIntervalSince(began) < 120)
        #expect(run.exitCode == 3)
        #expect(run.error.hasPrefix("error: \(folder.path)/p"))
        #expect(run.error.contains(".mustache:1:") && run.error.contains("the rendering expands to more than"))
        #expect(run.output.isEmpty)
    }

    @Test func doublingPartialsInAHandoutTemplateFolderFailFast() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates + "/handout", withIntermediateDirectories: true)
        try Self.writeDoublingPartials(in: templates, leaf: "x")
        try "{{>p0}}\n".write(toFile: templates + "/handout/abstract.mustache", atomically: true, encoding: .utf8)
        let began = Date()
        let run = CapturedRun(["handout", "--templates", templates, "-o", folder.file("h.tex")])
        #expect(Date().timeIntervalSince(began) < 180)
        #expect(run.exitCode == 3)
        #expect(run.error.contains("the rendering expands to more than"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("h.tex")))
    }

    @Test func anOversizedTemplateIsRefusedUnread() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("big.mustache", "x")
        let handle = try #require(FileHandle(forWritingAtPath: template))
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        let run = CapturedRun(["template", "render", template])
        #expect(run.exitCode == 4)
        #expect(run.error == "error: cannot read template \(template): is \(50 << 20) bytes; at most \(1 << 20) are accepted\n")
    }

    // MARK: 9. Variant sets, all or nothing

    @Test func aSmallerRunReplacesTheWholeVariantSet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("v")
        #expect(CapturedRun(["exercises", "--variants", "5", "--seed", "3", "-o", out, "--quiet"]).exitCode == 0)
        #expect(CapturedRun(["exercises", "--variants", "3", "--seed", "4", "-o", out, "--quiet"]).exitCode == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["answers.json", "overview.tex", "variant-01", "variant-02", "variant-03"])
        #expect(try folder.contents() == ["v"], "no staging folder is left")
    }

    @Test func aFailedRunLeavesTheOldSetUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("v")
        #expect(CapturedRun(["exercises", "--variants", "3", "--seed", "3", "-o", out, "--quiet"]).exitCode == 0)
        let before = try BuildCommandTests.snapshot(out)
        // A template that fails in every variant's answer key.
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates + "/exercises", withIntermediateDirectories: true)
        try "{{>missing-partial}}\n".write(toFile: templates + "/exercises/solutions.mustache", atomically: true, encoding: .utf8)
        let run = CapturedRun(["exercises", "--variants", "5", "--seed", "9", "--templates", templates, "-o", out, "--quiet"])
        #expect(run.exitCode == 3, "\(run.error)")
        #expect(try BuildCommandTests.snapshot(out) == before)
        #expect(try folder.contents() == ["templates", "v"], "no staging folder is left")
    }

    @Test func aFolderHoldingOtherFilesIsRefusedNotReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("notes.txt", "mine")
        let run = CapturedRun(["exercises", "--variants", "2", "-o", folder.path, "--quiet"])
        #expect(run.exitCode == 4)
        #expect(run.error.contains("it holds notes.txt, which exercises does not write"))
        #expect(try folder.contents() == ["notes.txt"])
    }

    @Test func concurrentRunsIntoOneFolderNeverMix() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for round in 0..<3 {
            // Two processes at once (started from here: a shell's `wait` needs SIGCHLD, which
            // the test runner's children may not get).
            let processes = try [11, 12].map { seed in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: ToolProcess.tool)
                process.arguments = ["exercises", "--variants", "4", "--seed", "\(seed)", "-o", folder.file("v"), "--quiet"]
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            let all = try String(contentsOfFile: folder.file("v/answers.json"), encoding: .utf8)
            let seed = all.contains(#""id": "11-01""#) ? "11" : "12"
            #expect(all.contains(#""id": "\#(seed)-04""#) && !all.contains(#""id": "\#(seed == "11" ? "12" : "11")-"#))
            for n in 1...4 {
                let spec = try String(contentsOfFile: folder.file("v/variant-0\(n)/answers.json"), encoding: .utf8)
                #expect(spec.contains(#""id": "\#(seed)-0\#(n)""#), "round \(round): variant \(n) is from another run")
            }
            #expect(try folder.contents() == ["v"])
        }
    }

    @Test func rebuildingOneVariantKeepsTheOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("v")
        #expect(CapturedRun(["exercises", "--variants", "3", "--seed", "5", "-o", out, "--quiet"]).exitCode == 0)
        let before = try BuildCommandTests.snapshot(out)
        try FileManager.default.removeItem(atPath: out + "/variant-02/answers.json")
        #expect(CapturedRun(["exercises", "--seed", "5", "--variant", "2", "-o", out, "--quiet"]).exitCode == 0)
        #expect(try BuildCommandTests.snapshot(out) == before)
    }

    // MARK: 10. Leftovers

    @Test func aFailedMarkdownHandoutLeavesNoFigure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("h.md"), withIntermediateDirectories: true)
        let run = CapturedRun(["handout", "-o", folder.file("h.md")])
        #expect(run.exitCode == 4)
        #expect(run.error == "error: cannot write \(folder.file("h.md")): it is a folder\n")
        #expect(try folder.contents() == ["h.md"])
    }

    @Test func buildPDFLeavesOnlyThePDF() throws {
        guard PDFTools.available else {
            print("SKIPPED buildPDFLeavesOnlyThePDF: neither latexmk nor pdflatex is on the PATH; .ci/run installs TeX Live")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", #"{"outputRoot": "public", "defaults": {"formats": ["latex"]}, "documents": [{"spec": "a.json", "kind": "handout", "output": "h"}]}"#)
        let run = CapturedRun(["build", manifest, "--pdf", "--quiet"])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("public")).sorted() == ["h.pdf", "h.tex"])
    }

    @Test func handoutToAPDFPathMakesAPDFOrRefuses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let refused = CapturedRun(["handout", "--format", "html", "-o", folder.file("h.pdf")])
        #expect(refused.exitCode == 2)
        #expect(refused.error.hasPrefix("error: -o \(folder.file("h.pdf")) asks for a PDF, which is compiled from LaTeX"))
        guard PDFTools.available else {
            print("SKIPPED the PDF half of handoutToAPDFPathMakesAPDFOrRefuses: no latexmk or pdflatex on the PATH")
            return
        }
        let run = CapturedRun(["handout", "-o", folder.file("h.pdf")])
        #expect(run.exitCode == 0, "\(run.error)")
        let bytes = try #require(FileManager.default.contents(atPath: folder.file("h.pdf")))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        #expect(try folder.contents() == ["h.pdf"])
    }

    @Test func checkOfShardsReportsEveryUnexpectedFileOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let manifest = try folder.write("m.json", """
        {"outputRoot": "out", "documents": [
          {"spec": "a.json", "kind": "trace", "output": "one/t"},
          {"spec": "a.json", "kind": "exercises", "output": "two", "formats": ["latex"]}]}
        """)
        #expect(CapturedRun(["build", manifest, "--quiet"]).exitCode == 0)
        _ = try folder.write("out/two/stray.txt", "x")
        _ = try folder.write("out/one/t.json.bak", "x")
        var reports: [String] = []
        for i in 1...2 {
            let run = CapturedRun(["build", manifest, "--check", "--shard", "\(i)/2", "--quiet"])
            #expect(run.exitCode == 1)
            reports += run.error.split(separator: "\n").filter { $0.hasPrefix("unexpected: ") }.map(String.init)
        }
        #expect(reports.sorted() == ["unexpected: \(folder.file("out/one/t.json.bak"))", "unexpected: \(folder.file("out/two/stray.txt"))"])
        let second = CapturedRun(["build", manifest, "--check", "--shard", "2/2", "--quiet"])
        #expect(second.error.contains("out/two/stray.txt") && !second.error.contains("t.json.bak"))
    }

    // MARK: 11. Memory

    /// Peak memory of a build of `count` handouts (one format), from /usr/bin/time.
    static func peakKilobytes(handouts count: Int, in folder: TemporaryFolder) throws -> Int {
        let documents = (1...count).map { #"{"spec": "a.json", "kind": "handout", "output": "d\#($0)/h"}"# }
        _ = try folder.write("m\(count).json", #"{"outputRoot": "out\#(count)", "defaults": {"formats": ["latex"]}, "documents": [\#(documents.joined(separator: ","))]}"#)
        let run = try ToolProcess(#"/usr/bin/time -f 'peak %M' "$TOOL" build m\#(count).json --quiet --check 2>&1 >/dev/null | tail -1"#, in: folder.path)
        let text = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int(text.replacingOccurrences(of: "peak ", with: "")), "no peak in \(run.output) \(run.error)")
    }

    @Test func memoryDoesNotGrowWithTheBatch() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            print("SKIPPED memoryDoesNotGrowWithTheBatch: /usr/bin/time is not installed (apt-get install time)")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.json", BuiltinExamples.seed000)
        let small = try Self.peakKilobytes(handouts: 20, in: folder)
        let large = try Self.peakKilobytes(handouts: 300, in: folder)
        // Before: about 40 KB more per document, 11 MB for these 280 more.
        #expect(large - small < 6_000, "peak \(small) KB for 20 handouts, \(large) KB for 300")
    }
}

/// Whether a LaTeX compiler is on the PATH.
enum PDFTools {
    static var available: Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/latexmk") || FileManager.default.isExecutableFile(atPath: "\($0)/pdflatex") }
    }
}
