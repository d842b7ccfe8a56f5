import Backprop
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
    /// Most neurons of a layer shown (`--max-shown N`, default 8): a wider layer shows this many
    /// — the focus neuron and its paths, the first and the last — in its vectors, matrices,
    /// steps and the figure, and says which it leaves out. At most `largestShownDimension`.
    public var maximumShownDimension: Int
    /// Show every neuron of every layer (`--full`); refused for a layer wider than
    /// `largestShownDimension` (`validate(for:)`).
    public var showsEverything: Bool = false
    /// Most chain-rule paths written out one by one; more are counted and summarised.
    public var maximumShownPaths: Int
    /// BP1 and BP2 with the Hadamard product (default) or with diagonal Jacobians.
    public var errorForm: ErrorForm = .hadamard
    /// The whole derivation in symbols (`--symbolic`): only the spec's layers, activations,
    /// loss and focus are used, and no number of a particular network appears.
    public var symbolic: Bool = false
    /// Every step whose result is one number can be redone by hand from the printed numbers
    /// (`--hand-checkable`): operands get more digits where a step needs them
    /// (`Typesetting.HandCheck`), and the handout says so.
    public var handCheckable: Bool = false

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

    /// The most neurons of one layer a document shows: wider rows no longer fit a page.
    public static let largestShownDimension = 16
    /// The fewest a summarised layer shows: the first, the focus neuron and the last.
    public static let smallestShownDimension = 3

    /// Refuses options this network cannot honour: `--full` with a layer wider than
    /// `largestShownDimension`, or a `maximumShownDimension` outside its range.
    public func validate(for network: Network) throws(HandoutError) {
        let range = Self.smallestShownDimension...Self.largestShownDimension
        guard range.contains(maximumShownDimension) else {
            throw .options("the most neurons shown per layer must be \(range.lowerBound)–\(range.upperBound), got \(maximumShownDimension)")
        }
        guard showsEverything, let widest = network.layers.indices.max(by: { network.layers[$0] < network.layers[$1] }),
              network.layers[widest] > Self.largestShownDimension else { return }
        let name = widest == 0 ? "the input layer" : widest == network.outputLayer ? "the output layer" : "layer \(widest)"
        throw .options(
            "--full shows every neuron, at most \(Self.largestShownDimension) per layer, but \(name) has \(network.layers[widest]); "
            + "leave out --full (or give --max-shown N, N ≤ \(Self.largestShownDimension)) to summarise it")
    }
}

extension HandoutOptions {
    /// Warnings about the KaTeX folder an HTML page in KaTeX mode will load from.
    public var katexWarnings: [String] {
        guard format == .html, htmlMath == .katex else { return [] }
        return KaTeXSource.warnings(base: katexBaseURL)
    }
}

/// How BP1 and BP2 are written: with the Hadamard product f′(z) ⊙ v (seed 003) or with the
/// diagonal matrix D = diag(f′(z)) and, for a softmax output, its full Jacobian (seed 004).
public enum ErrorForm: String, Sendable, CaseIterable {
    case hadamard
    case jacobian
}
