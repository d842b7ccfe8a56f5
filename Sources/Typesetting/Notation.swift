/// Every choice of notation a document can make. All symbol printing goes through one
/// `Notation`, so changing an option changes the whole document consistently.
///
/// The defaults match seed 000: `(l)` superscripts, input layer 0, the weight gradient as BP3,
/// loss `\mathcal{L}`, sigmoid `σ`, transpose `\top`, bold vectors and matrices.
public struct Notation: Hashable, Sendable {
    /// How a layer index is attached as a superscript.
    public enum LayerStyle: Hashable, Sendable {
        /// `w^{(l)}` (seeds 000–003).
        case parenthesized
        /// `w^{[l]}` (seed 004).
        case bracketed
    }

    /// The loss symbol.
    public enum LossSymbol: Hashable, Sendable {
        /// `\mathcal{L}` (seed 000).
        case calligraphicL
        /// `L` (seed 001).
        case italicL
        /// `C` (seeds 003, 004).
        case c
    }

    /// Which backpropagation equation carries which number.
    public enum GradientNumbering: Hashable, Sendable {
        /// Weight gradient BP3, bias gradient BP4 (seed 000).
        case weightFirst
        /// Bias gradient BP3, weight gradient BP4 (seed 003).
        case biasFirst
    }

    /// How a transpose is written.
    public enum TransposeStyle: Hashable, Sendable {
        /// `^\top`.
        case top
        /// `^T`.
        case letterT
    }

    public var layerStyle: LayerStyle
    /// The displayed number of the input layer, 0 (seeds 000–003) or 1 (seed 004). Every
    /// numeric layer index is shown shifted by this amount; symbolic indices (`l`, `L`) are not.
    public var inputLayerNumber: Int
    public var gradientNumbering: GradientNumbering
    public var loss: LossSymbol
    /// The activation written by `MathFunction.activation` and its derivative.
    public var activation: ActivationSymbol
    public var transpose: TransposeStyle
    /// Whether vectors and matrices are bold (`\mathbf{W}`, `\boldsymbol{\delta}`).
    public var boldVectors: Bool
    /// Between the two subscripts of a weight: `w_{1,1}` with ",", `w_{11}` with "".
    public var weightIndexSeparator: String

    public init(
        layerStyle: LayerStyle = .parenthesized,
        inputLayerNumber: Int = 0,
        gradientNumbering: GradientNumbering = .weightFirst,
        loss: LossSymbol = .calligraphicL,
        activation: ActivationSymbol = .sigma,
        transpose: TransposeStyle = .top,
        boldVectors: Bool = true,
        weightIndexSeparator: String = ","
    ) {
        self.layerStyle = layerStyle
        self.inputLayerNumber = inputLayerNumber
        self.gradientNumbering = gradientNumbering
        self.loss = loss
        self.activation = activation
        self.transpose = transpose
        self.boldVectors = boldVectors
        self.weightIndexSeparator = weightIndexSeparator
    }

    /// The notation of seed 004: `[l]` superscripts, input layer 1, loss `C`.
    public static let lectureNotes = Notation(layerStyle: .bracketed, inputLayerNumber: 1, loss: .c)

    // MARK: Symbols

    /// The loss symbol as TeX.
    public var lossTeX: String {
        switch loss {
        case .calligraphicL: "\\mathcal{L}"
        case .italicL: "L"
        case .c: "C"
        }
    }

    /// The layer superscript body without `^{}`: `(2)`, `[3]`, `(l+1)`.
    public func layerTeX(_ layer: LayerIndex) -> String {
        let inner: String
        switch layer {
        case .number(let n):
            inner = String(n + inputLayerNumber)
        case .symbol(let name, let offset):
            inner = offset == 0 ? name : offset > 0 ? "\(name)+\(offset)" : "\(name)-\(-offset)"
        }
        switch layerStyle {
        case .parenthesized: return "(\(inner))"
        case .bracketed: return "[\(inner)]"
        }
    }

    /// The transpose superscript body: `\top` or `T`.
    public var transposeTeX: String {
        switch transpose {
        case .top: "\\top"
        case .letterT: "T"
        }
    }

    /// The theorem label of one of the four backpropagation equations: "BP1" … "BP4".
    public func theoremLabel(_ equation: BackpropEquation) -> String {
        switch (equation, gradientNumbering) {
        case (.outputError, _): "BP1"
        case (.errorPropagation, _): "BP2"
        case (.weightGradient, .weightFirst), (.biasGradient, .biasFirst): "BP3"
        case (.weightGradient, .biasFirst), (.biasGradient, .weightFirst): "BP4"
        }
    }
}

/// The four backpropagation equations, named by meaning; `Notation` gives their numbers.
public enum BackpropEquation: Hashable, Sendable, CaseIterable {
    case outputError
    case errorPropagation
    case weightGradient
    case biasGradient
}

/// How an activation function and its derivative are written.
public enum ActivationSymbol: Hashable, Sendable {
    /// `\sigma`, `\sigma'`.
    case sigma
    /// `\tanh`, `\tanh'`.
    case tanh
    /// `\operatorname{ReLU}`, `\operatorname{ReLU}'`.
    case relu
    /// A generic function letter: `f`, `f'`.
    case generic(String)

    /// The function's TeX.
    public var tex: String {
        switch self {
        case .sigma: "\\sigma"
        case .tanh: "\\tanh"
        case .relu: "\\operatorname{ReLU}"
        case .generic(let letter): letter
        }
    }

    /// The derivative's TeX: the function followed by a prime.
    public var derivativeTeX: String { tex + "'" }
}
