extension MathExpression {
    /// The expression with every matrix `width` columns wide cut to the columns `range`; other
    /// matrices (a column of errors beside a row of activations) are kept whole. One column
    /// block of a display too wide for the line: the blocks of `W − η ∂L/∂W ≈ …` cut every
    /// W-shaped matrix at the same columns, so each block is itself a true statement.
    public func columns(_ range: Range<Int>, ofWidth width: Int) -> MathExpression {
        func cut(_ e: MathExpression) -> MathExpression { e.columns(range, ofWidth: width) }
        switch self {
        case .number, .symbol, .text, .tex:
            return self
        case .matrix(let rows):
            guard rows.first?.count == width else { return .matrix(rows.map { $0.map(cut) }) }
            return .matrix(rows.map { Array($0[range]).map(cut) })
        case .sum(let terms):
            return .sum(terms.map { Term($0.sign, cut($0.expression), breaksLine: $0.breaksLine) })
        case .product(let factors, let op):
            return .product(factors.map(cut), op)
        case .hadamard(let factors):
            return .hadamard(factors.map(cut))
        case .negation(let e):
            return .negation(cut(e))
        case .fraction(let a, let b, let style):
            return .fraction(cut(a), cut(b), style)
        case .parentheses(let e):
            return .parentheses(cut(e))
        case .power(let base, let exponent):
            return .power(cut(base), exponent: cut(exponent))
        case .transpose(let e):
            return .transpose(cut(e))
        case .apply(let f, let e):
            return .apply(f, cut(e))
        case .partial(let of, let by, let style):
            return .partial(of: cut(of), withRespectTo: cut(by), style: style)
        case .gradient(let of, let by):
            return .gradient(of: cut(of), withRespectTo: cut(by))
        case .summation(let below, let above, let body):
            return .summation(below: below.map(cut), above: above.map(cut), body: cut(body))
        case .absoluteValue(let e):
            return .absoluteValue(cut(e))
        case .norm(let e):
            return .norm(cut(e))
        case .colored(let role, let e):
            return .colored(role, cut(e))
        case .boxed(let e):
            return .boxed(cut(e))
        case .underbrace(let e, let label):
            return .underbrace(cut(e), label: cut(label))
        case .chain(let first, let steps):
            return .chain(cut(first), steps.map { ChainStep($0.relation, cut($0.expression), lineBreak: $0.lineBreak) })
        }
    }

    /// `count` columns cut into as few blocks of at most `limit` as possible, of sizes that
    /// differ by at most one: 12 → 6 + 6, 16 → 6 + 5 + 5, 8 → 4 + 4.
    public static func columnBlocks(_ count: Int, limit: Int) -> [Range<Int>] {
        guard count > limit, limit > 0 else { return [0..<count] }
        let blocks = (count + limit - 1) / limit
        let (base, extra) = count.quotientAndRemainder(dividingBy: blocks)
        var start = 0
        return (0..<blocks).map { i in
            let size = base + (i < extra ? 1 : 0)
            defer { start += size }
            return start..<(start + size)
        }
    }
}
