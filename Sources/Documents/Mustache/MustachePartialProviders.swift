import Foundation

/// Where partial (`{{>name}}`) and parent (`{{<name}}`) templates come from.
public protocol MustachePartialProvider: Sendable {
    /// The template called `name`, or `nil` when there is none.
    ///
    /// Throw a `SourceError` whose `location.file` is empty for a problem with the name or
    /// with reading it: the renderer reports it at the tag that referenced the partial.
    /// Errors inside the partial's own source keep their own location.
    func template(named name: String) throws(SourceError) -> MustacheTemplate?
}

/// Partials held in memory, by name.
public struct MustacheDictionaryPartials: MustachePartialProvider {
    public var templates: [String: MustacheTemplate]

    public init(_ templates: [String: MustacheTemplate] = [:]) {
        self.templates = templates
    }

    /// Parses each source, named by its key.
    public init(sources: [String: String]) throws(SourceError) {
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources { templates[name] = try MustacheTemplate(source: source, name: name) }
        self.templates = templates
    }

    public func template(named name: String) throws(SourceError) -> MustacheTemplate? {
        templates[name]
    }
}

/// Partials read from `DIRECTORY/name.mustache`. Names that could leave the directory
/// (containing `..` or a backslash, or starting with `/`) are refused, so a template cannot
/// read files outside its folder.
public struct MustacheDirectoryPartials: MustachePartialProvider {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func template(named name: String) throws(SourceError) -> MustacheTemplate? {
        let nowhere = SourceLocation(file: "", line: 0, column: 0)
        guard !name.contains(".."), !name.contains("\\"), !name.hasPrefix("/"), !name.contains("\0") else {
            throw SourceError(
                "partial name '\(name)' is refused: names must stay inside the partials directory (no '..', '\\' or leading '/')",
                at: nowhere)
        }
        let path = PathName.join(directory, name + ".mustache")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let source: String
        do throws(TextFileError) {
            source = try TextFile.read(path, limit: MustacheLimits.maximumTemplateBytes)
        } catch {
            throw SourceError(error.message("partial '\(name)'", path), at: nowhere)
        }
        return try MustacheTemplate(source: source, name: path)
    }
}
