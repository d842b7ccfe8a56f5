import Backprop
import ExactArithmetic
import JSON

/// One final answer of an exercise, for grading scripts and learning-management systems.
///
/// In `answers.json` each answer is an object with these members:
/// `id` (stable within a sheet, e.g. `"2.dL/dw(1)_2,3"`), `exercise` (its number), `quantity`
/// (plain TeX without colour macros), `value` (the true value as a JSON number: exact when
/// `exact` is true, else correctly rounded to 15 significant digits), `exact`, `shown` (as
/// printed in the answer key), `shownExact` (the key writes `=`, not `≈`) and `tolerance` (a
/// suggested absolute tolerance: one unit in the last displayed digit).
public struct ExerciseAnswer: Hashable, Sendable {
    public var id: String
    public var exercise: Int
    public var quantity: String
    public var value: String
    public var exact: Bool
    public var shown: String
    public var shownExact: Bool
    public var tolerance: String
    /// The key's display of the answer as TeX (with colour macros), for the overview.
    public var shownTeX: String

    /// The answer as a JSON object, members in a fixed order.
    public var json: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("exercise", .number(String(exercise))),
            .init("quantity", .string(quantity)),
            .init("value", .number(value)),
            .init("exact", .bool(exact)),
            .init("shown", .number(shown)),
            .init("shownExact", .bool(shownExact)),
            .init("tolerance", .number(tolerance)),
        ])
    }
}

extension Derivation {
    /// The answer `value` of `quantity` (plain TeX) in exercise `exercise`.
    func answer(_ exercise: Int, _ key: String, _ quantity: String, _ value: Real) throws(PrecisionShortfall) -> ExerciseAnswer {
        let full: FormattedDecimal
        var exact = false
        if let r = value.exactValue, !r.description.contains("/") {
            full = FormattedDecimal(negative: r.signum() < 0, significand: r.magnitude.description, exponent: nil, isExact: true)
            exact = true
        } else {
            guard let rounded = value.formatted(DecimalFormat(.significantDigits(15))) else { throw PrecisionShortfall() }
            full = rounded
        }
        let shown = try display.literal(value)
        let shownText: FormattedDecimal
        if let r = value.exactValue { shownText = r.formatted(display.format) } else {
            guard let s = value.formatted(display.format) else { throw PrecisionShortfall() }
            shownText = s
        }
        return ExerciseAnswer(
            id: "\(exercise).\(key)", exercise: exercise, quantity: quantity, value: full.text, exact: exact,
            shown: shownText.text, shownExact: shown.isExact && value.isExact, tolerance: tolerance(of: value),
            shownTeX: display.tex(.number(shown))
        )
    }

    /// One unit in the last digit the key displays for `x`.
    private func tolerance(of x: Real) -> String {
        switch display.format.precision {
        case .decimalPlaces(let k):
            return "1e-\(k)"
        case .significantDigits(let n):
            let m = x.midpoint.magnitude
            return "1e\((m.isZero ? 0 : Rational.decimalExponent(of: m)) - n + 1)"
        }
    }
}

extension Rational {
    /// 10ᵉ for any whole e, by repeated squaring.
    static func power10(_ e: Int) -> Rational {
        let p = Rational(BigInt(10).power(abs(e)))
        return e >= 0 ? p : Rational(1) / p
    }

    /// ⌊log₁₀ m⌋ of a positive m: estimated from the bit widths (within 1), then settled by
    /// comparison — a value near 10⁻¹³⁰⁰⁰ costs two powers, not thirteen thousand.
    static func decimalExponent(of m: Rational) -> Int {
        let bits = m.numerator.magnitudeBitWidth - m.denominator.magnitudeBitWidth
        var e = Int((Double(bits) * 0.30102999566398120).rounded(.down))
        while power10(e) > m { e -= 1 }
        while power10(e + 1) <= m { e += 1 }
        return e
    }
}
