import Documents

extension HandoutOptions {
    /// The writer of the chosen format with its shell from `library`; figures of the Markdown
    /// format are named after `attachmentStem`.
    func writer(library: TemplateLibrary, attachmentStem stem: String? = nil) throws -> any DocumentWriter {
        let shell = try Shell.standard(for: format, library: library)
        switch format {
        case .latex: return LaTeXWriter(shell: shell)
        case .html: return HTMLWriter(shell: shell, katexBaseURL: katexBaseURL, math: htmlMath)
        case .markdown: return MarkdownWriter(shell: shell, attachmentStem: stem ?? attachmentStem)
        }
    }
}
