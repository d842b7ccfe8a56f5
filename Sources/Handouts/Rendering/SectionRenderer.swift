import Backprop
import Foundation
import Documents

/// Renders section templates: Mustache with Markdown escaping (user text can never become
/// markup), then the Markdown-subset reader with the generated blocks.
struct SectionRenderer {
    let library: TemplateLibrary
    let context: MustacheValue
    let generatedBlocks: [String: Block]

    /// The Markdown text of template `name` (`name.mustache` in the library).
    func markdown(template name: String) throws(HandoutError) -> (text: String, origin: String) {
        do {
            let source = try library.source(named: name + ".mustache")
            let template = try ParsedTemplates.template(source.text, origin: source.origin)
            let text = try template.render(context, partials: LibraryPartials(library: library), escape: .markdown)
            return (text, source.origin)
        } catch let error as SourceError {
            throw .template(error.description)
        } catch let error as TemplateLibraryError {
            throw .template(error.description)
        } catch {
            throw .template(String(describing: error))
        }
    }

    /// The blocks of template `name`.
    func blocks(template name: String) throws(HandoutError) -> [Block] {
        let (text, origin) = try markdown(template: name)
        do {
            return try MarkdownReader(generatedBlocks: generatedBlocks).read(text, file: "\(origin) (rendered)")
        } catch {
            throw .template(error.description)
        }
    }

    /// One line of inlines from template `name` (a title, a subtitle).
    func inlines(template name: String) throws(HandoutError) -> [Inline] {
        let (text, origin) = try markdown(template: name)
        do {
            return try MarkdownReader().readInlines(text.trimmingCharacters(in: .whitespacesAndNewlines), file: "\(origin) (rendered)")
        } catch {
            throw .template(error.description)
        }
    }

    /// The title block: the spec's own text where given, the templates' defaults otherwise.
    /// User text is literal text (`.text` inlines, never parsed as Markdown), normalised by
    /// `userText` so that every format shows the same line.
    func metadata(spec: Spec) throws(HandoutError) -> Metadata {
        func text(_ s: String?) -> [Inline] { Self.userText(s).map { [.text($0)] } ?? [] }
        var title: [Inline] = []
        if let given = Self.userText(spec.title) { title = [.text(given)] } else { title = try inlines(template: "handout/title") }
        var subtitle: [Inline] = []
        if let given = Self.userText(spec.subtitle) { subtitle = [.text(given)] } else { subtitle = try inlines(template: "handout/subtitle") }
        return Metadata(
            title: title, subtitle: subtitle,
            author: text(spec.author), course: text(spec.course), date: text(spec.date)
        )
    }

    /// One line of user text as every format can place it: line breaks and other control
    /// characters become spaces, whitespace at either end is dropped (in Markdown it would
    /// start an indented code block or a list, or stop `*…*` from closing), and text that is
    /// only whitespace counts as absent.
    static func userText(_ text: String?) -> String? {
        guard let text else { return nil }
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: line += " "
            default: line.unicodeScalars.append(scalar)
            }
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
