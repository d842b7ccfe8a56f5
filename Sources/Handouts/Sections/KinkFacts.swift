import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The wording facts of a ReLU kink at the focus parameter (`{{…kink.…}}`, see
/// `KinkAnalysis`): which pre-activations are exactly 0, the one-sided slopes of the loss, their
/// mean (what a centred difference estimates) and how the backpropagated value relates to them.
/// Empty when the focus parameter reaches no kink.
struct KinkFacts {
    let d: Derivation

    init(_ d: Derivation) { self.d = d }

    var values: [String: MustacheValue] {
        get throws {
            let analysis = KinkAnalysis(d)
            guard analysis.hasKinks else { return [:] }
            let focus = d.spec.focus
            let bp = d.trace.focusGradient
            var kink: [String: MustacheValue] = [
                "neurons": Words.separatedList(analysis.kinks.map { d.display.tex(d.neuron(.preActivation, layer: $0.layer, $0.neuron)) }),
                "isSeveral": .bool(analysis.kinks.count > 1),
                "atFocus": .bool(analysis.kinks.contains(KinkAnalysis.Kink(layer: focus.layer, neuron: focus.neuron))),
                "parameterValue": .string(d.display.tex(d.display.number(d.focusParameterValue, role: .weight))),
                "slopesDiffer": .bool(analysis.slopesDiffer),
            ]
            if let right = analysis.rightSlope, let left = analysis.leftSlope {
                let arithmetic = d.arithmetic
                let mean = arithmetic.multiply(arithmetic.add(right, left), .exact(Rational(1, 2)))
                let display = try d.display.distinguishing(right, left)
                kink["hasSlopes"] = true
                kink["right"] = try quantity(right, display)
                kink["left"] = try quantity(left, display)
                kink["mean"] = try quantity(mean, try d.display.distinguishing(mean, bp))
                kink["bp"] = try quantity(bp, try d.display.distinguishing(mean, bp))
                kink["differentiable"] = .bool(KinkAnalysis.equal(right, left))
                kink["bpIsRight"] = .bool(KinkAnalysis.equal(bp, right))
                kink["bpIsLeft"] = .bool(KinkAnalysis.equal(bp, left))
                kink["bpIsNeither"] = .bool(KinkAnalysis.differ(bp, left) && KinkAnalysis.differ(bp, right))
                kink["bpMissesDerivative"] = .bool(KinkAnalysis.equal(right, left) && KinkAnalysis.differ(bp, right))
                kink["meanMissesBP"] = .bool(KinkAnalysis.differ(mean, bp))
            }
            // The kink matters to the reader when the loss has no derivative here, or has one the
            // convention ReLU′(0) = 0 misses.
            kink["breaksDerivative"] = .bool(analysis.slopesDiffer || kink["bpMissesDerivative"] == .bool(true))
            // What a centred difference converges to (the mean of the slopes) is not the
            // backpropagated value: no ε makes them agree.
            kink["misleadsCheck"] = .bool((analysis.slopesDiffer && kink["meanMissesBP"] == .bool(true))
                || kink["bpMissesDerivative"] == .bool(true))
            return ["kink": .object(kink)]
        }
    }

    /// `{tex, relation}` of a value under a display.
    private func quantity(_ x: Real, _ display: Display) throws -> MustacheValue {
        .object(["tex": .string(try display.tex(x)), "relation": .string(try display.relation(x))])
    }
}

extension Derivation {
    /// The focus parameter's value in the spec.
    var focusParameterValue: Rational {
        switch spec.focus {
        case .weight(let l, let j, let k): return network.weights[l - 1][j - 1][k - 1]
        case .bias(let l, let j): return network.biases[l - 1][j - 1]
        }
    }
}
