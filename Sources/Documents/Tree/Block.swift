/// A block-level element of a `Document`.
public indirect enum Block: Hashable, Sendable {
    /// A section heading; level 1 is a section, 2 a subsection, 3 a subsubsection.
    case heading(level: Int, id: String?, content: [Inline])
    case paragraph([Inline])
    /// Display math (`$$…$$`), optionally numbered and labelled for cross-references.
    case displayMath(Math, id: String?, numbered: Bool)
    /// An aligned chain `lhs = rhs₁ = rhs₂ ≈ rhs₃`, produced by code.
    case equationChain(EquationChain)
    case bulletList([[Block]])
    case orderedList(start: Int, items: [[Block]])
    case table(Table)
    /// A fenced div (`::: theorem {title="…"}`): theorem-like boxes, remarks, algorithms.
    case division(Division)
    /// A figure produced by code (for instance the network diagram).
    case figure(Figure)
    /// Blocks produced together by code and placed by one generated-block line (a wide
    /// matrix's labelled column blocks): the reader splices them into the surrounding list;
    /// a writer given one writes its blocks in order.
    case group([Block])
}

/// An aligned chain of equalities and approximations, one step per line.
public struct EquationChain: Hashable, Sendable {
    /// One step: the relation that links it to the previous line and the right-hand side.
    public struct Step: Hashable, Sendable {
        public var relation: Relation
        public var rhs: Math
        public init(_ relation: Relation, _ rhs: Math) {
            self.relation = relation
            self.rhs = rhs
        }
    }

    public var lhs: Math
    public var steps: [Step]
    /// A label for cross-references; a labelled chain is numbered.
    public var id: String?
    /// Draw a box around the last right-hand side.
    public var boxedResult: Bool

    public init(lhs: Math, steps: [Step], id: String? = nil, boxedResult: Bool = false) {
        self.lhs = lhs
        self.steps = steps
        self.id = id
        self.boxedResult = boxedResult
    }
}

/// How one side of an equation relates to the other.
public enum Relation: String, Hashable, Sendable {
    /// Both sides denote exactly the same number.
    case equal
    /// The right side is a rounded or approximate value of the left.
    case approximatelyEqual

    /// The TeX symbol for the relation.
    public var tex: String {
        switch self {
        case .equal: return "="
        case .approximatelyEqual: return "\\approx"
        }
    }
}

/// A pipe table with an optional caption and label.
public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right, none }

    public var caption: [Inline]
    public var id: String?
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(
        caption: [Inline] = [], id: String? = nil, alignments: [Alignment],
        header: [[Inline]], rows: [[[Inline]]]
    ) {
        self.caption = caption
        self.id = id
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// A fenced div: a titled box of one of a fixed set of kinds.
public struct Division: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case theorem
        case remark
        case keyObservation = "key-observation"
        case verification
        case algorithm
        case exercise
        case solution
        case note
    }

    public var kind: Kind
    public var title: [Inline]
    public var id: String?
    /// For a verification: whether the check passed (`nil` when it states no outcome).
    public var passed: Bool?
    public var blocks: [Block]

    public init(kind: Kind, title: [Inline] = [], id: String? = nil, passed: Bool? = nil, blocks: [Block]) {
        self.kind = kind
        self.title = title
        self.id = id
        self.passed = passed
        self.blocks = blocks
    }
}

/// A figure: a drawing made by each writer in its own medium (TikZ, inline SVG, SVG file).
public struct Figure: Hashable, Sendable {
    public var id: String?
    public var caption: [Inline]
    public var graphic: Graphic

    public init(id: String? = nil, caption: [Inline], graphic: Graphic) {
        self.id = id
        self.caption = caption
        self.graphic = graphic
    }

    /// A figure of a network diagram.
    public init(id: String? = nil, caption: [Inline], diagram: LayeredDiagram) {
        self.init(id: id, caption: caption, graphic: .network(diagram))
    }

    /// The network diagram, when the figure draws one.
    public var diagram: LayeredDiagram? {
        if case .network(let diagram) = graphic { return diagram }
        return nil
    }
}
