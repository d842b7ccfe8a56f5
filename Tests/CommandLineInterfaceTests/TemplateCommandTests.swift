import Foundation
import Testing

@Suite struct TemplateCommandTests {
    @Test func rendersExactlyWithoutAddingANewline() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("t.mustache", "Hello {{name}}{{>p}}")
        _ = try folder.write("p.mustache", "! {{#items}}<{{.}}>{{/items}}")
        let data = try folder.write("d.json", #"{"name": "A & B", "items": [1, 2.50]}"#)
        let run = CapturedRun(["template", "render", template, "--data", data])
        #expect(run.exitCode == 0)
        #expect(run.output == "Hello A &amp; B! <1><2.50>")
    }

    @Test(arguments: [("latex", #"50\% \& \$5"#), ("markdown", #"50% \& \$5"#), ("none", "50% & $5"), ("html", "50% &amp; $5")])
    func escapesForTheChosenTarget(mode: String, expected: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("t.mustache", "{{x}}")
        let data = try folder.write("d.json", #"{"x": "50% & $5"}"#)
        let run = CapturedRun(["template", "render", template, "--data", data, "--escape", mode])
        #expect(run.exitCode == 0)
        #expect(run.output == expected)
    }

    @Test func partialsComeFromTheGivenFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("parts"), withIntermediateDirectories: true)
        let template = try folder.write("t.mustache", "[{{>p}}]")
        _ = try folder.write("parts/p.mustache", "from parts")
        let run = CapturedRun(["template", "render", template, "--partials", folder.file("parts")])
        #expect(run.output == "[from parts]")
    }

    @Test func templateErrorsNameFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("t.mustache", "line one\n  {{#open}} never closed\n")
        let run = CapturedRun(["template", "render", template])
        #expect(run.exitCode == 3)
        #expect(run.error.hasPrefix("error: \(template):2:3: "))
        #expect(run.error.contains("open"))
    }

    @Test func invalidDataJSONIsLocated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("t.mustache", "{{x}}")
        let data = try folder.write("d.json", "{\"x\": }")
        let run = CapturedRun(["template", "render", template, "--data", data])
        #expect(run.exitCode == 3)
        #expect(run.error == "error: \(data): invalid JSON at line 1, column 7: unexpected character '}', expected a value\n")
    }

    @Test func partialsOutsideTheFolderAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("t.mustache", "{{>../secret}}")
        let run = CapturedRun(["template", "render", template])
        #expect(run.exitCode == 3)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("../secret"))
    }

    @Test func usageErrors() {
        #expect(CapturedRun(["template"]).exitCode == 2)
        #expect(CapturedRun(["template", "render"]).exitCode == 2)
        #expect(CapturedRun(["template", "render", "x", "--escape", "rtf"]).error.hasPrefix("error: --escape expects html, latex, markdown or none"))
        #expect(CapturedRun(["template", "render", "/nonexistent.mustache"]).exitCode == 4)
    }
}
