import ExactArithmetic

/// Issue 16: makes every step of an equation chain whose result is one number *hand-checkable*:
/// evaluating the printed operands exactly and rounding to the digits the result shows (half
/// away from zero, the rounding of `Rational.formatted`) gives the printed result.
///
/// It shows more digits only where a step needs them: an operand (every occurrence of it in the
/// chain), or a whole vector or matrix so its entries stay aligned — never fewer than the
/// document's precision. Every number stays the correctly rounded true value of its quantity,
/// re-rounded from its certified origin (`NumberLiteral.moreDigits`); `=` and `≈` are decided
/// afterwards as always (`Relation.between`). One decision, in the chain, for every writer.
///
/// An operand gets at most `digitCap` more digits; a step still off then (a near-tie, or
/// cancellation: a(1 − a) at a saturated σ) gets up to `cancellationCap`, the digits the
/// cancelling terms need. A step that even those cannot fix is left as it is and reported by
/// `unreproducibleSteps`.
public enum HandCheck {
    /// The most digits an operand gains in an ordinary step.
    public static let digitCap = 4
    /// The most digits an operand gains where terms cancel.
    public static let cancellationCap = 20

    /// `members` with operands widened so that every single-number step reproduces.
    public static func widen(_ members: [MathExpression], activation: ActivationSymbol) -> [MathExpression] {
        widenCounting(members, activation: activation).members
    }

    /// `widen`, with the number of single-number steps that still do not reproduce (operands
    /// that would need more than the caps' digits).
    public static func widenCounting(_ members: [MathExpression], activation: ActivationSymbol) -> (members: [MathExpression], unreproducible: Int) {
        var checker = Checker(members: members, activation: activation)
        checker.solve()
        let failing = checker.steps.filter { !checker.reproduces(step: $0, checker.extra) }.count
        return (members.map { checker.apply(checker.extra, to: $0) }, failing)
    }

    /// The indices k of steps members[k − 1] → members[k] whose result is one number and that
    /// do not reproduce from the printed operands (for tests and diagnostics).
    public static func unreproducibleSteps(_ members: [MathExpression], activation: ActivationSymbol) -> [Int] {
        let checker = Checker(members: members, activation: activation)
        return checker.steps.filter { !checker.reproduces(step: $0, checker.extra) }
    }

    /// The result of a step when it is one number: the literal (sign included) and the decimal
    /// places its digits show (negative for `1.2 \times 10^{3}`).
    static func result(_ expression: MathExpression) -> NumberLiteral? {
        switch expression {
        case .number(let literal): return literal
        case .negation(let x): return result(x)?.negated
        case .colored(_, let x), .boxed(let x), .parentheses(let x): return result(x)
        default: return nil
        }
    }

    /// The decimal places a literal shows; nil for a fraction.
    static func places(_ literal: NumberLiteral) -> Int? {
        guard case .decimal(let significand, let exponent) = literal.form else { return nil }
        let fraction = significand.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return fraction - (exponent ?? 0)
    }

    /// `v` rounded to `places` decimal places by the tool's own rule (`Rational.formatted`:
    /// ties away from zero).
    public static func round(_ v: Rational, places: Int) -> Rational {
        let scale = Rational(BigInt(10).power(abs(places)))
        let scaled = places >= 0 ? v : v / scale
        let shown = NumberLiteral(scaled.formatted(DecimalFormat(.decimalPlaces(max(0, places)), scientificBelow: nil, scientificFrom: nil)))
        return places >= 0 ? shown.value : shown.value * scale
    }

    /// Whether the certified value `x` rounds to `result` at `places`; nil when its enclosure
    /// straddles a rounding boundary.
    static func rounds(_ x: Real, to result: Rational, places: Int) -> Bool? {
        if let exact = x.exactValue { return round(exact, places: places) == result }
        let low = round(x.lowerBound, places: places), high = round(x.upperBound, places: places)
        return low == high ? low == result : nil
    }

