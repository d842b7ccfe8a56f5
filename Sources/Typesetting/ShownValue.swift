import ExactArithmetic

/// The number (or array of numbers) that a displayed expression denotes, computed from its
/// digits alone, in a normal form: rational parts are evaluated exactly, transcendental parts
/// kept as terms. Two expressions with the same normal form denote the same number, so
/// `\sigma(0.8997)`, `\frac{1}{1 + e^{-0.8997}}` are equal, as are `0 \cdot \ln 0.2 + \ln 0.5`
/// and `\ln 0.5`, and `(0.2, 0.3) \hadamard (2, 3)` and `(0.2 \cdot 2, 0.3 \cdot 3)`.
///
/// The normal form is sound, not complete: equal forms prove equal numbers; different forms of
/// transcendental values may still be equal (then a chain says `\approx`, never a false `=`).
public indirect enum ShownValue: Hashable, Sendable {
    case rational(Rational)
    /// e^x, x not 0.
    case exp(ShownValue)
    /// ln x, x not 1.
    case log(ShownValue)
    /// A function evaluated no further, by name (`tanh`, `σ′`, `f`).
    case function(String, ShownValue)
    /// At least two terms; at most one rational, non-zero and last.
    case sum([ShownValue])
    /// At least two factors; at most one rational, not 0 or 1 and first.
    case product([ShownValue])
    case reciprocal(ShownValue)
    /// An integer power other than 0 and 1.
    case power(ShownValue, Int)
    /// Rows of entries, at least one of them with two or more entries (a 1 × 1 array is its entry).
    case matrix([[ShownValue]])
    /// An entry left out of a summarised array (`\vdots`, `\cdots`, `\ddots`).
    case elided

    /// The value as a rational, when it is one.
    public var rationalValue: Rational? {
        if case .rational(let r) = self { return r }
        return nil
    }

    /// Whether some entry is left out.
    public var containsElided: Bool {
        switch self {
        case .elided: true
        case .matrix(let rows): rows.contains { $0.contains(where: \.containsElided) }
        default: false
        }
    }
}

// MARK: Evaluating an expression

extension MathExpression {
    /// TeX of the marks that stand for entries left out of a summarised array.
    public static let elisionMarks: Set<String> = ["\\vdots", "\\cdots", "\\ddots"]

    /// The value of the displayed numbers in normal form, nil when the expression contains a
    /// symbol, text, fixed TeX (other than elision marks), or an operation with no value
    /// (a division by zero, arrays of mismatched shapes). `activation` is the function an
    /// application of the notation's activation (`MathFunction.activation(nil)`) means.
    public func shownValue(activation: ActivationSymbol = .sigma) -> ShownValue? {
        let recurse = { (x: MathExpression) in x.shownValue(activation: activation) }
        switch self {
        case .number(let literal):
            return .rational(literal.value)
        case .sum(let terms):
            var values: [ShownValue] = []
            for term in terms {
                guard let v = recurse(term.expression) else { return nil }
                values.append(term.sign == .plus ? v : ShownValue.negate(v))
            }
            return ShownValue.add(values)
        case .product(let factors, _):
            return Self.shownValues(factors, activation).flatMap(ShownValue.multiply)
        case .hadamard(let factors):
            return Self.shownValues(factors, activation).flatMap(ShownValue.hadamard)
        case .negation(let x):
            return recurse(x).map(ShownValue.negate)
        case .fraction(let n, let d, _):
            guard let top = recurse(n), let bottom = recurse(d), let inverse = ShownValue.inverse(bottom) else { return nil }
            return ShownValue.multiply([top, inverse])
        case .power(let base, let exponent):
            guard let b = recurse(base), let e = recurse(exponent)?.rationalValue, e.isInteger,
                  let n = Int(e.description), abs(n) <= 64 else { return nil }
            return ShownValue.raise(b, n)
        case .absoluteValue(let x):
            guard let r = recurse(x)?.rationalValue else { return nil }
            return .rational(r.magnitude)
        case .parentheses(let x), .colored(_, let x), .boxed(let x), .underbrace(let x, _):
            return recurse(x)
        case .transpose(let x):
            return recurse(x).map(ShownValue.transpose)
        case .apply(let function, let x):
            guard let argument = recurse(x) else { return nil }
            return ShownValue.apply(function, to: argument, activation: activation)
        case .matrix(let rows):
            var values: [[ShownValue]] = []
            for row in rows {
                guard let line = Self.shownValues(row, activation) else { return nil }
                values.append(line)
            }
            return ShownValue.array(values)
        case .tex(let tex):
            return Self.elisionMarks.contains(tex) ? .elided : nil
        case .symbol, .partial, .gradient, .summation, .norm, .text, .chain:
            return nil
        }
    }
}

