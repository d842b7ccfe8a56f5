import Backprop
import ExactArithmetic

/// The ReLU kinks the focus parameter moves, and what they do to the loss.
///
/// A kink is a ReLU neuron whose pre-activation is exactly 0 (known exactly: a ReLU's sign is
/// always decided) in the focus neuron or a later layer. ReLU has no derivative at 0 — its slope
/// is 1 to the right and 0 to the left — so the loss as a function of the focus parameter θ may
/// have two one-sided slopes there. They are computed exactly (or certified) by forward-mode
/// differentiation along θ + t and θ − t, t ↓ 0: each smooth activation multiplies by f′(z), a
/// ReLU at 0 passes max(0, ż), which is the one-sided derivative of max(0, z).
struct KinkAnalysis {
    /// A ReLU neuron with z = 0 exactly: 1-based neuron in layer `layer` (as in the spec).
    struct Kink: Equatable {
        let layer: Int
        let neuron: Int
    }

    /// The kinks the focus parameter reaches, in layer order.
    let kinks: [Kink]
    /// lim (L(θ + t) − L(θ)) / t as t ↓ 0; nil without kinks or when a sign is undecided.
    let rightSlope: Real?
    /// lim (L(θ) − L(θ − t)) / t as t ↓ 0; nil likewise.
    let leftSlope: Real?

    init(_ d: Derivation) {
        let focus = d.spec.focus
        var kinks: [Kink] = []
        for l in focus.layer...d.outputLayer where d.network.activation(ofLayer: l) == .relu {
            let neurons = l == focus.layer ? [focus.neuron] : Array(1...d.network.layers[l])
            for j in neurons where d.trace.layers[l].z?[j - 1].exactValue?.isZero == true {
                kinks.append(Kink(layer: l, neuron: j))
            }
        }
        self.kinks = kinks
        guard !kinks.isEmpty else {
            rightSlope = nil
            leftSlope = nil
            return
        }
        rightSlope = Self.directionalDerivative(d, direction: 1)
        leftSlope = Self.directionalDerivative(d, direction: -1).map(d.arithmetic.negate)
    }

    var hasKinks: Bool { !kinks.isEmpty }

    /// Whether the two one-sided slopes are known to differ: the loss has no derivative here.
    var slopesDiffer: Bool {
        guard let right = rightSlope, let left = leftSlope else { return false }
        return Self.differ(right, left)
    }

    /// Whether `a` and `b` are known to be different numbers.
    static func differ(_ a: Real, _ b: Real) -> Bool {
        if let x = a.exactValue, let y = b.exactValue { return x != y }
        return a.upperBound < b.lowerBound || b.upperBound < a.lowerBound
    }

    /// Whether `a` and `b` are known to be the same number.
    static func equal(_ a: Real, _ b: Real) -> Bool {
        if let x = a.exactValue, let y = b.exactValue { return x == y }
        return false
    }

    /// The derivative of the loss along θ + direction · t at t = 0⁺, or nil when the sign of a
    /// kink's ż is undecided.
    private static func directionalDerivative(_ d: Derivation, direction: Int) -> Real? {
        let arithmetic = d.arithmetic
        let focus = d.spec.focus
        let l0 = focus.layer
        let L = d.outputLayer
        var zDot = [Real](repeating: Real(0), count: d.network.layers[l0])
        switch focus {
        case .weight(let l, let j, let k): zDot[j - 1] = arithmetic.multiply(Real(direction), d.trace.layers[l - 1].a[k - 1])
        case .bias(_, let j): zDot[j - 1] = Real(direction)
        }
        for m in l0...L {
            let activation = d.network.activation(ofLayer: m)
            if m == L && activation != .relu {
                // L is smooth in z⁽ᴸ⁾ and δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾.
                return arithmetic.dot(d.trace.deltas[L], zDot)
            }
            var aDot: [Real] = []
            switch d.trace.layers[m].derivative {
            case .diagonal(let slopes)?:
                for (i, slope) in slopes.enumerated() {
                    if activation == .relu, d.trace.layers[m].z?[i].exactValue?.isZero == true {
                        guard let sign = zDot[i].knownSignum else { return nil }
                        aDot.append(sign > 0 ? zDot[i] : Real(0))
                    } else {
                        aDot.append(arithmetic.multiply(slope, zDot[i]))
                    }
                }
            case .jacobian(let jacobian)?:
                aDot = jacobian.map { arithmetic.dot($0, zDot) }
            case nil:
                return nil
            }
            if m == L { return arithmetic.dot(d.trace.lossGradient, aDot) }
            zDot = d.network.weights[m].map { row in arithmetic.dot(row.map(Real.exact), aDot) }
        }
        return nil
    }
}
