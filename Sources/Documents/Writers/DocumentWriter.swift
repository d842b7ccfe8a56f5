/// Renders a whole `Document` in one format: the body by the writer, the outer document by the
/// format's shell template.
public protocol DocumentWriter: Sendable {
    /// The format this writer produces.
    var format: OutputFormat { get }
    /// Renders `document` into the main file and its attachments (files placed beside it).
    func write(_ document: Document) throws -> RenderedDocument
}

/// A written document: the main file and the files that go beside it.
public struct RenderedDocument: Hashable, Sendable {
    /// A file that the main output refers to by relative name (e.g. a figure as SVG).
    public struct Attachment: Hashable, Sendable {
        /// The file name, relative to the directory of the main file.
        public var name: String
        public var contents: String
        public init(name: String, contents: String) {
            self.name = name
            self.contents = contents
        }
    }

    public var main: String
    public var attachments: [Attachment]

    public init(main: String, attachments: [Attachment] = []) {
        self.main = main
        self.attachments = attachments
    }
}

/// The body of a document rendered by a writer, before its shell wraps it.
public struct RenderedBody: Hashable, Sendable {
    /// The values the shell template places: title block, body, feature flags.
    public var shell: ShellValues
    public var attachments: [RenderedDocument.Attachment]

    public init(shell: ShellValues, attachments: [RenderedDocument.Attachment] = []) {
        self.shell = shell
        self.attachments = attachments
    }
}

/// Why a document cannot be written.
public enum WriterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `[@id]` reference names no labelled element.
    case unknownReference(id: String)
    /// Two elements carry the same label.
    case duplicateLabel(id: String)
    /// A label uses characters that cannot be an anchor or a TeX label.
    case invalidLabel(id: String)
    /// An edge of a diagram points at a node that does not exist.
    case invalidDiagramEdge(column: Int, from: Int, to: Int)
    /// A formula built by code uses TeX the MathML translator does not know.
    case untranslatableMath(tex: String, reason: String)
    /// A chart has nothing finite to draw.
    case invalidChart(String)

    public var description: String {
        switch self {
        case .unknownReference(let id):
            return "reference to unknown label '\(id)': no heading, equation, table, figure or box has this id"
        case .duplicateLabel(let id):
            return "label '\(id)' is used more than once"
        case .invalidLabel(let id):
            return "label '\(id)' may contain only letters, digits and - _ : ."
        case .invalidDiagramEdge(let column, let from, let to):
            return "diagram edge from node \(from) of column \(column) to node \(to) of column \(column + 1) names a missing node"
        case .untranslatableMath(let tex, let reason):
            return "cannot write a formula as MathML: \(reason): \(tex)"
        case .invalidChart(let reason):
            return "cannot draw the chart: \(reason)"
        }
    }
}
