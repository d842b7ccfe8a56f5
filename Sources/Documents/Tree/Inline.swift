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
///
/// Math read from a template remembers where it was written, so a writer that cannot place it
/// (the MathML translator meeting TeX outside its subset) can name the template and position.
/// Equality and hashing compare the TeX only.
public struct Math: Hashable, Sendable, ExpressibleByStringLiteral {
    public var tex: String
    /// Where the math starts in a template's rendered text; nil for math built by code.
    public var location: SourceLocation?

    public init(_ tex: String, location: SourceLocation? = nil) {
        self.tex = tex
        self.location = location
    }
    public init(stringLiteral value: String) { self.tex = value }

    public static func == (lhs: Math, rhs: Math) -> Bool { lhs.tex == rhs.tex }
    public func hash(into hasher: inout Hasher) { hasher.combine(tex) }
}
