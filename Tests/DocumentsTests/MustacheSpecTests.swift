import Documents
import JSON
import Testing

/// The Mustache specification's modules, run as data. Lambdas (`~lambdas`) are optional
/// and not implemented: the template context is plain data.
@Suite struct MustacheSpecTests {
    static let cases = MustacheSpecCase.comments + MustacheSpecCase.delimiters + MustacheSpecCase.interpolation
        + MustacheSpecCase.inverted + MustacheSpecCase.partials + MustacheSpecCase.sections
        + MustacheSpecCase.inheritance

    @Test(arguments: cases)
    func specification(_ test: MustacheSpecCase) throws {
        let data = MustacheValue(json: try JSONParser().parse(test.data))
        let partials = try MustacheDictionaryPartials(sources: test.partials)
        let template = try MustacheTemplate(source: test.template, name: test.name)
        let output = try template.render(data, partials: partials, options: .specification)
        #expect(output == test.expected)
    }

    @Test func everyModuleIsComplete() {
        let counts = Dictionary(grouping: Self.cases, by: \.module).mapValues(\.count)
        #expect(counts == [
            "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12,
            "sections": 34, "~inheritance": 27,
        ])
    }
}