    /// The quantity a rounded literal shows, up to sign: the magnitudes of its certified
    /// origin's bounds. Every occurrence of one quantity in a chain (z in σ(z) and −z in
    /// e^{−z}) gets the same digits; two quantities that merely print alike (both 0 at
    /// `--decimals 0`) do not share them.
    struct Quantity: Hashable {
        let low: Rational
        let high: Rational

        init?(_ literal: NumberLiteral) {
            guard let origin = literal.origin else { return nil }
            let a = origin.value.lowerBound.magnitude, b = origin.value.upperBound.magnitude
            (low, high) = a < b ? (a, b) : (b, a)
        }
    }

    /// The search for the extra digits of a chain's operands.
    struct Checker {
        let members: [MathExpression]
        let activation: ActivationSymbol
        /// Steps k (members[k − 1] → members[k]) whose result is one number computed from shown numbers.
        let steps: [Int]
        /// Operands of each step that may gain digits: the quantities of its rounded literals.
        let operands: [Int: [Quantity]]
        /// Extra digits per operand quantity.
        var extra: [Quantity: Int] = [:]

        init(members: [MathExpression], activation: ActivationSymbol) {
            self.members = members
            self.activation = activation
            var results = Set<Quantity>()
            var steps: [Int] = []
            for k in members.indices.dropFirst() {
                guard let literal = HandCheck.result(members[k]), HandCheck.result(members[k - 1]) == nil,
                      let shown = members[k - 1].shownValue(activation: activation), Self.isScalar(shown)
                else { continue }
                if let quantity = Quantity(literal) { results.insert(quantity) }
                steps.append(k)
            }
            self.steps = steps
            var operands: [Int: [Quantity]] = [:]
            for k in steps { operands[k] = Self.keys(in: members[k - 1], excluding: results) }
            self.operands = operands
        }

        static func isScalar(_ value: ShownValue) -> Bool {
            if case .matrix = value { return false }
            return value != .elided
        }

        /// Calls `body` with every rounded literal that has an origin.
        static func roundedLiterals(in expression: MathExpression, _ body: (NumberLiteral) -> Void) {
            if case .number(let literal) = expression {
                if !literal.isExact && literal.origin != nil { body(literal) }
                return
            }
            for child in expression.children { roundedLiterals(in: child, body) }
        }

        /// Finds extra digits for every step that needs them, step by step; a later step's
        /// digits can change an earlier step's operands, so it passes again until nothing
        /// changes. A step that showed equal numbers on both sides (`=`) and no longer does
        /// gets digits on its left too, so `0.6506 − 1 = −0.3494` becomes
        /// `0.65057 − 1 = −0.34943` rather than an `≈`.
        mutating func solve() {
            let equalSteps = members.indices.dropFirst().filter { k in
                guard let a = members[k - 1].shownValue(activation: activation) else { return false }
                return a == members[k].shownValue(activation: activation)
            }
            for _ in 0..<3 {
                var changed = false
                for k in steps where !reproduces(step: k, extra) {
                    let keys = operands[k] ?? [], now = self
                    let predicate = { (trial: [Quantity: Int]) in now.reproduces(step: k, trial) }
                    if let found = search(keys, cap: HandCheck.digitCap, predicate)
                        ?? search(keys, cap: HandCheck.cancellationCap, predicate) {
                        extra = found
                        changed = true
                    }
                }
                for k in equalSteps where !showsEqual(step: k, extra) {
                    let keys = Self.keys(in: members[k - 1], excluding: []), now = self
                    if let found = search(keys, cap: HandCheck.digitCap, { now.showsEqual(step: k, $0) }) {
                        extra = found
                        changed = true
                    }
                }
                if !changed { return }
            }
        }

