import ExactArithmetic
import Foundation

/// A number known from printed digits: exactly (a rational) when only rational operations of
/// printed numbers produced it, else as an enclosure [lo, hi] in IEEE double, rounded outward
/// after every operation (exp, ln, tanh, σ are evaluated with `Foundation`, not the engine).
struct Enclosure {
    var exact: Rational?
    var lo: Double
    var hi: Double

    init(exactly r: Rational) {
        exact = r
        let d = r.toDouble()
        lo = d.nextDown.nextDown
        hi = d.nextUp.nextUp
    }

    init(lo: Double, hi: Double) {
        exact = nil
        // One ulp of libm error and one of rounding, both sides, and never NaN.
        self.lo = lo - abs(lo) * 4e-16 - Double.leastNonzeroMagnitude
        self.hi = hi + abs(hi) * 4e-16 + Double.leastNonzeroMagnitude
    }

    var isFinite: Bool { lo.isFinite && hi.isFinite }

    static func + (a: Enclosure, b: Enclosure) -> Enclosure {
        if let x = a.exact, let y = b.exact { return Enclosure(exactly: x + y) }
        return Enclosure(lo: a.lo + b.lo, hi: a.hi + b.hi)
    }

    static prefix func - (a: Enclosure) -> Enclosure {
        if let x = a.exact { return Enclosure(exactly: Rational(0) - x) }
        var r = a
        (r.lo, r.hi) = (-a.hi, -a.lo)
        return r
    }

    static func * (a: Enclosure, b: Enclosure) -> Enclosure {
        if let x = a.exact, let y = b.exact { return Enclosure(exactly: x * y) }
        if a.exact?.isZero == true || b.exact?.isZero == true { return Enclosure(exactly: 0) }
        let p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        return Enclosure(lo: p.min()!, hi: p.max()!)
    }

    func reciprocal() throws(Unevaluable) -> Enclosure {
        if let x = exact {
            guard !x.isZero else { throw Unevaluable(reason: "division by zero") }
            return Enclosure(exactly: Rational(1) / x)
        }
        guard lo > 0 || hi < 0 else { throw Unevaluable(reason: "division by an interval around 0") }
        return Enclosure(lo: 1 / hi, hi: 1 / lo)
    }

    /// A monotone increasing function of an enclosure.
    func increasing(_ f: (Double) -> Double) -> Enclosure { Enclosure(lo: f(lo), hi: f(hi)) }

    /// Whether both denote the same number as far as can be told: exactly equal rationals, or
    /// overlapping enclosures (at double precision, ~16 digits — far beyond any printed digit).
    func sameNumber(as other: Enclosure) -> Bool {
        if let x = exact, let y = other.exact { return x == y }
        return lo <= other.hi && other.lo <= hi
    }
}

/// A printed member's value: a number or an array (a 1 × 1 array is its entry); elided entries nil.
enum PrintedValue {
    case scalar(Enclosure)
    case array([[Enclosure?]])

    /// Rows as a value; a 1 × 1 array is its entry.
    static func fromRows(_ rows: [[Enclosure?]]) -> PrintedValue {
        if rows.count == 1 && rows[0].count == 1, let only = rows[0][0] { return .scalar(only) }
        return .array(rows)
    }

    /// Entries row by row (a scalar is one entry).
    var rows: [[Enclosure?]] {
        switch self {
        case .scalar(let e): [[e]]
        case .array(let rows): rows
        }
    }
}

/// Evaluates a printed term. With `widened`, every printed decimal stands for any number that
/// rounds to it (± half a unit in its last place): the set of values consistent with the
/// shown rounding.
struct PrintedEvaluator {
    let widened: Bool

    func value(_ term: PrintedTerm) throws(Unevaluable) -> PrintedValue {
        switch term {
        case .number(let n):
            if widened && !n.halfUnit.isZero {
                return .scalar(Enclosure(lo: (n.value - n.halfUnit).toDouble(), hi: (n.value + n.halfUnit).toDouble()))
            }
            return .scalar(Enclosure(exactly: n.value))
        case .sum(let terms):
            var total: PrintedValue? = nil
            for (plus, t) in terms {
                var v = try value(t)
                if !plus { v = try entrywise([v]) { -$0[0] } }
                total = try total.map { a throws(Unevaluable) in try entrywise([a, v]) { $0[0] + $0[1] } } ?? v
            }
            return total!
        case .product(let factors):
            var result = try value(factors[0])
            for f in factors.dropFirst() { result = try multiply(result, try value(f)) }
            return result
        case .hadamard(let factors):
            var values: [PrintedValue] = []
            for f in factors { values.append(try value(f)) }
            return try entrywise(values) { $0.dropFirst().reduce($0[0], *) }
        case .quotient(let n, let d):
            guard case .scalar(let bottom) = try value(d) else { throw Unevaluable(reason: "division by an array") }
            let inverse = try bottom.reciprocal()
            return try multiply(try value(n), .scalar(inverse))
        case .power(let base, let exponent):
            // Exponents, and the 10 of scientific notation, are exact digits, never rounded.
            let exact = PrintedEvaluator(widened: false)
            guard case .scalar(let e) = try exact.value(exponent), let k = e.exact, k.isInteger, let n = Int(k.description), abs(n) <= 64 else {
                throw Unevaluable(reason: "non-integer power")
            }
            let isTen = if case .number(let literal) = base { literal.text == "10" } else { false }
            guard case .scalar(let b) = try (isTen ? exact : self).value(base) else { throw Unevaluable(reason: "power of an array") }
            var result = Enclosure(exactly: 1)
            for _ in 0..<abs(n) { result = result * b }
            return .scalar(n >= 0 ? result : try result.reciprocal())
        case .transpose(let x):
            switch try value(x) {
            case .scalar(let s): return .scalar(s)
            case .array(let rows): return .array((0..<rows[0].count).map { j in rows.map { $0[j] } })
            }
        case .function(let name, let argument):
            let v = try value(argument)
            return try entrywise([v]) { x throws(Unevaluable) in try Self.apply(name, x[0]) }
        case .matrix(let rows):
            var out: [[Enclosure?]] = []
            for row in rows {
                var line: [Enclosure?] = []
                for entry in row {
                    guard let entry else { line.append(nil); continue }
                    guard case .scalar(let e) = try value(entry) else { throw Unevaluable(reason: "array inside an array") }
                    line.append(e)
                }
                out.append(line)
            }
            guard let width = out.first?.count, out.allSatisfy({ $0.count == width }) else {
                throw Unevaluable(reason: "ragged array")
            }
            return .fromRows(out)
        }
    }

