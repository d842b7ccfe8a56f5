import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The numerical verification: the centred finite difference the engine computed in IEEE double,
/// compared with the backpropagated gradient, and whether the comparison meets `threshold`.
///
/// The outcome is decided from the certified error, never assumed: an error whose enclosure
/// straddles the threshold raises `PrecisionShortfall` so the derivation reruns with more bits.
enum VerificationSection {
    /// The largest error that counts as agreement: 10⁻⁶, stated in the handout.
    static let threshold = Rational(1, 1_000_000)

    static func build(_ d: Derivation) throws -> SectionOutput {
        let check = d.trace.finiteDifference
        let display = d.display
        let doubles = DoubleDisplay(d)
        let arithmetic = d.arithmetic
        var values: [String: MustacheValue] = [
            "lossPlus": .string(try doubles.tex(check.lossPlus)),
            "lossMinus": .string(try doubles.tex(check.lossMinus)),
            "estimate": .string(try doubles.tex(check.estimate, role: .error)),
            "analyticDigits": .string(try doubles.display.tex(check.analytic, role: .error)),
            "digits": .number(String(DoubleDisplay.significantDigits)),
            "analytic": .string(try display.tex(check.analytic, role: .error)),
            "analyticRelation": .string(try display.relation(check.analytic)),
            "threshold": .string(display.tex(display.number(threshold))),
            "parameterValue": .string(display.tex(display.number(d.focusParameterValue, role: .weight))),
            "epsilonSquared": .string(display.tex(display.number(d.spec.epsilon * d.spec.epsilon))),
            "hasKinks": .bool(d.network.activations.contains(.relu)),
        ]
        if let limitation = check.limitation {
            // FD is not a finite double: there is nothing to compare, and the section says what
            // double could not represent instead of blaming ε.
            values["limitation"] = .object(["text": .string(try DoubleLimitationText.sentence(limitation, check, parameter: d.focusSymbol, d))])
            values["hasErrors"] = false
        } else if let estimateValue = Rational(exactly: check.estimate), let symmetric = check.symmetricRelativeError {
            let estimate = Real.exact(estimateValue)
            let absoluteError = try magnitude(arithmetic.subtract(estimate, check.analytic), arithmetic)
            // |FD − BP| / |BP| when BP ≠ 0; for BP = 0 a relative error is undefined and the
            // absolute error is compared instead.
            let criterion = check.relativeError ?? absoluteError
            let passed = try isBelow(criterion, threshold)
            values["hasErrors"] = true
            values["absoluteError"] = try quantity(absoluteError, display)
            values["symmetricError"] = try quantity(symmetric, display)
            values["criterion"] = try quantity(criterion, display.distinguishing(criterion, .exact(threshold)))
            values["usesRelativeError"] = .bool(check.relativeError != nil)
            values["passed"] = .bool(passed)
            values["failed"] = .bool(!passed)
            if !passed, let text = try DoubleLimitationText.unresolvedChange(check, d) {
                // Not ε's fault: the change of the loss is below the spacing of doubles.
                values["failed"] = false
                values["limitation"] = .object(["text": .string(text)])
            }
        }
        if let relative = check.relativeError { values["relativeError"] = try quantity(relative, display.distinguishing(relative, .exact(threshold))) }
        values.merge(try KinkFacts(d).values) { _, new in new }
        // Round-off: each loss carries an error of a few units of u|L|; dividing their
        // difference by 2ε amplifies it to the order of u|L|/ε.
        let unitRoundoff = Rational(exactly: Double.ulpOfOne / 2)!
        values["unitRoundoff"] = try quantity(.exact(unitRoundoff), display)
        if let roundoff = arithmetic.divide(arithmetic.multiply(.exact(unitRoundoff), d.trace.loss), .exact(d.spec.epsilon)) {
            values["roundoff"] = try quantity(roundoff, display)
        }
        return SectionOutput(values: values)
    }

    /// A certified value as `{tex, relation}`: its displayed number and `=` or `\approx`.
    static func quantity(_ x: Real, _ display: Display) throws(PrecisionShortfall) -> MustacheValue {
        .object([
            "tex": .string(try display.tex(x)),
            "relation": .string(try display.relation(x)),
        ])
    }

    /// Whether `x` < `bound`, decided from the enclosure.
    static func isBelow(_ x: Real, _ bound: Rational) throws(PrecisionShortfall) -> Bool {
        if x.upperBound < bound { return true }
        if x.lowerBound >= bound { return false }
        throw PrecisionShortfall()
    }

    /// |x|, when its sign is certain.
    private static func magnitude(_ x: Real, _ arithmetic: RealArithmetic) throws(PrecisionShortfall) -> Real {
        guard let sign = x.knownSignum else { throw PrecisionShortfall() }
        return sign < 0 ? arithmetic.negate(x) : x
    }
}
