import ExactArithmetic
import Typesetting

/// Shows IEEE doubles (the finite-difference check's results) as what they are: the exact
/// binary value of each double, correctly rounded to 17 significant digits — enough to tell any
/// two doubles apart. Certified values shown beside them use the same digits.
struct DoubleDisplay {
    /// Digits that identify every double uniquely.
    static let significantDigits = 17

    /// The handout's display rules with 17 significant digits.
    let display: Display

    init(_ d: Derivation) {
        var options = d.options
        options.precision = .significantDigits(Self.significantDigits)
        display = Display(options: options, ledger: d.handCheckLedger)
    }

    /// A double as TeX: a finite one by its exact value, ±∞ and NaN as IEEE arithmetic names them.
    func tex(_ x: Double, role: Role = .plain) throws(PrecisionShortfall) -> String {
        guard let exact = Rational(exactly: x) else {
            if x.isNaN { return "\\mathrm{NaN}" }
            return x > 0 ? "+\\infty" : "-\\infty"
        }
        return try display.tex(.exact(exact), role: role)
    }
}
