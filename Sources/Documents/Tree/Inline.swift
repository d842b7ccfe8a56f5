/// An inline element of running text.
public indirect enum Inline: Hashable, Sendable {
    /// Plain user or template text; every writer escapes it for its target.
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(text: [Inline], url: String)
    /// A reference to a labelled heading, equation, table, figure or division (`[@id]`).
    case reference(id: String)
    /// Inline math (`$…$`).
    case math(Math)
    /// A line break inside a paragraph or table cell.
    case lineBreak
}

/// TeX math source using the semantic role macros (`\inp{}`, `\wt{}`, `\act{}`, `\err{}`,
/// `\hadamard`). Writers never escape it as text; each places it for its own math renderer.
public struct Math: Hashable, Sendable, ExpressibleByStringLiteral {
    public var tex: String

    public init(_ tex: String) { self.tex = tex }
    public init(stringLiteral value: String) { self.tex = value }
}
