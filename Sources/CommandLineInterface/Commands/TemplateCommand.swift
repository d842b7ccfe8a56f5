import Documents

/// `worked-backprop template render FILE [--data JSON] [--partials DIR] [--escape MODE]`:
/// renders one Mustache template exactly, for template authors to preview their work.
struct TemplateCommand: Command {
    static let name = "template"
    static let summary = "preview a Mustache template: template render FILE [--data JSON] …"
    static let help = """
    Usage: worked-backprop template render FILE [--data JSON] [--partials DIR] [--escape MODE]

    Renders the Mustache template FILE to standard output, exactly, with no added newline.
    Follows the Mustache specification: interpolation, sections, inverted sections, comments,
    partials, set delimiters and template inheritance (parents and blocks).

    Options:
      --data JSON       a JSON file with the data to render (default: {})
      --partials DIR    the folder of partials: {{>p}} is DIR/p.mustache (default: FILE's folder)
      --escape MODE     how {{name}} escapes text: html (default, as the specification says),
                        latex, markdown or none; {{{name}}} never escapes
      -h, --help        show this help

    """

    var templatePath: String
    var dataPath: String?
    var partialsDirectory: String?
    var escape: TextEscaping

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        dataPath = try arguments.option("--data")
        partialsDirectory = try arguments.option("--partials")
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
    }

    func run(_ console: Console) throws(CLIError) {
        let data = try dataPath.map { path throws(CLIError) in
            try FileSystem.readText(path, what: "data", limit: 64 << 20)
        }
        do {
            let text = try TemplatePreview.render(
                templatePath: templatePath, dataJSON: data, partialsDirectory: partialsDirectory, escape: escape
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
