import ExactArithmetic

extension MathExpression {
    /// The exact value of the displayed digits, when the expression is built only of numbers and
    /// rational operations (sums, products, quotients, integer powers, absolute values):
    /// `0.35 + 0.4497 + 0.1` is exactly 0.8997. Nil when it contains a symbol, a transcendental
    /// function, an array of more than one entry, a division by zero or an exponent beyond ±64.
    public var displayedValue: Rational? {
        shownValue()?.rationalValue
    }

    /// Whether some number shown in the expression may be rounded (differ from what it stands
    /// for). Fixed TeX counts as possibly rounded: its digits cannot be checked; the marks of
    /// entries left out of an array (`\vdots`) stand for true values and do not.
    public var containsRoundedNumber: Bool {
        switch self {
        case .number(let literal): !literal.isExact
        case .tex(let tex): !Self.elisionMarks.contains(tex)
        default: children.contains { $0.containsRoundedNumber }
        }
    }

    /// The direct subexpressions, in printing order.
    public var children: [MathExpression] {
        switch self {
        case .number, .symbol, .text, .tex:
            return []
        case .sum(let terms):
            return terms.map(\.expression)
        case .product(let xs, _), .hadamard(let xs):
            return xs
        case .matrix(let rows):
            return rows.flatMap { $0 }
        case .negation(let x), .parentheses(let x), .transpose(let x), .apply(_, let x),
             .absoluteValue(let x), .norm(let x), .colored(_, let x), .boxed(let x):
            return [x]
        case .fraction(let a, let b, _), .power(let a, let b), .partial(let a, let b, _),
             .gradient(let a, let b), .underbrace(let a, let b):
            return [a, b]
        case .summation(let below, let above, let body):
            return [below, above, body].compactMap { $0 }
        case .chain(let first, let steps):
            return [first] + steps.map(\.expression)
        }
    }
}
