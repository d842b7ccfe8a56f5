import Backprop
import ExactArithmetic
import Typesetting

/// The verification section's plain statement of what IEEE double could not represent when the
/// finite difference is not a finite double: which value, in which pass, and why — computed
/// from the `DoubleLimitation` the engine found, with the limits of double printed from
/// `Double` itself.
enum DoubleLimitationText {
    static func sentence(_ limitation: DoubleLimitation, _ d: Derivation) throws(PrecisionShortfall) -> String {
        let display = d.display
        let two = d.display(.significantDigits(2))
        let l = limitation.layer, i = limitation.neuron
        let sign = limitation.pass > 0 ? "+" : "-"
        let theta = display.tex(d.focusSymbol)
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
            ? "there $\(z) - \\max_{k} z^{(\(d.layerNumber(l)))}_{k} \\approx \(shown(limitation.argument))$"
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
        let check = d.trace.finiteDifference
        return what + " So $\(lossTeX)^{+} = \(try double(check.lossPlus))$, $\(lossTeX)^{-} = \(try double(check.lossMinus))$ and $\\mathrm{FD} = \(try double(check.estimate))$: IEEE double cannot represent this check. The backpropagated value is computed in certified arithmetic, not in double, and is not affected."
    }
}
