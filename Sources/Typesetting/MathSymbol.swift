/// A layer index as written in a superscript.
public enum LayerIndex: Hashable, Sendable {
    /// A concrete layer, counted from the input layer 0; `Notation.inputLayerNumber` shifts what
    /// is displayed.
    case number(Int)
    /// A symbolic layer such as `l`, `l+1`, `L`, shown as written.
    case symbol(String, offset: Int = 0)
}

/// One subscript: a displayed neuron number (`1`) or an index letter (`j`).
public enum SubscriptIndex: Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case number(Int)
    case letter(String)

    public init(integerLiteral value: Int) { self = .number(value) }
    public init(stringLiteral value: String) { self = .letter(value) }

    var tex: String {
        switch self {
        case .number(let n): String(n)
        case .letter(let name): name
        }
    }
}

/// A named quantity of the network: `w^{(l)}_{j,k}`, `\mathbf{a}^{(1)}`, `\boldsymbol{\delta}`,
/// the loss. Its letters, layer style and boldness come from `Notation` when it is printed.
public struct MathSymbol: Hashable, Sendable {
    /// Which quantity the symbol names.
    public enum Base: Hashable, Sendable {
        case weight
        case bias
        case preActivation
        case activation
        case error
        case input
        case target
        case loss
        /// Any other letter, as TeX (`\eta`, `\varepsilon`, `n`).
        case other(String)
    }

    /// Scalars are italic; vectors and matrices are bold when the notation says so.
    public enum Shape: Hashable, Sendable {
        case scalar
        case vector
        case matrix
    }

    public var base: Base
    public var shape: Shape
    public var layer: LayerIndex?
    public var indices: [SubscriptIndex]
    public var role: Role

    /// A symbol; the role defaults to the colour code's role for `base`.
    public init(_ base: Base, shape: Shape = .scalar, layer: LayerIndex? = nil, indices: [SubscriptIndex] = [],
                role: Role? = nil) {
        self.base = base
        self.shape = shape
        self.layer = layer
        self.indices = indices
        self.role = role ?? base.defaultRole
    }

    /// Whether the printed symbol carries a superscript (then it needs parentheses before `^`).
    public var hasSuperscript: Bool { layer != nil }
}

extension MathSymbol.Base {
    /// The colour code: inputs orange, weights and biases blue, activations green, errors red.
    public var defaultRole: Role {
        switch self {
        case .weight, .bias: .weight
        case .activation: .activation
        case .error: .error
        case .input: .input
        case .preActivation, .target, .loss, .other: .plain
        }
    }
}
