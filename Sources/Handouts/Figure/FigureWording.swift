import Documents
import Foundation

/// The words of the network figure, which live in templates like all wording: the caption
/// (`handout/architecture-figure-caption`, Markdown) and the column titles and legend
/// (`handout/architecture-figure-labels`, plain text, one `key: text` line each), rendered
/// from the user's template folder when it overrides them.
struct FigureWording {
    /// Column titles, input layer first.
    let titles: [String]
    let focusLegend: String?
    let pathLegend: String?
    let caption: [Inline]

    init(context: MustacheValue, templatesDirectory: String?) throws(HandoutError) {
        let library = TemplateLibrary(overrideDirectory: templatesDirectory)
        let labels = try Self.render("handout/architecture-figure-labels", context, library, escape: .none)
        var titles: [String] = []
        var focus: String?
        var path: String?
        for line in labels.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            guard let colon = line.firstIndex(of: ":") else {
                throw .template("handout/architecture-figure-labels: expected 'key: text', got '\(line)'")
            }
            let text = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            switch line[..<colon] {
            case "title": titles.append(text)
            case "focus": focus = text
            case "path": path = text
            default: throw .template("handout/architecture-figure-labels: unknown key in '\(line)' (title, focus, path)")
            }
        }
        self.titles = titles
        focusLegend = focus
        pathLegend = path
        let captionText = try Self.render("handout/architecture-figure-caption", context, library, escape: .markdown)
        do {
            caption = try MarkdownReader().readInlines(captionText, file: "handout/architecture-figure-caption (rendered)")
        } catch {
            throw .template(error.description)
        }
    }

    private static func render(
        _ name: String, _ context: MustacheValue, _ library: TemplateLibrary, escape: TextEscaping
    ) throws(HandoutError) -> String {
        do {
            let source = try library.source(named: name + ".mustache")
            let template = try MustacheTemplate(source: source.text, name: source.origin)
            return try template.render(context, partials: LibraryPartials(library: library), escape: escape)
        } catch let error as SourceError {
            throw .template(error.description)
        } catch {
            throw .template(String(describing: error))
        }
    }
}