extension MathExpression {
    /// The shown values of all `expressions`, nil when one has none.
    fileprivate static func shownValues(_ expressions: [MathExpression], _ activation: ActivationSymbol) -> [ShownValue]? {
        var values: [ShownValue] = []
        for e in expressions {
            guard let v = e.shownValue(activation: activation) else { return nil }
            values.append(v)
        }
        return values
    }
}

// MARK: Operations in normal form

extension ShownValue {
    /// Rows as an array; a 1 × 1 array is its entry.
    static func array(_ rows: [[ShownValue]]) -> ShownValue? {
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        if rows.count == 1 && width == 1 { return rows[0][0] }
        return .matrix(rows)
    }

    /// Applies `operation` entry by entry to arrays of one shape, or to scalars.
    private static func entrywise(_ values: [ShownValue], _ operation: ([ShownValue]) -> ShownValue?) -> ShownValue? {
        let arrays = values.compactMap { value -> [[ShownValue]]? in
            if case .matrix(let rows) = value { return rows }
            return nil
        }
        guard let shape = arrays.first else { return operation(values) }
        guard arrays.count == values.count,
              arrays.allSatisfy({ $0.count == shape.count && zip($0, shape).allSatisfy { $0.count == $1.count } })
        else { return nil }
        var rows: [[ShownValue]] = []
        for i in shape.indices {
            var row: [ShownValue] = []
            for j in shape[i].indices {
                guard let v = operation(arrays.map { $0[i][j] }) else { return nil }
                row.append(v)
            }
            rows.append(row)
        }
        return array(rows)
    }

    /// The sum of scalars or of arrays of one shape.
    static func add(_ values: [ShownValue]) -> ShownValue? {
        entrywise(values) { terms in
            if terms.contains(.elided) { return .elided }
            var constant = Rational(0)
            var rest: [ShownValue] = []
            for term in terms {
                switch term {
                case .rational(let r): constant = constant + r
                case .sum(let inner):
                    for t in inner {
                        if case .rational(let r) = t { constant = constant + r } else { rest.append(t) }
                    }
                default: rest.append(term)
                }
            }
            if !constant.isZero { rest.append(.rational(constant)) }
            switch rest.count {
            case 0: return .rational(0)
            case 1: return rest[0]
            default: return .sum(rest)
            }
        }
    }

    /// −x.
    static func negate(_ x: ShownValue) -> ShownValue {
        scale(x, by: Rational(-1))
    }

    /// A rational multiple of a scalar or an array.
    static func scale(_ x: ShownValue, by r: Rational) -> ShownValue {
        if case .matrix(let rows) = x { return .matrix(rows.map { $0.map { scale($0, by: r) } }) }
        return scalarProduct([.rational(r), x])
    }

    /// The product of scalars: rational factors folded into one coefficient in front.
    private static func scalarProduct(_ factors: [ShownValue]) -> ShownValue {
        if factors.contains(.elided) { return .elided }
        var coefficient = Rational(1)
        var rest: [ShownValue] = []
        for factor in factors {
            switch factor {
            case .rational(let r): coefficient = coefficient * r
            case .product(let inner):
                for f in inner {
                    if case .rational(let r) = f { coefficient = coefficient * r } else { rest.append(f) }
                }
            default: rest.append(factor)
            }
        }
        if coefficient.isZero || rest.isEmpty { return .rational(coefficient) }
        if coefficient != Rational(1) { rest.insert(.rational(coefficient), at: 0) }
        return rest.count == 1 ? rest[0] : .product(rest)
    }

