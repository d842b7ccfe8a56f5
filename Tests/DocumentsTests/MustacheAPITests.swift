import Documents
import Foundation
import JSON
import Testing

/// The public API beyond the specification: escaping targets, the value model, the
/// directory provider and the preview entry point.
@Suite struct MustacheAPITests {
    private func render(_ source: String, _ data: MustacheValue, escape: TextEscaping = .html) throws -> String {
        try MustacheTemplate(source: source, name: "t").render(data, partials: MustacheDictionaryPartials(), escape: escape)
    }

    @Test(arguments: [
        (TextEscaping.html, "a &amp; b_1"), (.latex, "a \\& b\\_1"), (.markdown, "a \\& b\\_1"), (.none, "a & b_1"),
    ])
    func escapingFollowsTheTarget(_ escape: TextEscaping, _ expected: String) throws {
        #expect(try render("{{x}}", ["x": "a & b_1"], escape: escape) == expected)
        #expect(try render("{{{x}}}|{{&x}}", ["x": "a & b_1"], escape: escape) == "a & b_1|a & b_1")
    }

    @Test func numbersInterpolateAsTheirExactText() throws {
        let data = MustacheValue(json: try JSONParser().parse(#"{"w": 0.10, "e": -1.5e-3, "n": [1, 2]}"#))
        #expect(try render("{{w}} {{e}} {{#n}}{{.}}{{/n}}", data) == "0.10 -1.5e-3 12")
    }

    @Test func falsinessFollowsTheReferenceImplementation() throws {
        let data: MustacheValue = ["empty": "", "zero": .number("0"), "none": nil, "no": false, "list": []]
        #expect(try render("{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{#none}}N{{/none}}{{#no}}F{{/no}}{{#list}}L{{/list}}", data) == "EZ")
        #expect(try render("{{true}}/{{false}}", ["true": true, "false": false]) == "true/false")
    }

    @Test func jsonObjectsBecomeObjects() throws {
        let json = try JSONParser().parse(#"{"a": [null, true, "s", 2]}"#)
        #expect(MustacheValue(json: json) == ["a": [nil, true, "s", .number("2")]])
    }

    @Test func overridingOneBlockOfABuiltInLayout() throws {
        let partials = try MustacheDictionaryPartials(sources: [
            "layout": "# {{$title}}Worked example{{/title}}\n\n{{$body}}\nNothing yet.\n{{/body}}\n",
        ])
        let page = try MustacheTemplate(
            source: "{{<layout}}\n{{$title}}Backpropagation, {{name}}{{/title}}\n{{/layout}}\n", name: "page")
        #expect(try page.render(["name": "XOR"], partials: partials) == "# Backpropagation, XOR\n\nNothing yet.\n")
    }

    @Test func nestedLayoutsIndentEachLevelOnce() throws {
        let partials = try MustacheDictionaryPartials(sources: [
            "base": "<html>\n  {{$header}}\n  {{/header}}\n  <body>\n    {{$content}}{{/content}}\n  </body>\n</html>\n",
            "header": "<head>\n  <title>{{$title}}Default title{{/title}}</title>\n</head>\n",
        ])
        let page = try MustacheTemplate(
            source: """
                {{<base}}
                  {{$header}}
                    {{<header}}
                      {{$title}}My page title{{/title}}
                    {{/header}}
                  {{/header}}
                  {{$content}}<h1>{{name}}</h1>{{/content}}
                {{/base}}

                """,
            name: "page")
        #expect(try page.render(["name": "Hello"], partials: partials) == """
            <html>
              <head>
                <title>My page title</title>
              </head>
              <body>
                <h1>Hello</h1>
              </body>
            </html>

            """)
    }

    @Test func inlineOverrideStartsTheIndentedLine() throws {
        let partials = try MustacheDictionaryPartials(sources: ["p": "list:\n  {{$items}}{{/items}}\nend\n"])
        let page = try MustacheTemplate(source: "{{<p}}{{$items}}- a\n- b{{/items}}{{/p}}", name: "page")
        #expect(try page.render([:], partials: partials) == "list:\n  - a\n  - b\nend\n")
    }

    // MARK: Directory partials

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "mustache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        return path
    }

    @Test func directoryPartialsReadNameDotMustache() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "<{{x}}>\n".write(toFile: directory + "/item.mustache", atomically: true, encoding: .utf8)
        try "[{{>item}}]".write(toFile: directory + "/sub/wrap.mustache", atomically: true, encoding: .utf8)
        let partials = MustacheDirectoryPartials(directory: directory)
        let template = try MustacheTemplate(source: "  {{>item}}\n{{>sub/wrap}}", name: "main")
        #expect(try template.render(["x": "y"], partials: partials) == "  <y>\n[<y>\n]")
        #expect(try partials.template(named: "absent") == nil)
    }

    @Test(arguments: ["../secret", "sub/../../secret", "/etc/passwd", "sub\\item"])
    func directoryPartialsRefuseNamesLeavingTheFolder(_ name: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let template = try MustacheTemplate(source: "ok\n {{>\(name)}}", name: "main")
        let error = try #require(throws: SourceError.self) {
            try template.render([:], partials: MustacheDirectoryPartials(directory: directory))
        }
        #expect(error.location == SourceLocation(file: "main", line: 2, column: 2))
        #expect(error.message.contains("refused"))
    }

    @Test func directoryPartialErrorsNameThePartialFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "ok\n{{/x}}".write(toFile: directory + "/bad.mustache", atomically: true, encoding: .utf8)
        let error = try #require(throws: SourceError.self) {
            try MustacheTemplate(source: "{{>bad}}", name: "main")
                .render([:], partials: MustacheDirectoryPartials(directory: directory))
        }
        #expect(error.description == "\(directory)/bad.mustache:2:1: closing tag '/x' has no opening tag")
    }

    // MARK: Preview

    @Test func previewRendersExactlyWithPartialsAndEscaping() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{{#rows}}{{>row}}{{/rows}}".write(toFile: directory + "/main.mustache", atomically: true, encoding: .utf8)
        try "{{name}}; ".write(toFile: directory + "/sub/row.mustache", atomically: true, encoding: .utf8)
        let output = try TemplatePreview.render(
            templatePath: directory + "/main.mustache", dataJSON: #"{"rows": [{"name": "a_1"}, {"name": "b"}]}"#,
            partialsDirectory: directory + "/sub", escape: .latex)
        #expect(output == "a\\_1; b; ")
    }

    @Test func previewDefaultsToEmptyDataAndTheTemplatesFolder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[{{x}}{{>part}}]".write(toFile: directory + "/main.mustache", atomically: true, encoding: .utf8)
        try "p".write(toFile: directory + "/part.mustache", atomically: true, encoding: .utf8)
        let output = try TemplatePreview.render(
            templatePath: directory + "/main.mustache", dataJSON: nil, partialsDirectory: nil, escape: .none)
        #expect(output == "[p]")
    }

    @Test func previewErrorsAreTypedAndLocated() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/main.mustache"
        try "a\n{{>nope}}".write(toFile: path, atomically: true, encoding: .utf8)

        let missing = try #require(throws: TemplatePreviewError.self) {
            try TemplatePreview.render(templatePath: directory + "/absent", dataJSON: nil, partialsDirectory: nil, escape: .html)
        }
        guard case .unreadableTemplate = missing else { Issue.record("expected unreadableTemplate, got \(missing)"); return }

        let badData = try #require(throws: TemplatePreviewError.self) {
            try TemplatePreview.render(templatePath: path, dataJSON: "{\n  \"a\": tru }", partialsDirectory: nil, escape: .html)
        }
        guard case .invalidData(let syntax) = badData else { Issue.record("expected invalidData, got \(badData)"); return }
        #expect((syntax.line, syntax.column) == (2, 8))
        #expect(badData.description.hasPrefix("invalid data JSON: line 2, column 8: "))

        let unknown = try #require(throws: TemplatePreviewError.self) {
            try TemplatePreview.render(templatePath: path, dataJSON: "{}", partialsDirectory: nil, escape: .html)
        }
        #expect(unknown.description == "\(path):2:1: unknown partial 'nope'")
    }
}
