import Foundation
import JSON

/// Renders one template file with data, for `worked-backprop template render`.
public enum TemplatePreview {
    /// Renders the template at `templatePath` against `dataJSON` (an empty object when `nil`),
    /// with partials from `partialsDirectory` (the template's own directory when `nil`).
    /// Partials are strict unless `missingPartialsEmpty`: an unknown one is an error (the
    /// Mustache specification renders it empty). The output is returned exactly, with no
    /// newline added.
    public static func render(
        templatePath: String, dataJSON: String?, partialsDirectory: String?, escape: TextEscaping,
        missingPartialsEmpty: Bool = false
    ) throws(TemplatePreviewError) -> String {
        let source: String
        do throws(TextFileError) {
            source = try TextFile.read(templatePath, limit: MustacheLimits.maximumTemplateBytes)
        } catch {
            throw .unreadableTemplate(path: templatePath, reason: error.description)
        }
        let data: MustacheValue
        do {
            data = try dataJSON.map { text throws(JSONSyntaxError) in MustacheValue(json: try JSONParser().parse(text)) }
                ?? .object([:])
        } catch {
            throw .invalidData(error)
        }
        let directory = partialsDirectory ?? PathName.parent(templatePath)
        var options = MustacheRenderOptions()
        options.strictPartials = !missingPartialsEmpty
        do {
            let template = try MustacheTemplate(source: source, name: templatePath)
            return try template.render(
                data, partials: MustacheDirectoryPartials(directory: directory.isEmpty ? "." : directory), escape: escape,
                options: options)
        } catch {
            throw .template(error)
        }
    }
}

/// Why a template preview failed.
public enum TemplatePreviewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template file could not be read.
    case unreadableTemplate(path: String, reason: String)
    /// The data is not valid JSON.
    case invalidData(JSONSyntaxError)
    /// The template or one of its partials is wrong: `file:line:column: message`.
    case template(SourceError)

    public var description: String {
        switch self {
        case .unreadableTemplate(let path, let reason): return "cannot read template \(path): \(reason)"
        case .invalidData(let error): return "invalid data JSON: \(error)"
        case .template(let error): return error.description
        }
    }
}