    /// A product of factors, left to right: scalars multiply, arrays by matrix multiplication,
    /// a scalar scales an array.
    static func multiply(_ factors: [ShownValue]) -> ShownValue? {
        guard var result = factors.first else { return nil }
        for factor in factors.dropFirst() {
            switch (result, factor) {
            case (.matrix(let a), .matrix(let b)):
                guard let product = matrixProduct(a, b) else { return nil }
                result = product
            case (.matrix(let rows), let s), (let s, .matrix(let rows)):
                guard let scaled = array(rows.map { $0.map { scalarProduct([s, $0]) } }) else { return nil }
                result = scaled
            default:
                result = scalarProduct([result, factor])
            }
        }
        return result
    }

    private static func matrixProduct(_ a: [[ShownValue]], _ b: [[ShownValue]]) -> ShownValue? {
        guard let inner = a.first?.count, inner == b.count, let columns = b.first?.count else { return nil }
        var rows: [[ShownValue]] = []
        for i in a.indices {
            var row: [ShownValue] = []
            for j in 0..<columns {
                guard let entry = add((0..<inner).map { k in scalarProduct([a[i][k], b[k][j]]) }) else { return nil }
                row.append(entry)
            }
            rows.append(row)
        }
        return array(rows)
    }

    /// The element-wise product of arrays of one shape (or of scalars).
    static func hadamard(_ factors: [ShownValue]) -> ShownValue? {
        entrywise(factors) { scalarProduct($0) }
    }

    /// 1 / x, nil for 0 and for arrays.
    static func inverse(_ x: ShownValue) -> ShownValue? {
        switch x {
        case .rational(let r): return r.isZero ? nil : .rational(Rational(1) / r)
        case .reciprocal(let inner): return inner
        case .matrix: return nil
        case .elided: return .elided
        default: return .reciprocal(x)
        }
    }

    /// x^n for an integer n, nil for 0 to a negative power and for arrays.
    static func raise(_ x: ShownValue, _ n: Int) -> ShownValue? {
        switch x {
        case .matrix: return nil
        case .elided: return .elided
        case .rational(let r):
            guard n >= 0 || !r.isZero else { return nil }
            var result = Rational(1)
            for _ in 0..<abs(n) { result = result * r }
            return .rational(n >= 0 ? result : Rational(1) / result)
        default:
            if n == 0 { return .rational(1) }
            if n == 1 { return x }
            return .power(x, n)
        }
    }

    /// The transpose of an array; a scalar is its own transpose.
    static func transpose(_ x: ShownValue) -> ShownValue {
        guard case .matrix(let rows) = x, let width = rows.first?.count else { return x }
        return .matrix((0..<width).map { j in rows.map { $0[j] } })
    }

    /// A function applied entry by entry.
    static func apply(_ function: MathFunction, to x: ShownValue, activation: ActivationSymbol) -> ShownValue? {
        entrywise([x]) { arguments in
            let t = arguments[0]
            if t == .elided { return .elided }
            switch function {
            case .exp:
                return t == .rational(0) ? .rational(1) : .exp(t)
            case .log:
                guard let r = t.rationalValue else { return .log(t) }
                if r.signum() <= 0 { return nil }
                return r == Rational(1) ? .rational(0) : .log(t)
            case .activation(let symbol):
                return activationValue(symbol ?? activation, t)
            case .activationDerivative(let symbol):
                return .function((symbol ?? activation).derivativeName, t)
            case .other(let tex):
                return .function(tex, t)
            }
        }
    }

    /// σ(t) = 1/(1 + e^{−t}); ReLU of a rational; tanh(0) = 0; other activations kept by name.
    private static func activationValue(_ symbol: ActivationSymbol, _ t: ShownValue) -> ShownValue? {
        switch symbol {
        case .sigma:
            guard let e = apply(.exp, to: negate(t), activation: symbol), let sum = add([.rational(1), e]) else { return nil }
            return inverse(sum)
        case .relu:
            if let r = t.rationalValue { return .rational(r.signum() > 0 ? r : Rational(0)) }
            return .function(symbol.name, t)
        case .tanh:
            return t == .rational(0) ? .rational(0) : .function(symbol.name, t)
        case .generic:
            return .function(symbol.name, t)
        }
    }
}

extension ActivationSymbol {
    /// A name that tells activations apart in a `ShownValue`.
    var name: String {
        switch self {
        case .sigma: "sigma"
        case .tanh: "tanh"
        case .relu: "relu"
        case .generic(let letter): letter
        }
    }

    /// The name of the derivative.
    var derivativeName: String { name + "'" }
}
