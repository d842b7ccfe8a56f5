import Backprop
import ExactArithmetic
import Typesetting

/// The plain statement of what IEEE double cannot represent in a finite-difference check — the
/// one decision the handout's verification section and the answer key's gradient-matrix check
/// share: either the estimate is not a finite double (which value, in which pass, and why,
/// from the `DoubleLimitation` the engine found, with the limits of double printed from
/// `Double` itself), or the change of the loss is below the spacing of doubles.
enum DoubleLimitationText {
    /// What double cannot represent in `check` of `parameter`, or `nil` when the check is an
    /// ordinary comparison.
    static func statement(_ check: FiniteDifferenceCheck, parameter: MathExpression, _ d: Derivation) throws(PrecisionShortfall) -> String? {
        if let limitation = check.limitation { return try sentence(limitation, check, parameter: parameter, d) }
        return try unresolvedChange(check, d)
    }

    /// The estimate is not a finite double: which value could not be represented, and why.
    static func sentence(_ limitation: DoubleLimitation, _ check: FiniteDifferenceCheck, parameter: MathExpression, _ d: Derivation) throws(PrecisionShortfall) -> String {
        let display = d.display
        let two = d.display(.significantDigits(2))
        let l = limitation.layer, i = limitation.neuron
        let sign = limitation.pass > 0 ? "+" : "-"
        let theta = display.tex(parameter)
        let a = display.tex(.a(d.layer(l), .number(i)))
        let z = display.tex(.z(d.layer(l), .number(i)))
        let lossTeX = d.notation.lossTeX
        func double(_ x: Double) throws(PrecisionShortfall) -> String { try DoubleDisplay(d).tex(x) }
        func shown(_ x: Double) -> String {
            guard let exact = Rational(exactly: x) else { return (try? double(x)) ?? "" }
            return (try? display.tex(.exact(exact))) ?? ""
        }
        let largest = two.tex(two.number(Rational(exactly: Double.greatestFiniteMagnitude)!))
        let smallest = two.tex(two.number(Rational(exactly: Double.leastNonzeroMagnitude)!))
        let argument = d.network.activations.last == .softmax && l == d.outputLayer
            ? "there $\(z) - \\max_{k} \(display.tex(.z(d.layer(l), .letter("k")))) \\approx \(shown(limitation.argument))$"
            : "its pre-activation there is $\(z) \\approx \(shown(limitation.argument))$"
        let pass = "In the pass with $\(theta) \(sign) \\varepsilon$"
        let what: String
        switch limitation.kind {
        case .logarithmOfZero:
            what = "\(pass) the output $\(a)$ is positive in truth but below the smallest positive double, $\(smallest)$, so it rounds to exactly $0$ (\(argument)), and the cross-entropy takes $\\ln 0 = -\\infty$."
        case .logarithmOfZeroComplement:
            what = "\(pass) the output $\(a)$ lies closer to $1$ than any double below $1$, so it rounds to exactly $1$ (\(argument)), and the cross-entropy takes $\\ln(1 - \(a)) = \\ln 0 = -\\infty$."
        case .zeroTimesLogarithmOfZero:
            what = "\(pass) the output $\(a)$ is positive in truth but below the smallest positive double, $\(smallest)$, so it rounds to exactly $0$ (\(argument)); the term $y \\ln \(a)$ with $y = 0$ then becomes $0 \\cdot (-\\infty)$, which IEEE arithmetic defines as NaN (not a number), although in truth the term is $0$."
        case .zeroTimesLogarithmOfZeroComplement:
            what = "\(pass) the output $\(a)$ lies closer to $1$ than any double below $1$, so it rounds to exactly $1$ (\(argument)); the term $(1 - y) \\ln(1 - \(a))$ with $y = 1$ then becomes $0 \\cdot (-\\infty)$, which IEEE arithmetic defines as NaN (not a number), although in truth the term is $0$."
        case .preActivationOverflow:
            what = "\(pass) the pre-activation $\(z)$ exceeds the largest finite double, $\(largest)$, and becomes $\(try double(limitation.argument))$."
        case .squaredErrorOverflow:
            what = "\(pass) the output is $\(a) \\approx \(shown(limitation.argument))$, and the square of its error exceeds the largest finite double, $\(largest)$."
        case .estimateOverflow:
            what = "Both losses are finite doubles, but their difference divided by $2\\varepsilon$ exceeds the largest finite double, $\(largest)$."
        }
        return what + " So $\(lossTeX)^{+} = \(try double(check.lossPlus))$, $\(lossTeX)^{-} = \(try double(check.lossMinus))$ and $\\mathrm{FD} = \(try double(check.estimate))$: IEEE double cannot represent this check. The backpropagated value is computed in certified arithmetic, not in double, and is not affected."
    }

    /// When L⁺ and L⁻ are the same double although the gradient is not 0, and the change
    /// 2ε·|BP| is certainly below the spacing of doubles at L⁺: the sentence that says so.
    static func unresolvedChange(_ check: FiniteDifferenceCheck, _ d: Derivation) throws(PrecisionShortfall) -> String? {
        guard check.lossPlus == check.lossMinus, check.lossPlus.isFinite, try d.sign(check.analytic) != 0 else { return nil }
        let arithmetic = d.arithmetic
        let change = try d.magnitude(arithmetic.multiply(check.analytic, .exact(d.spec.epsilon * Rational(2))))
        let spacing = Rational(exactly: check.lossPlus.ulp)!
        guard try VerificationSection.isBelow(change, spacing) else { return nil }
        let doubles = DoubleDisplay(d)
        let lossTeX = d.notation.lossTeX
        return "In double precision $\(lossTeX)^{+}$ and $\(lossTeX)^{-}$ are the same number, so $\\mathrm{FD} = 0$. "
            + "The true change of the loss, about $2\\varepsilon\\,\\lvert \\mathrm{BP} \\rvert \(try d.display.relation(change)) \(try d.display.tex(change))$, "
            + "is smaller than the spacing of doubles at $\(lossTeX)^{+}$, $\(try doubles.tex(check.lossPlus.ulp))$: IEEE double cannot represent it. "
            + "The backpropagated value is computed in certified arithmetic, not in double, and is not affected."
    }
}