        /// The quantities of the rounded literals of `expression`, each once.
        static func keys(in expression: MathExpression, excluding excluded: Set<Quantity>) -> [Quantity] {
            var keys: [Quantity] = []
            roundedLiterals(in: expression) { literal in
                guard let key = Quantity(literal) else { return }
                if !excluded.contains(key) && !keys.contains(key) { keys.append(key) }
            }
            return keys
        }

        /// Whether both sides of step k show the same numbers with operands widened by `extra`.
        func showsEqual(step k: Int, _ extra: [Quantity: Int]) -> Bool {
            guard let a = apply(extra, to: members[k - 1]).shownValue(activation: activation) else { return false }
            return a == apply(extra, to: members[k]).shownValue(activation: activation)
        }

        /// The fewest extra digits (at most `cap` per operand) for `keys` on top of `extra`
        /// that satisfy `holds`: all of them together first, then each brought back as far as it can.
        func search(_ keys: [Quantity], cap: Int, _ holds: ([Quantity: Int]) -> Bool) -> [Quantity: Int]? {
            guard !keys.isEmpty else { return nil }
            let start = cap > HandCheck.digitCap ? HandCheck.digitCap + 1 : 1
            guard start <= cap else { return nil }
            for d in start...cap {
                var trial = extra
                for key in keys { trial[key] = max(extra[key] ?? 0, d) }
                guard holds(trial) else { continue }
                for key in keys {
                    let floor = extra[key] ?? 0
                    while let current = trial[key], current > floor {
                        var fewer = trial
                        fewer[key] = current - 1
                        guard holds(fewer) else { break }
                        trial = fewer
                    }
                }
                return trial
            }
            return nil
        }

        /// Whether step k, its operands widened by `extra`, reproduces its result.
        func reproduces(step k: Int, _ extra: [Quantity: Int]) -> Bool {
            guard let result = HandCheck.result(apply(extra, to: members[k])) else { return false }
            let lhs = apply(extra, to: members[k - 1])
            guard let shown = lhs.shownValue(activation: activation) else { return false }
            guard let places = HandCheck.places(result) else { return shown.rationalValue == result.value }
            for bits in [128, 512] {
                guard let value = shown.certified(RealArithmetic(precision: bits)) else { return false }
                if let decided = HandCheck.rounds(value, to: result.value, places: places) { return decided }
            }
            return false
        }

        /// The expression with its operands widened: a literal by its own extra digits, every
        /// rounded entry of a vector or matrix by the most any entry of it needs.
        func apply(_ extra: [Quantity: Int], to expression: MathExpression) -> MathExpression {
            guard !extra.isEmpty else { return expression }
            switch expression {
            case .number(let literal):
                return .number(widened(literal, by: Quantity(literal).flatMap { extra[$0] } ?? 0))
            case .matrix(let rows):
                var most = 0
                for row in rows {
                    for entry in row { Self.roundedLiterals(in: entry) { most = max(most, Quantity($0).flatMap { extra[$0] } ?? 0) } }
                }
                return .matrix(rows.map { $0.map { entry in entry.mappingLiterals { widened($0, by: most) } } })
            default:
                return expression.mappingChildren { apply(extra, to: $0) }
            }
        }

        private func widened(_ literal: NumberLiteral, by digits: Int) -> NumberLiteral {
            literal.isExact || digits == 0 ? literal : literal.moreDigits(digits) ?? literal
        }
    }
}

extension MathExpression {
    /// The expression with every number literal replaced by `transform(literal)`.
    func mappingLiterals(_ transform: (NumberLiteral) -> NumberLiteral) -> MathExpression {
        if case .number(let literal) = self { return .number(transform(literal)) }
        return mappingChildren { $0.mappingLiterals(transform) }
    }

