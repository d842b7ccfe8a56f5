/// A whole document: metadata for the title block and the body blocks.
///
/// Every writer (LaTeX, Markdown, HTML) renders this one tree; templates produce it through
/// the Markdown-subset reader, code adds the blocks it generates (figures, equation chains).
public struct Document: Hashable, Sendable {
    public var metadata: Metadata
    public var blocks: [Block]

    public init(metadata: Metadata = Metadata(), blocks: [Block]) {
        self.metadata = metadata
        self.blocks = blocks
    }
}

/// The title block. Every field is optional user text, already parsed into inlines.
public struct Metadata: Hashable, Sendable {
    public var title: [Inline]
    public var subtitle: [Inline]
    public var author: [Inline]
    public var course: [Inline]
    public var date: [Inline]
    /// The document language as a BCP 47 tag, e.g. `en`.
    public var language: String

    public init(
        title: [Inline] = [], subtitle: [Inline] = [], author: [Inline] = [],
        course: [Inline] = [], date: [Inline] = [], language: String = "en"
    ) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.course = course
        self.date = date
        self.language = language
    }
}
