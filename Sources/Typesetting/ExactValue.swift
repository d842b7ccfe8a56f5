import ExactArithmetic

extension MathExpression {
    /// The exact value of the displayed digits, when the expression is built only of numbers and
    /// rational operations (sums, products, quotients, integer powers, absolute values):
    /// `0.35 + 0.4497 + 0.1` is exactly 0.8997. Nil when it contains a symbol, a transcendental
    /// function, a matrix, a division by zero or an exponent beyond ±64.
    public var displayedValue: Rational? {
        switch self {
        case .number(let literal):
            return literal.value
        case .sum(let terms):
            var total = Rational(0)
            for term in terms {
                guard let v = term.expression.displayedValue else { return nil }
                total = term.sign == .plus ? total + v : total - v
            }
            return total
        case .product(let factors, _), .hadamard(let factors):
            var total = Rational(1)
            for factor in factors {
                guard let v = factor.displayedValue else { return nil }
                total = total * v
            }
            return total
        case .negation(let x):
            return x.displayedValue.map { Rational(0) - $0 }
        case .fraction(let n, let d, _):
            guard let top = n.displayedValue, let bottom = d.displayedValue, !bottom.isZero else { return nil }
            return top / bottom
        case .power(let base, let exponent):
            guard let b = base.displayedValue, let e = exponent.displayedValue, e.isInteger,
                  let n = Int(e.description), abs(n) <= 64, n >= 0 || !b.isZero else { return nil }
            var result = Rational(1)
            for _ in 0..<abs(n) { result = result * b }
            return n >= 0 ? result : Rational(1) / result
        case .absoluteValue(let x):
            return x.displayedValue?.magnitude
        case .parentheses(let x), .colored(_, let x), .boxed(let x), .underbrace(let x, _):
            return x.displayedValue
        case .symbol, .transpose, .apply, .matrix, .partial, .gradient, .summation, .norm, .text, .tex, .chain:
            return nil
        }
    }

    /// Whether some number shown in the expression may be rounded (differ from what it stands
    /// for). Fixed TeX counts as possibly rounded: its digits cannot be checked.
    public var containsRoundedNumber: Bool {
        switch self {
        case .number(let literal): !literal.isExact
        case .tex: true
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
