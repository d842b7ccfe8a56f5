import Documents
import Testing

/// Parse and render errors name the template, line and column of the offending tag.
@Suite struct MustacheErrorTests {
    struct ParseErrorCase: Sendable, CustomTestStringConvertible {
        var template: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    static let parseErrors: [ParseErrorCase] = [
        .init(template: "a\n  {{#a}}x", line: 2, column: 3, message: "unclosed section 'a'"),
        .init(template: "{{^a}}{{#b}}{{/b}}", line: 1, column: 1, message: "unclosed section 'a'"),
        .init(template: "{{<page}}{{$a}}{{/a}}", line: 1, column: 1, message: "unclosed parent 'page'"),
        .init(template: "{{$a}}", line: 1, column: 1, message: "unclosed block 'a'"),
        .init(template: "{{#a}}\n{{/b}}", line: 2, column: 1,
              message: "closing tag '/b' does not match 'a' opened at line 1, column 1"),
        .init(template: "x {{/a}}", line: 1, column: 3, message: "closing tag '/a' has no opening tag"),
        .init(template: "{{#a}}{{/a}}{{/a}}", line: 1, column: 13, message: "closing tag '/a' has no opening tag"),
        .init(template: "\n{{=<% =}}", line: 2, column: 1, message: "invalid set-delimiter tag"),
        .init(template: "{{=<% %> x=}}", line: 1, column: 1, message: "invalid set-delimiter tag"),
        .init(template: "{{=<= =>=}}", line: 1, column: 1, message: "invalid set-delimiter tag"),
        .init(template: "ab {{}}", line: 1, column: 4, message: "empty tag"),
        .init(template: "{{# }}", line: 1, column: 1, message: "empty tag"),
        .init(template: "{{a b}}", line: 1, column: 1, message: "invalid name 'a b'"),
        .init(template: "x\n  {{a", line: 2, column: 3, message: "unclosed tag: expected '}}'"),
        .init(template: "{{{a}}", line: 1, column: 1, message: "unclosed tag: expected '}}}'"),
        .init(template: "{{=<% %>=}}\n<%#a%>", line: 2, column: 1, message: "unclosed section 'a'"),
        .init(template: "é ü {{#a}}", line: 1, column: 5, message: "unclosed section 'a'"),
        .init(template: "{{!\n\n}} {{/x}}", line: 3, column: 4, message: "closing tag '/x' has no opening tag"),
        .init(template: "{{<p}}{{$a}}1{{/a}}{{$a}}2{{/a}}{{/p}}", line: 1, column: 20,
              message: "block 'a' is given twice in parent 'p'"),
    ]

    @Test(arguments: parseErrors)
    func parseError(_ test: ParseErrorCase) {
        #expect {
            try MustacheTemplate(source: test.template, name: "page.mustache")
        } throws: { error in
            guard let error = error as? SourceError else { return false }
            return error.location == SourceLocation(file: "page.mustache", line: test.line, column: test.column)
                && error.message.hasPrefix(test.message)
        }
    }

    @Test func descriptionIsFileLineColumnMessage() throws {
        let error = try #require(throws: SourceError.self) {
            try MustacheTemplate(source: "ok\n {{#rows}}", name: "Templates/forward.md")
        }
        #expect(error.description == "Templates/forward.md:2:2: unclosed section 'rows': expected a closing tag '/rows'")
    }

    private func renderError(
        _ source: String, partials: [String: String] = [:], data: MustacheValue = [:],
        options: MustacheRenderOptions = MustacheRenderOptions()
    ) throws -> SourceError {
        let template = try MustacheTemplate(source: source, name: "main")
        let provider = try MustacheDictionaryPartials(sources: partials)
        return try #require(throws: SourceError.self) {
            try template.render(data, partials: provider, options: options)
        }
    }

    @Test func unknownPartialIsAnErrorWhenStrict() throws {
        let error = try renderError("line\n  {{>missing}}")
        #expect(error.location == SourceLocation(file: "main", line: 2, column: 3))
        #expect(error.message == "unknown partial 'missing'")
    }

    @Test func unknownParentIsAnErrorWhenStrict() throws {
        let error = try renderError("{{<layout}}{{/layout}}")
        #expect(error.description == "main:1:1: unknown partial 'layout'")
    }

    @Test func unknownPartialInsideAPartialIsLocatedInThatPartial() throws {
        let error = try renderError("{{>outer}}", partials: ["outer": "a\nb {{>inner}}"])
        #expect(error.location == SourceLocation(file: "outer", line: 2, column: 3))
    }

    @Test func unknownPartialRendersEmptyWhenNotStrict() throws {
        let template = try MustacheTemplate(source: "[{{>missing}}]", name: "main")
        #expect(try template.render([:], partials: MustacheDictionaryPartials(), options: .specification) == "[]")
    }

    @Test func missingVariableIsAnErrorOnlyWhenStrict() throws {
        let strict = MustacheRenderOptions(strictVariables: true)
        let error = try renderError("{{#a}}\n {{a.b}}{{/a}}", data: ["a": [:]], options: strict)
        #expect(error.description == "main:2:2: no value named 'a.b'")
        let template = try MustacheTemplate(source: "[{{x}}]{{#x}}never{{/x}}", name: "main")
        #expect(try template.render([:], partials: MustacheDictionaryPartials()) == "[]")
    }

    @Test func interpolatingAListOrObjectIsAnError() throws {
        let list = try renderError("x {{rows}}", data: ["rows": ["a"]])
        #expect(list.location.column == 3)
        #expect(list.message.contains("'rows' is a list"))
        let object = try renderError("{{{row}}}", data: ["row": ["a": "b"]])
        #expect(object.message.contains("'row' is an object"))
    }

    @Test func recursivePartialStopsWithAnError() throws {
        let error = try renderError("{{>loop}}", partials: ["loop": "x{{>loop}}"])
        #expect(error.location == SourceLocation(file: "loop", line: 1, column: 2))
        #expect(error.message.contains("nested more than 100 levels"))
    }

    @Test func selfOverridingBlockStopsWithAnError() throws {
        let error = try renderError("{{<p}}{{$a}}{{$a}}{{/a}}{{/a}}{{/p}}", partials: ["p": "{{$a}}{{/a}}"])
        #expect(error.message.contains("overrides itself"))
    }

    @Test func partialParseErrorNamesThePartial() throws {
        let template = try MustacheTemplate(source: "{{>broken}}", name: "main")
        #expect(throws: SourceError("unclosed section 'x': expected a closing tag '/x'",
                                    at: SourceLocation(file: "broken", line: 1, column: 1))) {
            let partials = try MustacheDictionaryPartials(sources: ["broken": "{{#x}}"])
            _ = try template.render([:], partials: partials)
        }
    }
}
