import Documents

/// `worked-backprop template render FILE [--data JSON] [--partials DIR] [--escape MODE]`:
/// renders one Mustache template exactly, for template authors to preview their work.
struct TemplateCommand: Command {
    static let name = "template"
    static let summary = "preview a Mustache template: template render FILE [--data JSON] …"
    static let help = """
    Usage: worked-backprop template render FILE [--data JSON] [--partials DIR] [--escape MODE]
                                           [--missing-partials-empty]

    Renders the Mustache template FILE to standard output, exactly, with no added newline.
    Follows the Mustache specification: interpolation, sections, inverted sections, comments,
    partials, set delimiters and template inheritance (parents and blocks) — with one
    difference: an unknown partial is an error naming it (a misspelt name would otherwise
    vanish silently), where the specification renders it empty; --missing-partials-empty
    renders it empty as the specification does.

    Bounds: a template or partial of at most 1 MiB; a rendering of at most 16 MiB and
    1,000,000 tags beyond what the data accounts for (4 KiB and 400 tags per value),
    partials nested at most 100 deep. Past a bound the rendering stops with
    the FILE:LINE:COLUMN of the tag where it was passed.

    Options:
      --data JSON       a JSON file with the data to render (default: {})
      --partials DIR    the folder of partials: {{>p}} is DIR/p.mustache (default: FILE's folder)
      --escape MODE     how {{name}} escapes text: html (default, as the specification says),
                        latex, markdown or none; {{{name}}} never escapes
      --missing-partials-empty
                        render an unknown partial as empty text, as the specification says
      -h, --help        show this help

    """

    var templatePath: String
    var dataPath: String?
    var partialsDirectory: String?
    var escape: TextEscaping
    var missingPartialsEmpty: Bool

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        dataPath = try arguments.pathOption("--data")
        partialsDirectory = try arguments.pathOption("--partials")
        missingPartialsEmpty = arguments.flag("--missing-partials-empty")
        let mode = try arguments.option("--escape") ?? "html"
        guard let escape = TextEscaping(rawValue: mode) else {
            throw .usage("--escape expects html, latex, markdown or none, got \"\(mode)\"")
        }
        self.escape = escape
        let positionals = try arguments.positionals(atMost: 2)
        guard positionals.first == "render" else {
            throw .usage(positionals.isEmpty ? "template needs a subcommand: template render FILE" : "unknown subcommand \"\(positionals[0])\"; expected render")
        }
        guard positionals.count == 2 else { throw .usage("template render needs a template FILE") }
        templatePath = positionals[1]
        if templatePath.isEmpty { throw .usage("template render needs a template FILE, got an empty path") }
    }

    func run(_ console: Console) throws(CLIError) {
        let data = try dataPath.map { path throws(CLIError) in
            let text = try FileSystem.readText(path, what: "data", limit: 64 << 20)
            guard TextFile.startsLikeJSON(text) else { throw .invalidInput("data \(path) \(TextFile.notJSONMessage)") }
            return text
        }
        do {
            let text = try TemplatePreview.render(
                templatePath: templatePath, dataJSON: data, partialsDirectory: partialsDirectory, escape: escape,
                missingPartialsEmpty: missingPartialsEmpty
            )
            console.writeOutput(text)
        } catch {
            switch error {
            case .unreadableTemplate: throw .io(error.description)
            case .invalidData(let syntax): throw .invalidInput("\(dataPath ?? "data"): invalid JSON at \(syntax)")
            case .template(let located): throw .invalidInput(located.description)
            }
        }
    }
}
