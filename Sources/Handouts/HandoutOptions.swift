import Documents
import ExactArithmetic
import Typesetting

/// Everything a user can choose about a generated handout besides the spec.
public struct HandoutOptions: Sendable {
    /// The output format.
    public var format: OutputFormat
    /// How displayed numbers are rounded: significant digits (default 4) or decimal places.
    public var precision: DecimalFormat.Precision
    /// Symbols and numbering conventions (superscripts, first layer number, theorem order, loss).
    public var notation: Notation
    /// Where the HTML loads KaTeX from (the folder holding `katex.min.js`), with `--math katex`.
    public var katexBaseURL: String
    /// How the HTML typesets formulas: MathML in the page (default) or KaTeX.
    public var htmlMath: HTMLMathMode = .mathml
    /// A folder whose templates override the built-in ones, file by file.
    public var templatesDirectory: String?
    /// The base name of files written beside the main output (figures of the Markdown format).
    public var attachmentStem: String
    /// Largest matrix or vector shown in full (rows or columns); larger ones are summarised.
    public var maximumShownDimension: Int
    /// Most chain-rule paths written out one by one; more are counted and summarised.
    public var maximumShownPaths: Int

    public init(
        format: OutputFormat, precision: DecimalFormat.Precision = .significantDigits(4),
        notation: Notation = Notation(), katexBaseURL: String = HTMLWriter.defaultKaTeXBaseURL,
        templatesDirectory: String? = nil, attachmentStem: String = "handout",
        maximumShownDimension: Int = 8, maximumShownPaths: Int = 8
    ) {
        self.format = format
        self.precision = precision
        self.notation = notation
        self.katexBaseURL = katexBaseURL
        self.templatesDirectory = templatesDirectory
        self.attachmentStem = attachmentStem
        self.maximumShownDimension = maximumShownDimension
        self.maximumShownPaths = maximumShownPaths
    }
}

extension HandoutOptions {
    /// Warnings about the KaTeX folder an HTML page in KaTeX mode will load from.
    public var katexWarnings: [String] {
        guard format == .html, htmlMath == .katex else { return [] }
        return KaTeXSource.warnings(base: katexBaseURL)
    }
}
