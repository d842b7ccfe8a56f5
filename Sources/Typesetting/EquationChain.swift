import ExactArithmetic

/// What one member of an equation chain denotes, which decides `=` or `\approx` next to it.
public enum Denotation: Hashable, Sendable {
    /// The true quantity the chain is about: a symbolic expression (`w_{1,1} a_1 + b_1`) or one
    /// whose every shown number is exact (`\sigma(0.25)`, `\frac{1}{1+e^{-0.25}}`). Carries the
    /// quantity's exact value when the engine proved one, nil for a certified approximation.
    case trueQuantity(exactValue: Rational?)
    /// An expression of displayed numbers, with the exact value of its digits.
    case displayed(Rational)
    /// Rounded numbers (or fixed TeX, whose digits cannot be checked) inside an expression that
    /// cannot be evaluated exactly (`\sigma(0.8997)`): it denotes neither the true quantity nor
    /// a known rational.
    case approximation

    /// Classifies a chain member: exactly evaluable → `.displayed`; otherwise, with no rounded
    /// number shown → `.trueQuantity(exactValue)`; otherwise `.approximation`.
    public static func of(_ expression: MathExpression, exactValue: Rational?) -> Denotation {
        if let value = expression.displayedValue { return .displayed(value) }
        if expression.containsRoundedNumber { return .approximation }
        return .trueQuantity(exactValue: exactValue)
    }

    /// Classifies a chain member about the engine's certified value `trueValue`.
    public static func of(_ expression: MathExpression, trueValue: Real) -> Denotation {
        of(expression, exactValue: trueValue.exactValue)
    }
}

extension Relation {
    /// `=` when both sides provably denote the same number, otherwise `\approx`:
    /// the true quantity equals itself; a displayed value equals the true quantity only when that
    /// is exact and the same rational; two displayed values are compared exactly; an
    /// approximation equals nothing.
    public static func between(_ lhs: Denotation, _ rhs: Denotation) -> Relation {
        switch (lhs, rhs) {
        case (.trueQuantity(let a), .trueQuantity(let b)):
            if let a, let b, a != b { return .approximately }
            return .equals
        case (.trueQuantity(let exact?), .displayed(let shown)), (.displayed(let shown), .trueQuantity(let exact?)):
            return exact == shown ? .equals : .approximately
        case (.displayed(let a), .displayed(let b)):
            return a == b ? .equals : .approximately
        case (.trueQuantity(nil), .displayed), (.displayed, .trueQuantity(nil)), (.approximation, _), (_, .approximation):
            return .approximately
        }
    }
}

extension MathExpression {
    /// An equation chain about one quantity, each relation decided by `Relation.between`:
    /// `z^{(2)}_1 \approx 0.7 \cdot 0.5 + 0.8 \cdot 0.5622 + 0.1 \approx 0.35 + 0.4497 + 0.1 = 0.8997`.
    ///
    /// - Parameters:
    ///   - members: the chain's members, first to last (at least one).
    ///   - exactValue: the quantity's exact value, nil when it is only certified.
    ///   - lineBreaks: indices of members (≥ 1) that start a new aligned line.
    public static func chain(_ members: [MathExpression], exactValue: Rational?, lineBreaks: Set<Int> = []) -> MathExpression {
        precondition(!members.isEmpty, "an equation chain needs a member")
        let denotations = members.map { Denotation.of($0, exactValue: exactValue) }
        let steps = members.indices.dropFirst().map { i in
            ChainStep(.between(denotations[i - 1], denotations[i]), members[i], lineBreak: lineBreaks.contains(i))
        }
        return .chain(members[0], steps)
    }

    /// An equation chain about the engine's certified value `trueValue`.
    public static func chain(_ members: [MathExpression], trueValue: Real, lineBreaks: Set<Int> = []) -> MathExpression {
        chain(members, exactValue: trueValue.exactValue, lineBreaks: lineBreaks)
    }
}

extension MathExpression {
    /// Terms per line of a sum that is too long for one line of a display.
    public static let termsPerLine = 4

    /// The sum of `terms`, set `perLine` terms to a line of the aligned display it stands in
    /// (an equation chain's step): every further line starts `\\ &\qquad + …`. A sum that
    /// fits one line is the plain sum.
    public static func wrappedSum(_ terms: [Term], perLine: Int = termsPerLine) -> MathExpression {
        precondition(perLine >= 1, "a line holds at least one term")
        return .sum(terms.enumerated().map { i, term in
            var term = term
            term.breaksLine = i > 0 && i % perLine == 0
            return term
        })
    }
}
