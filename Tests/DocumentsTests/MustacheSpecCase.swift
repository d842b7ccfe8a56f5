import Testing

/// One test of the Mustache specification (github.com/mustache/spec, `specs/*.yml`),
/// transcribed as data: the data is JSON text, the rest are the strings of the spec file.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    var module: String
    var name: String
    var data: String
    var template: String
    var partials: [String: String]
    var expected: String

    init(
        _ module: String, _ name: String, data: String, template: String, partials: [String: String] = [:],
        expected: String
    ) {
        self.module = module
        self.name = name
        self.data = data
        self.template = template
        self.partials = partials
        self.expected = expected
    }

    var testDescription: String { "\(module): \(name)" }
}
