import ExactArithmetic

/// The true value a chain is about, entry by entry: exact where the engine proved an exact
/// value, nil where it is only certified. A scalar is a 1 × 1 array.
public struct ChainTruth: Hashable, Sendable {
    public var entries: [[Rational?]]

    public init(entries: [[Rational?]]) {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.count == entries[0].count && !$0.isEmpty },
                     "a chain's true value is a non-empty rectangular array")
        self.entries = entries
    }

    /// A scalar quantity.
    public init(exactValue: Rational?) { self.init(entries: [[exactValue]]) }

    /// A scalar quantity known as a certified real.
    public init(_ value: Real) { self.init(exactValue: value.exactValue) }

    /// A column vector.
    public init(column: [Real]) { self.init(entries: column.map { [$0.exactValue] }) }

    /// A matrix.
    public init(matrix: [[Real]]) { self.init(entries: matrix.map { $0.map(\.exactValue) }) }

    /// Whether `shown` is exactly this value: every shown entry equals the exact true entry it
    /// stands for, and entries left out (`\vdots`) stand for exact ones. A summarised array
    /// shows its first and last rows (columns) around one elided row (column).
    public func isExactly(_ shown: ShownValue) -> Bool {
        let rows: [[ShownValue]]
        switch shown {
        case .matrix(let r): rows = r
        default: rows = [[shown]]
        }
        guard let rowMap = Self.align(shown: rows.count, elided: rows.firstIndex { $0.allSatisfy { $0 == .elided } }, to: entries.count),
              let width = rows.first?.count,
              let columnMap = Self.align(shown: width, elided: (0..<width).first { j in rows.allSatisfy { $0[j] == .elided } },
                                         to: entries[0].count)
        else { return false }
        if shown.containsElided && entries.contains(where: { $0.contains(nil) }) { return false }
        for (i, row) in rows.enumerated() {
            for (j, entry) in row.enumerated() where entry != .elided {
                guard let ti = rowMap[i], let tj = columnMap[j], let exact = entries[ti][tj],
                      entry.rationalValue == exact else { return false }
            }
        }
        return true
    }

    /// For each shown index, the true index it stands for (nil for the elided one).
    private static func align(shown: Int, elided: Int?, to count: Int) -> [Int?]? {
        guard let e = elided else { return shown == count ? Array(0..<count) : nil }
        let after = shown - e - 1
        guard e + after < count else { return nil }
        return (0..<shown).map { i in i < e ? i : (i == e ? nil : count - (shown - i)) }
    }
}

/// What one member of an equation chain denotes, which decides `=` or `\approx` next to it.
public struct Denotation: Hashable, Sendable {
    /// The value of the member's shown numbers in normal form; nil when it has a symbol.
    public var shown: ShownValue?
    /// Whether the member denotes the chain's true quantity itself: it is symbolic
    /// (`w_{1,1} a_1 + b_1`) or shows only exact numbers (`\sigma(0.25)`), never a rounded one.
    public var isTrueQuantity: Bool

    public init(shown: ShownValue?, isTrueQuantity: Bool) {
        self.shown = shown
        self.isTrueQuantity = isTrueQuantity
    }

    /// Classifies a chain member; `activation` is what the notation's activation means.
    public static func of(_ expression: MathExpression, activation: ActivationSymbol = .sigma) -> Denotation {
        Denotation(shown: expression.shownValue(activation: activation), isTrueQuantity: !expression.containsRoundedNumber)
    }
}

extension Relation {
    /// `=` when both sides provably denote the same number (or array), otherwise `\approx`:
    /// both denote the true quantity; or their shown numbers have the same normal form; or one
    /// denotes the true quantity and the other shows exactly its (exact) value.
    public static func between(_ lhs: Denotation, _ rhs: Denotation, truth: ChainTruth) -> Relation {
        if lhs.isTrueQuantity && rhs.isTrueQuantity { return .equals }
        if let a = lhs.shown, a == rhs.shown { return .equals }
        if lhs.isTrueQuantity, let b = rhs.shown, truth.isExactly(b) { return .equals }
        if rhs.isTrueQuantity, let a = lhs.shown, truth.isExactly(a) { return .equals }
        return .approximately
    }

    /// The relations of consecutive members of a chain about `truth`.
    public static func chain(_ members: [MathExpression], truth: ChainTruth, activation: ActivationSymbol = .sigma) -> [Relation] {
        let denotations = members.map { Denotation.of($0, activation: activation) }
        return members.indices.dropFirst().map { between(denotations[$0 - 1], denotations[$0], truth: truth) }
    }
}

extension MathExpression {
    /// An equation chain about one quantity, each relation decided by `Relation.between`:
    /// `z^{(2)}_1 \approx 0.7 \cdot 0.5 + 0.8 \cdot 0.5622 + 0.1 \approx 0.35 + 0.4497 + 0.1 = 0.8997`.
    ///
    /// - Parameters:
    ///   - members: the chain's members, first to last (at least one).
    ///   - truth: the quantity's true value, exact where known.
    ///   - activation: what the notation's activation means.
    ///   - lineBreaks: indices of members (≥ 1) that start a new aligned line.
    public static func chain(
        _ members: [MathExpression], truth: ChainTruth, activation: ActivationSymbol = .sigma, lineBreaks: Set<Int> = []
    ) -> MathExpression {
        precondition(!members.isEmpty, "an equation chain needs a member")
        let relations = Relation.chain(members, truth: truth, activation: activation)
        let steps = members.indices.dropFirst().map { i in
            ChainStep(relations[i - 1], members[i], lineBreak: lineBreaks.contains(i))
        }
        return .chain(members[0], steps)
    }

    /// An equation chain about a scalar with exact value `exactValue` (nil when only certified).
    public static func chain(_ members: [MathExpression], exactValue: Rational?, lineBreaks: Set<Int> = []) -> MathExpression {
        chain(members, truth: ChainTruth(exactValue: exactValue), lineBreaks: lineBreaks)
    }

    /// An equation chain about the engine's certified value `trueValue`.
    public static func chain(_ members: [MathExpression], trueValue: Real, lineBreaks: Set<Int> = []) -> MathExpression {
        chain(members, truth: ChainTruth(trueValue), lineBreaks: lineBreaks)
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
