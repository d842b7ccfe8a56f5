/// Math as a tree. Leaves carry roles (colours); `TeXPrinter` decides parentheses, signs and
/// macros, so builders never write TeX except through `.tex`.
public indirect enum MathExpression: Hashable, Sendable {
    /// A displayed number.
    case number(NumberLiteral)
    /// A named quantity.
    case symbol(MathSymbol)
    /// Terms with signs; a `+` term whose value prints with a leading minus is shown as
    /// subtraction (`0.1 + (-0.3)` prints `0.1 - 0.3`).
    case sum([Term])
    /// Factors joined by one operator.
    case product([MathExpression], ProductOperator)
    /// The Hadamard (element-wise) product, `\hadamard`.
    case hadamard([MathExpression])
    /// A unary minus.
    case negation(MathExpression)
    case fraction(MathExpression, MathExpression, FractionStyle)
    /// Explicit parentheses, kept even where the printer would not need them.
    case parentheses(MathExpression)
    case power(MathExpression, exponent: MathExpression)
    case transpose(MathExpression)
    /// A function applied to an argument: `\sigma(z)`, `e^{-0.25}`.
    case apply(MathFunction, MathExpression)
    /// A `pmatrix`: rows of entries (a column vector has one entry per row).
    case matrix([[MathExpression]])
    /// `\frac{\partial f}{\partial x}` (or `\partial f / \partial x` with `.slash`).
    case partial(of: MathExpression, withRespectTo: MathExpression, style: FractionStyle)
    /// `\nabla_{a} \mathcal{L}`.
    case gradient(of: MathExpression, withRespectTo: MathExpression)
    /// `\sum_{below}^{above} body`.
    case summation(below: MathExpression?, above: MathExpression?, body: MathExpression)
    /// `\lvert x \rvert`.
    case absoluteValue(MathExpression)
    /// `\lVert x \rVert`.
    case norm(MathExpression)
    /// A subtree shown in one colour; roles of leaves inside it are not repeated.
    case colored(Role, MathExpression)
    case boxed(MathExpression)
    case underbrace(MathExpression, label: MathExpression)
    /// Upright text, escaped for TeX.
    case text(String)
    /// Fixed TeX, printed as given and treated as an atom.
    case tex(String)
    /// `first = second \approx third …`; steps with `lineBreak` start a new aligned line.
    case chain(MathExpression, [ChainStep])
}

/// A term of a sum: its sign and expression.
public struct Term: Hashable, Sendable {
    public enum Sign: Hashable, Sendable {
        case plus
        case minus
    }

    public var sign: Sign
    public var expression: MathExpression
    /// Whether the term starts a new, indented line of an aligned display (`\\ &\qquad`).
    /// Only for sums set inside an aligned equation chain; the first term never breaks.
    public var breaksLine: Bool

    public init(_ sign: Sign, _ expression: MathExpression, breaksLine: Bool = false) {
        self.sign = sign
        self.expression = expression
        self.breaksLine = breaksLine
    }

    public static func plus(_ e: MathExpression) -> Term { Term(.plus, e) }
    public static func minus(_ e: MathExpression) -> Term { Term(.minus, e) }
}

/// How the factors of a product are joined.
public enum ProductOperator: Hashable, Sendable {
    /// `a \cdot b`.
    case cdot
    /// `a \times b`.
    case times
    /// `W x`; a number after the first factor is joined with `\cdot` so digits never run
    /// together.
    case juxtaposition
}

/// How a fraction is written.
public enum FractionStyle: Hashable, Sendable {
    /// `\frac{a}{b}`.
    case frac
    /// `\tfrac{a}{b}`.
    case tfrac
    /// `a / b`.
    case slash
}

/// A function that is applied to an argument.
public enum MathFunction: Hashable, Sendable {
    /// The activation function; nil means the notation's activation.
    case activation(ActivationSymbol?)
    /// The activation's derivative (`\sigma'`); nil means the notation's activation.
    case activationDerivative(ActivationSymbol?)
    /// `e^{x}`.
    case exp
    /// `\ln(x)`.
    case log
    /// Any other function, as TeX: `\operatorname{diag}`.
    case other(String)
}

/// A relation between two consecutive members of an equation chain.
public enum Relation: Hashable, Sendable {
    case equals
    case approximately
    /// `\leftarrow`, an update.
    case assign