    /// The expression with every direct subexpression replaced by `transform(child)`.
    func mappingChildren(_ transform: (MathExpression) -> MathExpression) -> MathExpression {
        switch self {
        case .number, .symbol, .text, .tex:
            return self
        case .sum(let terms):
            return .sum(terms.map { term in
                var term = term
                term.expression = transform(term.expression)
                return term
            })
        case .product(let xs, let op): return .product(xs.map(transform), op)
        case .hadamard(let xs): return .hadamard(xs.map(transform))
        case .matrix(let rows): return .matrix(rows.map { $0.map(transform) })
        case .negation(let x): return .negation(transform(x))
        case .parentheses(let x): return .parentheses(transform(x))
        case .transpose(let x): return .transpose(transform(x))
        case .apply(let f, let x): return .apply(f, transform(x))
        case .absoluteValue(let x): return .absoluteValue(transform(x))
        case .norm(let x): return .norm(transform(x))
        case .colored(let role, let x): return .colored(role, transform(x))
        case .boxed(let x): return .boxed(transform(x))
        case .fraction(let a, let b, let style): return .fraction(transform(a), transform(b), style)
        case .power(let a, let b): return .power(transform(a), exponent: transform(b))
        case .partial(let a, let b, let style): return .partial(of: transform(a), withRespectTo: transform(b), style: style)
        case .gradient(let a, let b): return .gradient(of: transform(a), withRespectTo: transform(b))
        case .underbrace(let a, let label): return .underbrace(transform(a), label: transform(label))
        case .summation(let below, let above, let body):
            return .summation(below: below.map(transform), above: above.map(transform), body: transform(body))
        case .chain(let first, let steps):
            return .chain(transform(first), steps.map { step in
                var step = step
                step.expression = transform(step.expression)
                return step
            })
        }
    }
}

extension ShownValue {
    /// The certified value of a scalar in normal form at `arithmetic`'s precision: nil for
    /// arrays, functions it does not know (a generic f) and operations without a value.
    func certified(_ arithmetic: RealArithmetic) -> Real? {
        switch self {
        case .rational(let r):
            return .exact(r)
        case .exp(let x):
            return x.certified(arithmetic).map(arithmetic.exp)
        case .log(let x):
            return x.certified(arithmetic).flatMap(arithmetic.log)
        case .sum(let terms):
            var values: [Real] = []
            for t in terms {
                guard let v = t.certified(arithmetic) else { return nil }
                values.append(v)
            }
            return arithmetic.sum(values)
        case .product(let factors):
            var result = Real(1)
            for f in factors {
                guard let v = f.certified(arithmetic) else { return nil }
                result = arithmetic.multiply(result, v)
            }
            return result
        case .reciprocal(let x):
            return x.certified(arithmetic).flatMap { arithmetic.divide(Real(1), $0) }
        case .power(let x, let n):
            guard let base = x.certified(arithmetic) else { return nil }
            var result = Real(1)
            for _ in 0..<abs(n) { result = arithmetic.multiply(result, base) }
            return n >= 0 ? result : arithmetic.divide(Real(1), result)
        case .function(let name, let x):
            guard let t = x.certified(arithmetic) else { return nil }
            return Self.function(name, t, arithmetic)
        case .matrix, .elided:
            return nil
        }
    }

    private static func function(_ name: String, _ t: Real, _ arithmetic: RealArithmetic) -> Real? {
        switch name {
        case ActivationSymbol.tanh.name:
            return arithmetic.tanh(t)
        case ActivationSymbol.sigma.derivativeName:
            let s = arithmetic.sigmoid(t)
            return arithmetic.multiply(s, arithmetic.subtract(Real(1), s))
        case ActivationSymbol.tanh.derivativeName:
            let h = arithmetic.tanh(t)
            return arithmetic.subtract(Real(1), arithmetic.multiply(h, h))
        case ActivationSymbol.relu.name:
            guard let sign = t.knownSignum else { return nil }
            return sign > 0 ? t : Real(0)
        case ActivationSymbol.relu.derivativeName:
            // ReLU′(0) = 0, the convention the documents state.
            guard let sign = t.knownSignum else { return nil }
            return Real(sign > 0 ? 1 : 0)
        default:
            return nil
        }
    }
}
