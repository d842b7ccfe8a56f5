/// The formats a `Document` can be written to.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
    case latex
    case markdown
    case html

    /// The file extension of the main output, without the dot.
    public var fileExtension: String {
        switch self {
        case .latex: return "tex"
        case .markdown: return "md"
        case .html: return "html"
        }
    }

    /// How user text is made literal in this format (also the Mustache escaping of its shell).
    public var textEscaping: TextEscaping {
        switch self {
        case .latex: return .latex
        case .markdown: return .markdown
        case .html: return .html
        }
    }
}
