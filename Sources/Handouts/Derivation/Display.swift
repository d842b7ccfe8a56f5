import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// Turns certified values into displayed numbers and math into TeX, under the handout's
/// options. Every displayed number is the correctly rounded true value; a value whose
/// enclosure is too wide raises `PrecisionShortfall` so the derivation reruns with more bits.
struct Display: Sendable {
    let format: DecimalFormat
    let printer: TeXPrinter

    /// Whether chains show operands with the digits their steps need (`--hand-checkable`).
    let handCheckable: Bool
    /// Where hand-checkable chains record the steps they could not make reproducible.
    let ledger: HandCheckLedger?

    init(options: HandoutOptions, ledger: HandCheckLedger? = nil) {
        format = DecimalFormat(options.precision)
        printer = TeXPrinter(notation: options.notation)
        handCheckable = options.handCheckable
        self.ledger = ledger
    }

    init(format: DecimalFormat, printer: TeXPrinter, handCheckable: Bool = false, ledger: HandCheckLedger? = nil) {
        self.format = format
        self.printer = printer
        self.handCheckable = handCheckable
        self.ledger = ledger
    }

    /// A chain's members with operands widened so that every single-number step can be redone
    /// by hand (`HandCheck`), when the handout is hand-checkable; else as given.
    func handChecked(_ members: [MathExpression]) -> [MathExpression] {
        guard handCheckable else { return members }
        let checked = HandCheck.widenCounting(members, activation: printer.notation.activation)
        ledger?.record(checked.unreproducible)
        return checked.members
    }

    /// The correctly rounded displayed form of `x`.
    func literal(_ x: Real, role: Role = .plain) throws(PrecisionShortfall) -> NumberLiteral {
        var literal: NumberLiteral
        if let exact = x.exactValue {
            literal = NumberLiteral(exact.formatted(format), role: role)
        } else {
            guard let shown = x.formatted(format) else { throw PrecisionShortfall(value: x) }
            literal = NumberLiteral(shown, role: role)
        }
        literal.origin = LiteralOrigin(value: x, format: format)
        return literal
    }

    /// `x` as a number leaf of a math expression.
    func number(_ x: Real, role: Role = .plain) throws(PrecisionShortfall) -> MathExpression {
        .number(try literal(x, role: role))
    }

    /// An exact rational (a parameter, an input) as a number leaf.
    func number(_ r: Rational, role: Role = .plain) -> MathExpression {
        var literal = NumberLiteral(r.formatted(format), role: role)
        literal.origin = LiteralOrigin(value: .exact(r), format: format)
        return .number(literal)
    }

    /// `x` as TeX, for `$…$` in a template.
    func tex(_ x: Real, role: Role = .plain) throws(PrecisionShortfall) -> String {
        printer.tex(try number(x, role: role))
    }

    /// An expression as TeX.
    func tex(_ expression: MathExpression) -> String { printer.tex(expression) }

    /// `=` or `≈` between the true value and its displayed number, as TeX.
    func relation(_ x: Real) throws(PrecisionShortfall) -> String {
        try literal(x).isExact && x.isExact ? "=" : "\\approx"
    }

    /// A vector as a column, its entries rounded.
    func column(_ values: [Real], role: Role = .plain) throws(PrecisionShortfall) -> MathExpression {
        var entries: [MathExpression] = []
        for value in values { entries.append(try number(value, role: role)) }
        return .column(entries)
    }

    /// A matrix of certified values.
    func matrix(_ rows: [[Real]], role: Role = .plain) throws(PrecisionShortfall) -> MathExpression {
        var out: [[MathExpression]] = []
        for row in rows {
            var entries: [MathExpression] = []
            for value in row { entries.append(try number(value, role: role)) }
            out.append(entries)
        }
        return .matrix(out)
    }

    /// A matrix of exact parameters.
    func matrix(_ rows: [[Rational]], role: Role = .plain) -> MathExpression {
        .matrix(rows.map { $0.map { number($0, role: role) } })
    }

    /// A `rows` × `columns` matrix in full up to `limit` rows and columns (`columnLimit`
    /// columns when given), else its first rows and columns, the last, and ⋯ ⋮ ⋱ for the rest
    /// (`ShownIndices`); `entry(i, j)` gives the entry of 0-based row i and column j.
    func summarisedMatrix<E: Error>(
        rows: Int, columns: Int, limit: Int, columnLimit: Int? = nil, entry: (Int, Int) throws(E) -> MathExpression
    ) throws(E) -> (matrix: MathExpression, isComplete: Bool) {
        try summarisedMatrix(
            rows: ShownIndices(count: rows, limit: limit),
            columns: ShownIndices(count: columns, limit: min(limit, columnLimit ?? limit)), entry: entry)
    }

