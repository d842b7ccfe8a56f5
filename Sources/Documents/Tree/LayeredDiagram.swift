/// A diagram of nodes in columns with edges between neighbouring columns: a feed-forward
/// network. Writers draw it as TikZ, SVG or an SVG file; nothing here is format-specific.
public struct LayeredDiagram: Hashable, Sendable {
    /// The colour role of a node or edge, shared with the math macros.
    public enum Role: String, Hashable, Sendable { case input, weight, activation, error, plain }

    public struct Node: Hashable, Sendable {
        /// Label inside or beside the node, as TeX math (e.g. `a_1^{(1)}`).
        public var label: Math
        /// The same label as plain Unicode text (e.g. `a₁⁽¹⁾`), for media without TeX (SVG).
        public var plainLabel: String
        /// A value shown under the label, as display text (e.g. `0.5622`).
        public var value: String?
        public var role: Role
        public var highlighted: Bool
        public init(
            label: Math, plainLabel: String, value: String? = nil, role: Role, highlighted: Bool = false
        ) {
            self.label = label
            self.plainLabel = plainLabel
            self.value = value
            self.role = role
            self.highlighted = highlighted
        }
    }

    public struct Column: Hashable, Sendable {
        /// Caption over the column (e.g. "Hidden 1 (l = 1)").
        public var title: String
        public var nodes: [Node]
        public init(title: String, nodes: [Node]) {
            self.title = title
            self.nodes = nodes
        }
    }

    public struct Edge: Hashable, Sendable {
        public enum Emphasis: Hashable, Sendable {
            case normal
            /// On an active path of the focus parameter.
            case path
            /// The focus parameter itself.
            case focus
        }
        /// Column index of the source; the target is in the next column.
        public var column: Int
        public var from: Int
        public var to: Int
        public var emphasis: Emphasis
        public init(column: Int, from: Int, to: Int, emphasis: Emphasis = .normal) {
            self.column = column
            self.from = from
            self.to = to
            self.emphasis = emphasis
        }
    }

    public struct LegendEntry: Hashable, Sendable {
        public var emphasis: Edge.Emphasis
        public var text: String
        public init(emphasis: Edge.Emphasis, text: String) {
            self.emphasis = emphasis
            self.text = text
        }
    }

    public var columns: [Column]
    public var edges: [Edge]
    public var legend: [LegendEntry]

    public init(columns: [Column], edges: [Edge], legend: [LegendEntry] = []) {
        self.columns = columns
        self.edges = edges
        self.legend = legend
    }
}
