/// How tightly a printed expression binds: the printer parenthesises a child whose precedence
/// is too low for its place.
enum Precedence: Int, Comparable {
    /// `a = b`.
    case chain
    /// `a + b`.
    case sum
    /// `a \cdot b`, `a b`, `8.497 \times 10^{-10}`, `-a`, `a / b`.
    case product
    /// `a^{2}`, `W^{\top}`, `e^{x}`.
    case postfix
    /// Symbols, numbers, `\frac{}{}`, parentheses, matrices, function applications.
    case atom

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}

/// The structural questions the printer asks about a child before placing it.
enum Layout {
    static func precedence(_ e: MathExpression) -> Precedence {
        switch e {
        case .number(let literal):
            return literal.isScientific ? .product : .atom
        case .sum(let terms):
            if terms.count == 1 {
                return terms[0].sign == .plus ? precedence(terms[0].expression) : .product
            }
            return .sum
        case .product(let factors, _), .hadamard(let factors):
            return factors.count == 1 ? precedence(factors[0]) : .product
        case .negation, .summation:
            return .product
        case .fraction(_, _, let style), .partial(_, _, let style):
            return style == .slash ? .product : .atom
        case .power, .transpose, .apply(.exp, _):
            return .postfix
        case .colored(_, let x), .underbrace(let x, _):
            return precedence(x)
        case .chain:
            return .chain
        case .symbol, .parentheses, .apply, .matrix, .gradient, .absoluteValue, .norm, .boxed, .text, .tex:
            return .atom
        }
    }

    /// The expression with its leading minus sign removed, if it prints with one; a `+` term of
    /// a sum with a leading minus becomes subtraction.
    static func strippingMinus(_ e: MathExpression) -> MathExpression? {
        switch e {
        case .number(let literal):
            return literal.negative ? .number(literal.negated) : nil
        case .negation(let x):
            return x
        case .product(let factors, let op):
            guard let first = factors.first, let magnitude = strippingMinus(first) else { return nil }
            return .product([magnitude] + factors.dropFirst(), op)
        case .hadamard(let factors):
            guard let first = factors.first, let magnitude = strippingMinus(first) else { return nil }
            return .hadamard([magnitude] + factors.dropFirst())
        case .fraction(let n, let d, .slash):
            return strippingMinus(n).map { .fraction($0, d, .slash) }
        case .colored(let role, let x):
            return strippingMinus(x).map { .colored(role, $0) }
        case .underbrace(let x, let label):
            return strippingMinus(x).map { .underbrace($0, label: label) }
        default:
            return nil
        }
    }

    /// Whether the expression prints with a leading minus sign.
    static func leadingMinus(_ e: MathExpression) -> Bool {
        strippingMinus(e) != nil
    }

    /// The terms of a sum with `+` terms that are sums spliced in, since `a + (b + c)` reads
    /// the same without parentheses.
    static func flattenSum(_ terms: [Term]) -> [Term] {
        terms.flatMap { term -> [Term] in
            if term.sign == .plus, case .sum(let inner) = term.expression { return flattenSum(inner) }
            return [term]
        }
    }

    static func flattenHadamard(_ factors: [MathExpression]) -> [MathExpression] {
        factors.flatMap { f -> [MathExpression] in
            if case .hadamard(let inner) = f { return flattenHadamard(inner) }
            return [f]
        }
    }

    /// Whether a base can take `^{…}` without parentheses: not signed, not scientific, no
    /// superscript already (`a^{(3)}^2` is a TeX error), no fraction (`\frac{1}{2}^2` misreads).
    static func isSafeBase(_ e: MathExpression) -> Bool {
        switch e {
        case .number(let literal):
            return !literal.negative && !literal.isScientific && !literal.isFraction
        case .symbol(let symbol):
            return !symbol.hasSuperscript
        case .parentheses, .matrix, .absoluteValue, .norm, .boxed, .text, .tex:
            return true
        case .apply(let function, _):
            return function != .exp
        case .colored(_, let x):
            return isSafeBase(x)
        default:
            return false
        }
    }

    /// The role a leaf (number, symbol, or a coloured subtree) would be shown in.
    static func leafRole(_ e: MathExpression) -> Role? {
        switch e {
        case .number(let literal): literal.role
        case .symbol(let symbol): symbol.role
        case .colored(let role, _): role
        default: nil
        }
    }

    static func isHadamard(_ e: MathExpression) -> Bool {
        if case .hadamard(let factors) = e { return factors.count > 1 }
        return false
    }

    static func isSummation(_ e: MathExpression) -> Bool {
        if case .summation = e { return true }
        return false
    }

    /// Whether the printed expression starts with a digit (a juxtaposed number needs `\cdot`).
    static func startsWithNumber(_ e: MathExpression) -> Bool {
        switch e {
        case .number(let literal): !literal.negative && !literal.isFraction
        case .colored(_, let x), .underbrace(let x, _), .power(let x, _): startsWithNumber(x)
        case .product(let factors, _): factors.first.map(startsWithNumber) ?? false
        default: false
        }
    }

    /// Whether the expression is taller than a line of text, so parentheses around it should grow.
    static func isTall(_ e: MathExpression) -> Bool {
        switch e {
        case .number(let literal): literal.isFraction
        case .fraction(_, _, let style), .partial(_, _, let style): style != .slash
        case .matrix, .summation, .underbrace: true
        case .symbol, .text, .tex: false
        case .sum(let terms): terms.contains { isTall($0.expression) }
        case .product(let xs, _), .hadamard(let xs): xs.contains(where: isTall)
        case .negation(let x), .parentheses(let x), .transpose(let x), .apply(_, let x),
             .absoluteValue(let x), .norm(let x), .colored(_, let x), .boxed(let x),
             .gradient(let x, _):
            isTall(x)
        case .power(let base, _): isTall(base)
        case .chain(let first, let steps): isTall(first) || steps.contains { isTall($0.expression) }
        }
    }
}
