/// Fills shell templates with the Mustache engine: text fields are escaped for the format,
/// rendered fields are placed as they are, flags drive `{{#flag}}` sections.
public struct MustacheShellRenderer: ShellRenderer {
    public init() {}

    public func render(_ template: ShellTemplate, values: ShellValues, escape: TextEscaping) throws -> String {
        var object: [String: MustacheValue] = [:]
        for field in values.fields {
            switch field.value {
            case .text(let s), .rendered(let s): object[field.name] = .string(s)
            case .flag(let b): object[field.name] = .bool(b)
            }
        }
        return try MustacheTemplate(source: template.source, name: template.name)
            .render(.object(object), partials: MustacheDictionaryPartials(), escape: escape)
    }
}

extension Shell {
    /// The shell of `format` from `library` (the user's folder first, then the built-in copy),
    /// filled by the Mustache engine.
    public static func standard(for format: OutputFormat, library: TemplateLibrary) throws -> Shell {
        let source = try library.source(named: "\(format.rawValue)/shell.mustache")
        return Shell(template: ShellTemplate(source: source.text, name: source.origin), renderer: MustacheShellRenderer())
    }
}