    /// The entries of the shown `rows` and `columns` (a layer's one decision, `Derivation.shown`),
    /// ⋯ ⋮ ⋱ where runs are left out; `entry(i, j)` gives the entry of 0-based row i and column j.
    func summarisedMatrix<E: Error>(
        rows shownRows: ShownIndices, columns shownColumns: ShownIndices, entry: (Int, Int) throws(E) -> MathExpression
    ) throws(E) -> (matrix: MathExpression, isComplete: Bool) {
        var entries: [[MathExpression]] = []
        for row in shownRows.entries {
            var line: [MathExpression] = []
            for column in shownColumns.entries {
                switch (row, column) {
                case let (row?, column?): line.append(try entry(row, column))
                case (nil, nil): line.append(.elided("\\ddots"))
                case (nil, _): line.append(.elided("\\vdots"))
                case (_, nil): line.append(.elided("\\cdots"))
                }
            }
            entries.append(line)
        }
        return (.matrix(entries), shownRows.isComplete && shownColumns.isComplete)
    }

    /// Rounded entries (significant digits) are wider than the parameters' few decimals: at
    /// most this many columns of them are set side by side.
    static let roundedColumnLimit = 6

    /// Certified values as a matrix summarised beyond `limit` rows or `roundedColumnLimit` columns.
    func summarisedMatrix(_ values: [[Real]], limit: Int, role: Role = .plain) throws(PrecisionShortfall) -> MathExpression {
        try summarisedMatrix(
            rows: values.count, columns: values.first?.count ?? 0, limit: limit, columnLimit: Self.roundedColumnLimit
        ) { i, j throws(PrecisionShortfall) in
            try number(values[i][j], role: role)
        }.matrix
    }

    /// Certified values as a column summarised beyond `limit` entries.
    func summarisedColumn(_ values: [Real], limit: Int, role: Role = .plain) throws(PrecisionShortfall) -> MathExpression {
        try summarisedMatrix(values.map { [$0] }, limit: limit, role: role)
    }

    /// Exact values as a matrix summarised beyond `limit` rows or columns.
    func summarisedMatrix(
        _ values: [[Rational]], limit: Int, columnLimit: Int? = nil, role: Role = .plain
    ) -> (matrix: MathExpression, isComplete: Bool) {
        summarisedMatrix(rows: values.count, columns: values.first?.count ?? 0, limit: limit, columnLimit: columnLimit) { i, j in
            number(values[i][j], role: role)
        }
    }

    /// An aligned chain `members[0] = members[1] ≈ …` about the true value `truth`; each
    /// relation is `=` only when both sides provably denote the same number or array
    /// (`Typesetting.Relation.between`, the one place that decides).
    func chain(_ members: [MathExpression], truth: ChainTruth, id: String? = nil, boxed: Bool = false) -> Block {
        precondition(members.count >= 2, "a chain relates at least two members")
        let members = handChecked(members)
        let relations = Typesetting.Relation.chain(members, truth: truth, activation: printer.notation.activation)
        let steps = members.indices.dropFirst().map { i -> EquationChain.Step in
            EquationChain.Step(relations[i - 1] == .equals ? .equal : .approximatelyEqual, Math(tex(members[i])))
        }
        return .equationChain(EquationChain(lhs: Math(tex(members[0])), steps: steps, id: id, boxedResult: boxed))
    }

    /// A chain about the scalar `value`.
    func chain(_ members: [MathExpression], value: Real, id: String? = nil, boxed: Bool = false) -> Block {
        chain(members, truth: ChainTruth(value), id: id, boxed: boxed)
    }

    /// A chain about the column vector `column`.
    func chain(_ members: [MathExpression], column: [Real], id: String? = nil, boxed: Bool = false) -> Block {
        chain(members, truth: ChainTruth(column: column), id: id, boxed: boxed)
    }

    /// A chain about the matrix `matrix`.
    func chain(_ members: [MathExpression], matrix: [[Real]], id: String? = nil, boxed: Bool = false) -> Block {
        chain(members, truth: ChainTruth(matrix: matrix), id: id, boxed: boxed)
    }

    /// An inline chain about the scalar `value`, as TeX for a template.
    func inlineChain(_ members: [MathExpression], value: Real?) -> String {
        let members = handChecked(members)
        return tex(.chain(members, truth: ChainTruth(exactValue: value?.exactValue), activation: printer.notation.activation))
    }
}