    static func apply(_ name: String, _ x: Enclosure) throws(Unevaluable) -> Enclosure {
        let zero = x.exact?.isZero == true
        switch name {
        case "exp": return zero ? Enclosure(exactly: 1) : x.increasing(Foundation.exp)
        case "log":
            if x.exact == Rational(1) { return Enclosure(exactly: 0) }
            guard x.lo > 0 else { throw Unevaluable(reason: "log of a non-positive number") }
            return x.increasing(Foundation.log)
        case "tanh": return zero ? Enclosure(exactly: 0) : x.increasing(Foundation.tanh)
        case "sigma": return zero ? Enclosure(exactly: Rational(1, 2)) : x.increasing { 1 / (1 + Foundation.exp(-$0)) }
        case "sigma'":
            let s = try apply("sigma", x)
            return s * (Enclosure(exactly: 1) + -s)
        case "tanh'":
            let t = try apply("tanh", x)
            return Enclosure(exactly: 1) + -(t * t)
        case "abs":
            if let r = x.exact { return Enclosure(exactly: r.magnitude) }
            if x.lo >= 0 { return x }
            if x.hi <= 0 { return -x }
            return Enclosure(lo: 0, hi: max(-x.lo, x.hi))
        case "relu":
            if let r = x.exact { return Enclosure(exactly: r.signum() > 0 ? r : 0) }
            return Enclosure(lo: max(0, x.lo), hi: max(0, x.hi))
        case "relu'":
            // ReLU′(0) = 0: the convention the documents state.
            if let r = x.exact { return Enclosure(exactly: r.signum() > 0 ? 1 : 0) }
            if x.lo > 0 { return Enclosure(exactly: 1) }
            if x.hi < 0 { return Enclosure(exactly: 0) }
            throw Unevaluable(reason: "ReLU′ at an interval around 0")
        default:
            throw Unevaluable(reason: "function \(name)")
        }
    }

    /// Scalars multiply; arrays by matrix product; a scalar scales an array.
    private func multiply(_ a: PrintedValue, _ b: PrintedValue) throws(Unevaluable) -> PrintedValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(x * y)
        case (.scalar(let s), .array(let rows)), (.array(let rows), .scalar(let s)):
            return .array(rows.map { $0.map { $0.map { s * $0 } } })
        case (.array(let x), .array(let y)):
            guard x[0].count == y.count else { throw Unevaluable(reason: "shapes \(x.count)×\(x[0].count) · \(y.count)×\(y[0].count)") }
            var out: [[Enclosure?]] = []
            for i in x.indices {
                var row: [Enclosure?] = []
                for j in y[0].indices {
                    var total: Enclosure? = Enclosure(exactly: 0)
                    for k in y.indices {
                        guard let p = x[i][k], let q = y[k][j], let t = total else { total = nil; break }
                        total = t + p * q
                    }
                    row.append(total)
                }
                out.append(row)
            }
            return .fromRows(out)
        }
    }

    /// An operation entry by entry on scalars or arrays of one shape.
    private func entrywise(
        _ values: [PrintedValue], _ op: ([Enclosure]) throws(Unevaluable) -> Enclosure
    ) throws(Unevaluable) -> PrintedValue {
        let arrays = values.compactMap { v -> [[Enclosure?]]? in if case .array(let r) = v { return r } else { return nil } }
        guard let shape = arrays.first else {
            return .scalar(try op(values.map { if case .scalar(let s) = $0 { return s } else { fatalError() } }))
        }
        guard arrays.count == values.count,
              arrays.allSatisfy({ $0.count == shape.count && zip($0, shape).allSatisfy { $0.count == $1.count } })
        else { throw Unevaluable(reason: "mismatched shapes") }
        var out: [[Enclosure?]] = []
        for i in shape.indices {
            var row: [Enclosure?] = []
            for j in shape[i].indices {
                let entries = arrays.map { $0[i][j] }
                if entries.contains(where: { $0 == nil }) { row.append(nil); continue }
                row.append(try op(entries.map { $0! }))
            }
            out.append(row)
        }
        return .array(out)
    }
}
