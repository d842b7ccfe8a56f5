import Foundation
import Testing

/// Issue 7: a user's template folder (`handout --templates DIR`) cannot include files outside the
/// template folders. A partial named with `..` or an absolute path, or a file that is a symlink
/// leading out of the folder, stops the handout with exit code 3 and a message saying why, and
/// no output file is written.
@Suite struct TemplateSafetyTests {
    static let escapes = [
        "{{>../../etc/passwd}}",
        "{{>/etc/passwd}}",
        "{{>handout/../../../../etc/passwd}}",
        "{{> ../etc/hostname }}",
        "{{>./../etc/passwd}}",
    ]

    /// Section templates and the format shells, each overridden in turn.
    static let overridden = ["handout/abstract.mustache", "latex/shell.mustache", "html/shell.mustache", "markdown/shell.mustache"]

    static var cases: [(String, String)] {
        overridden.flatMap { file in escapes.map { (file, $0) } }
    }

    @Test(arguments: cases)
    func partialOutsideTheTemplateFoldersIsRefused(file: String, partial: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates + "/" + (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "Before \(partial) after\n".write(toFile: templates + "/" + file, atomically: true, encoding: .utf8)
        let format = file.hasPrefix("html") ? "html" : file.hasPrefix("markdown") ? "markdown" : "latex"
        let output = folder.file("handout.out")
        let run = CapturedRun(["handout", "--templates", templates, "--format", format, "-o", output])
        #expect(run.exitCode == 3, "exit \(run.exitCode): \(run.error)")
        // Section templates name the rule; shells take no partials at all, so any is unknown.
        let reason = file.hasPrefix("handout/") ? "not allowed" : "unknown partial"
        #expect(run.error.contains(reason), "the message says why: \(run.error)")
        #expect(!run.output.contains("root:"), "a system file was printed")
        #expect(!FileManager.default.fileExists(atPath: output), "an output file was written")
        #expect(try folder.contents() == ["templates"])
    }

    @Test func symlinkLeavingTheTemplateFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates + "/handout", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: templates + "/handout/abstract.mustache", withDestinationPath: "/etc/passwd")
        let output = folder.file("handout.tex")
        let run = CapturedRun(["handout", "--templates", templates, "--format", "latex", "-o", output])
        #expect(run.exitCode == 3, "exit \(run.exitCode): \(run.error)")
        #expect(run.error.contains("outside"), "the message says why: \(run.error)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
