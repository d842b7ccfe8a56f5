/// A parsed Mustache template (specification v1.4: interpolation, sections, inverted
/// sections, comments, partials, set delimiters and template inheritance; no lambdas).
///
/// ```swift
/// let template = try MustacheTemplate(source: "Hello, {{name}}!", name: "greeting.mustache")
/// let text = try template.render(["name": "world"], partials: MustacheDictionaryPartials())
/// ```
public struct MustacheTemplate: Hashable, Sendable {
    /// The name errors are reported under: usually the template's path.
    public let name: String
    let tokens: [MustacheToken]

    /// Parses `source`. Errors (unclosed or mismatched sections, bad set-delimiter tags,
    /// empty tags, names with whitespace) carry `name` and the 1-based line and column.
    public init(source: String, name: String) throws(SourceError) {
        guard source.utf8.count <= MustacheLimits.maximumTemplateBytes else {
            throw SourceError(
                "the template is \(source.utf8.count) bytes; at most \(MustacheLimits.maximumTemplateBytes) are accepted",
                at: SourceLocation(file: name, line: 1, column: 1))
        }
        var parser = try MustacheParser(source: source, name: name)
        self.name = name
        self.tokens = try parser.parse()
    }

    /// Renders the template against `context`.
    ///
    /// - Parameters:
    ///   - partials: where `{{>name}}` and `{{<name}}` find their templates.
    ///   - escape: how `{{name}}` makes values literal; `{{{name}}}` and `{{&name}}` never escape.
    ///   - options: strictness and the nesting limit.
    /// - Throws: `SourceError` located at the offending tag: an unknown partial in strict
    ///   mode, a missing value in strict mode, a list or object in an interpolation tag,
    ///   or partials nested deeper than the limit.
    public func render(
        _ context: MustacheValue,
        partials: any MustachePartialProvider,
        escape: TextEscaping = .html,
        options: MustacheRenderOptions = MustacheRenderOptions()
    ) throws(SourceError) -> String {
        // The bounds grow with the data: a list of 100,000 variants may render long, a
        // template that expands itself over nothing may not.
        let size = context.size
        var bounded = options
        bounded.maximumSteps = options.maximumSteps.addingReportingOverflow(size.values.multipliedReportingOverflow(by: 400).partialValue).partialValue
        bounded.maximumOutputBytes = options.maximumOutputBytes
            .addingReportingOverflow(size.values.multipliedReportingOverflow(by: 4096).partialValue + 4 * size.textBytes).partialValue
        var renderer = MustacheRenderer(partials: partials, escape: escape, options: bounded)
        try renderer.render(tokens, in: .init(context: MustacheContext(context)))
        return renderer.output
    }
}

/// How strictly a template is rendered.
public struct MustacheRenderOptions: Hashable, Sendable {
    /// An unknown partial or parent is an error naming it and where it was referenced. The
    /// specification renders it as the empty string instead (`false`).
    public var strictPartials: Bool
    /// An interpolation tag whose name cannot be found is an error. The specification
    /// renders it as the empty string (`false`). Sections are never strict: a missing name
    /// is simply falsey.
    public var strictVariables: Bool
    /// How deeply partials, parents and block overrides may nest, so a recursive partial
    /// fails with an error instead of exhausting the stack.
    public var maximumDepth: Int
    /// Most bytes of output, plus 4 KiB per value and 4 bytes per byte of text in the
    /// data: a template whose partials include each other over and over fails at the tag
    /// where the output passes this, instead of exhausting memory.
    public var maximumOutputBytes: Int
    /// Most tokens rendered (counting each repetition), plus 400 per value in the data:
    /// bounds the time of templates that expand without end even when they print nothing.
    public var maximumSteps: Int

    public init(
        strictPartials: Bool = true, strictVariables: Bool = false, maximumDepth: Int = 100,
        maximumOutputBytes: Int = MustacheLimits.maximumOutputBytes, maximumSteps: Int = MustacheLimits.maximumSteps
    ) {
        self.strictPartials = strictPartials
        self.strictVariables = strictVariables
        self.maximumDepth = maximumDepth
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumSteps = maximumSteps
    }

    /// The behaviour the Mustache specification asks for: unknown partials and missing
    /// values render as the empty string.
    public static let specification = MustacheRenderOptions(strictPartials: false, strictVariables: false)
}

/// The bounds every template and rendering is held to.
public enum MustacheLimits {
    /// Bytes of one template's source (the largest built-in template is under 6 KB).
    public static let maximumTemplateBytes = 1 << 20
    /// Bytes one rendering may produce beyond what its data accounts for (a handout of the
    /// largest network is far smaller).
    public static let maximumOutputBytes = 16 << 20
    /// Tokens one rendering may visit beyond what its data accounts for (a handout visits
    /// about 3,000; a variant overview about 330 per variant, each of about 20 values).
    public static let maximumSteps = 1_000_000
}
