import Documents

/// Mustache partials from the template library: `{{>handout/forward}}` is the file
/// `handout/forward.mustache` from the user's folder, else the built-in copy.
struct LibraryPartials: MustachePartialProvider {
    let library: TemplateLibrary

    func template(named name: String) throws(SourceError) -> MustacheTemplate? {
        let source: (text: String, origin: String)
        do {
            source = try library.source(named: name + ".mustache")
        } catch {
            if case .notFound = error { return nil }
            throw SourceError(error.description, at: SourceLocation(file: "", line: 0, column: 0))
        }
        return try ParsedTemplates.template(source.text, origin: source.origin)
    }
}