    public var tex: String {
        switch self {
        case .equals: "="
        case .approximately: "\\approx"
        case .assign: "\\leftarrow"
        }
    }
}

/// One step of an equation chain.
public struct ChainStep: Hashable, Sendable {
    public var relation: Relation
    public var expression: MathExpression
    /// Whether this step starts a new line (the chain is then printed as `aligned`).
    public var lineBreak: Bool

    public init(_ relation: Relation, _ expression: MathExpression, lineBreak: Bool = false) {
        self.relation = relation
        self.expression = expression
        self.lineBreak = lineBreak
    }
}

// MARK: Builders

extension MathExpression {
    /// A number with a role.
    public static func number(_ literal: NumberLiteral, role: Role) -> MathExpression {
        .number(literal.with(role: role))
    }

    /// The sum of the expressions, all with `+`.
    public static func sum(_ terms: MathExpression...) -> MathExpression {
        .sum(terms.map(Term.plus))
    }

    /// `a - b`.
    public static func difference(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        .sum([.plus(a), .minus(b)])
    }

    /// The factors joined with `\cdot`.
    public static func cdot(_ factors: MathExpression...) -> MathExpression {
        .product(factors, .cdot)
    }

    /// The factors joined with `\times`.
    public static func times(_ factors: MathExpression...) -> MathExpression {
        .product(factors, .times)
    }

    /// The factors juxtaposed.
    public static func juxtapose(_ factors: MathExpression...) -> MathExpression {
        .product(factors, .juxtaposition)
    }

    /// `\frac{a}{b}`.
    public static func frac(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        .fraction(a, b, .frac)
    }

    /// The activation applied to `x`.
    public static func activation(of x: MathExpression) -> MathExpression {
        .apply(.activation(nil), x)
    }

    /// The activation's derivative applied to `x`, coloured as an activation (σ′ is green).
    public static func activationDerivative(of x: MathExpression) -> MathExpression {
        .colored(.activation, .apply(.activationDerivative(nil), x))
    }

    /// `\frac{\partial \mathcal{L}}{\partial x}`, coloured as an error/gradient.
    public static func lossGradient(withRespectTo x: MathExpression, style: FractionStyle = .frac) -> MathExpression {
        .colored(.error, .partial(of: .loss, withRespectTo: x, style: style))
    }

    /// A column vector.
    public static func column(_ entries: [MathExpression]) -> MathExpression {
        .matrix(entries.map { [$0] })
    }

    /// The loss symbol.
    public static var loss: MathExpression { .symbol(MathSymbol(.loss)) }

    /// `w^{(l)}_{j,k}` (or the matrix `\mathbf{W}^{(l)}` without indices).
    public static func w(_ layer: LayerIndex?, _ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.weight, shape: indices.isEmpty ? .matrix : .scalar, layer: layer, indices: indices, role: role))
    }

    /// `b^{(l)}_j` (or the vector without an index).
    public static func b(_ layer: LayerIndex?, _ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.bias, shape: indices.isEmpty ? .vector : .scalar, layer: layer, indices: indices, role: role))
    }

    /// `z^{(l)}_j` (or the vector without an index).
    public static func z(_ layer: LayerIndex?, _ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.preActivation, shape: indices.isEmpty ? .vector : .scalar, layer: layer, indices: indices, role: role))
    }

    /// `a^{(l)}_j` (or the vector without an index).
    public static func a(_ layer: LayerIndex?, _ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.activation, shape: indices.isEmpty ? .vector : .scalar, layer: layer, indices: indices, role: role))
    }

    /// `\delta^{(l)}_j` (or the vector without an index).
    public static func delta(_ layer: LayerIndex?, _ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.error, shape: indices.isEmpty ? .vector : .scalar, layer: layer, indices: indices, role: role))
    }

    /// `x_k` (or the vector without an index).
    public static func x(_ indices: SubscriptIndex..., role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.input, shape: indices.isEmpty ? .vector : .scalar, indices: indices, role: role))
    }

    /// `y_j` (a scalar `y` without an index: single outputs are the common case).
    public static func y(_ indices: SubscriptIndex..., shape: MathSymbol.Shape = .scalar, role: Role? = nil) -> MathExpression {
        .symbol(MathSymbol(.target, shape: shape, indices: indices, role: role))
    }
}
