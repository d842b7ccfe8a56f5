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
            shown: shownText.text, shownExact: shown.isExact && value.isExact, tolerance: tolerance(of: shownText),
            shownTeX: display.tex(.number(shown))
        )
    }

    /// One unit in the last digit the key displays: 10^(E − n + 1) for n significant digits and
    /// a shown value in [10^E, 10^(E+1)). E is read off the shown digits, which are already
    /// certified, rather than recomputed from the value: near 10^−868000 each comparison with a
    /// power of ten multiplies numbers of millions of bits.
    private func tolerance(of shown: FormattedDecimal) -> String {
        switch display.format.precision {
        case .decimalPlaces(let k):
            return "1e-\(k)"
        case .significantDigits(let n):
            return "1e\(shown.leadingDecimalExponent - n + 1)"
        }
    }
}

extension FormattedDecimal {
    /// E with the shown magnitude in [10^E, 10^(E+1)); 0 for a shown zero.
    var leadingDecimalExponent: Int {
        if let exponent { return exponent }
        let digits = Array(significand.utf8)
        if let point = digits.firstIndex(of: UInt8(ascii: ".")) {
            let whole = digits[..<point]
            if whole.contains(where: { $0 != UInt8(ascii: "0") }) { return whole.count - 1 }
            guard let first = digits[(point + 1)...].firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return 0 }
            return point - first
        }
        return digits.allSatisfy { $0 == UInt8(ascii: "0") } ? 0 : digits.count - 1
    }
}
