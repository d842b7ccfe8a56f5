/// The values a format's shell template places around the body: the title block already
/// rendered for the target, the body, the math macro definitions and the feature flags the
/// body recorded ("templates wrap, writers render").
///
/// Template tags: `{{{name}}}` for rendered values, `{{name}}` for plain text (escaped by the
/// engine for the target), `{{#flag}}…{{/flag}}` for flags. `fields` lists them all.
public struct ShellValues: Hashable, Sendable {
    /// One named value as the template sees it.
    public struct Field: Hashable, Sendable {
        public enum Value: Hashable, Sendable {
            /// Plain text; the template interpolates it escaped, `{{name}}`.
            case text(String)
            /// Rendered for the target format; the template places it verbatim, `{{{name}}}`.
            case rendered(String)
            /// A condition for a section, `{{#name}}…{{/name}}` / `{{^name}}…{{/name}}`.
            case flag(Bool)
        }
        public var name: String
        public var value: Value
    }

    /// BCP 47 language tag (plain text).
    public var language = "en"
    /// Title, subtitle, author, course and date rendered for the target (may hold math).
    public var title = ""
    public var subtitle = ""
    public var author = ""
    public var course = ""
    public var date = ""
    /// The title as plain text, for places without markup (HTML `<title>`).
    public var plainTitle = ""
    /// The rendered body.
    public var body = ""
    /// The role macros in the format's own form: `\newcommand`s for LaTeX, a KaTeX `macros`
    /// object for HTML, empty for Markdown (which expands them).
    public var mathMacros = ""
    /// Format-specific style definitions from the shared palette: LaTeX colours and box
    /// environments, HTML CSS custom properties; empty for Markdown.
    public var styles = ""
    /// Where the HTML shell loads KaTeX from (plain text, escaped into attributes).
    public var katexBaseURL = ""
    /// Whether the HTML page loads KaTeX (its `--math katex` mode).
    public var usesKaTeX = false
    /// The HTML `<link>` and `<script>` elements that load KaTeX, with integrity hashes for the
    /// pinned CDN files.
    public var katexLinks = ""
    /// The body contains a figure (LaTeX loads TikZ).
    public var needsTikz = false
    /// The body contains a table (LaTeX loads booktabs).
    public var needsTables = false
    /// The body contains a division box (LaTeX loads tcolorbox).
    public var needsBoxes = false

    public init() {}

    /// Every value by its template name, in a fixed order.
    public var fields: [Field] {
        [
            Field(name: "language", value: .text(language)),
            Field(name: "title", value: .rendered(title)),
            Field(name: "hasTitle", value: .flag(!title.isEmpty)),
            Field(name: "subtitle", value: .rendered(subtitle)),
            Field(name: "hasSubtitle", value: .flag(!subtitle.isEmpty)),
            Field(name: "author", value: .rendered(author)),
            Field(name: "hasAuthor", value: .flag(!author.isEmpty)),
            Field(name: "course", value: .rendered(course)),
            Field(name: "hasCourse", value: .flag(!course.isEmpty)),
            Field(name: "date", value: .rendered(date)),
            Field(name: "hasDate", value: .flag(!date.isEmpty)),
            Field(name: "plainTitle", value: .text(plainTitle)),
            Field(name: "body", value: .rendered(body)),
            Field(name: "mathMacros", value: .rendered(mathMacros)),
            Field(name: "styles", value: .rendered(styles)),
            Field(name: "katexBaseURL", value: .text(katexBaseURL)),
            Field(name: "usesKaTeX", value: .flag(usesKaTeX)),
            Field(name: "katexLinks", value: .rendered(katexLinks)),
            Field(name: "needsTikz", value: .flag(needsTikz)),
            Field(name: "needsTables", value: .flag(needsTables)),
            Field(name: "needsBoxes", value: .flag(needsBoxes)),
        ]
    }
}

/// A shell template's source and the name its errors are reported under.
public struct ShellTemplate: Hashable, Sendable {
    public var source: String
    /// The template's name, e.g. `latex/shell.mustache`.
    public var name: String
    public init(source: String, name: String) {
        self.source = source
        self.name = name
    }
}

/// Fills a shell template with `ShellValues`. The Mustache engine provides the real one:
/// map `.text`/`.rendered` to strings and `.flag` to booleans, and render with `escape`.
public protocol ShellRenderer: Sendable {
    func render(_ template: ShellTemplate, values: ShellValues, escape: TextEscaping) throws -> String
}

/// The outer document of one format: its template and the engine that fills it.
public struct Shell: Sendable {
    public var template: ShellTemplate
    public var renderer: any ShellRenderer

    public init(template: ShellTemplate, renderer: any ShellRenderer) {
        self.template = template
        self.renderer = renderer
    }

    /// Wraps a rendered body into the whole document.
    func wrap(_ body: RenderedBody, format: OutputFormat) throws -> RenderedDocument {
        let main = try renderer.render(template, values: body.shell, escape: format.textEscaping)
        return RenderedDocument(main: main, attachments: body.attachments)
    }
}

extension ShellValues {
    /// Fills the title block from the document's metadata, each field rendered by the
    /// format's inline renderer; the plain title (for `<title>`, PDF metadata) has no markup.
    mutating func setTitleBlock(_ metadata: Metadata, numbering: Numbering, render: ([Inline]) throws -> String) rethrows {
        language = metadata.language
        title = try render(metadata.title)
        subtitle = try render(metadata.subtitle)
        author = try render(metadata.author)
        course = try render(metadata.course)
        date = try render(metadata.date)
        plainTitle = Inline.plainText(metadata.title, numbering: numbering)
    }
}
