import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// What the value of the target gradient says, computed from the trace: its sign, the output
/// against the target, the squashing layers the error crosses on its way down to the focus
/// layer, saturated derivatives on the way, why it is exactly zero when it is, and what a
/// ReLU kink at the focus parameter does to it.
struct GradientInterpretation {
    /// f′ below this counts as saturated.
    static let saturationThreshold = Rational(1) / Rational(10)

    let d: Derivation

    var values: MustacheValue {
        get throws {
            let gradient = d.trace.focusGradient
            let sign = gradient.knownSignum
            var values: [String: MustacheValue] = [
                "isNegative": .bool(sign == -1),
                "isPositive": .bool(sign == 1),
                "isZero": .bool(sign == 0),
                "magnitude": .string(try d.display.tex(sign == -1 ? d.arithmetic.negate(gradient) : gradient, role: .error)),
                "threshold": .string(d.display.tex(d.display.number(Self.saturationThreshold))),
            ]
            values.merge(try outputFacts()) { _, new in new }
            values.merge(try squashing()) { _, new in new }
            values.merge(try saturation()) { _, new in new }
            values.merge(try zeroCause()) { _, new in new }
            values.merge(try KinkFacts(d).values) { _, new in new }
            return .object(values)
        }
    }

    /// For a single output: the output, the target (with enough digits to show them apart)
    /// and which side of it the output lies.
    private func outputFacts() throws -> [String: MustacheValue] {
        let L = d.outputLayer
        guard d.network.layers[L] == 1 else { return [:] }
        let difference = d.trace.lossGradient[0].knownSignum
        let sign = d.trace.focusGradient.knownSignum
        let output = d.trace.layers[L].a[0]
        let target = Real.exact(d.spec.sample.target[0])
        let display = try d.display.distinguishing(output, target)
        return [
            "hasSingleOutput": true,
            "output": .string(try display.tex(output, role: .activation)),
            "outputRelation": .string(try display.relation(output)),
            "target": .string(try display.tex(target, role: .input)),
            "outputBelowTarget": .bool(difference == -1),
            // ∂L/∂a has the sign of a − y for both losses, so ∂a/∂θ = (∂L/∂θ)/(∂L/∂a) has this sign.
            "raisesOutput": .bool(sign.map { s in difference.map { $0 * s > 0 } ?? false } ?? false),
            "lowersOutput": .bool(sign.map { s in difference.map { $0 * s < 0 } ?? false } ?? false),
            "outputAboveTarget": .bool(difference == 1),
        ]
    }

    /// The sigmoid and tanh layers whose slopes multiply the error between the output and the
    /// focus layer (not the output's own when the loss cancels it), their activations with the
    /// bound of each slope, and the largest slope met on the way. Only for a focus below the
    /// output layer: there the error has a way to travel.
    private func squashing() throws -> [String: MustacheValue] {
        let focus = d.spec.focus
        let L = d.outputLayer
        guard focus.layer < L else { return [:] }
        let cancels = d.network.loss == .crossEntropy
        let layers = (focus.layer...L).filter { l in
            [.sigmoid, .tanh].contains(d.network.activation(ofLayer: l)) && !(l == L && cancels)
        }
        guard !layers.isEmpty else { return [:] }
        var kinds: [Activation] = []
        for l in layers where !kinds.contains(d.network.activation(ofLayer: l)) { kinds.append(d.network.activation(ofLayer: l)) }
        var largest: (value: Real, layer: Int, neuron: Int)?
        for l in layers {
            for j in l == focus.layer ? [focus.neuron] : Array(1...d.network.layers[l]) {
                guard let slope = d.derivativeValue(layer: l, j) else { continue }
                if let current = largest, !(slope.lowerBound > current.value.upperBound) { continue }
                largest = (slope, l, j)
            }
        }
        var values: [String: MustacheValue] = [
            "hasSquashing": true,
            "squashingCountWord": .string(Words.cardinal(layers.count)),
            "squashingKinds": .string(Words.list(kinds.map(\.displayName))),
            "squashingNoun": .string(Words.noun(layers.count, "layer")),
            "squashingLayers": .string(Words.noun(layers.count, "layer") + " " + Words.list(layers.map(d.layerNumber))),
            "squashingBounds": Words.separatedList(kinds.map(Self.slopeBound)),
        ]
        if let largest {
            let symbol = d.derivative(ofLayer: largest.layer, at: d.neuron(.preActivation, layer: largest.layer, largest.neuron))
            values["largestSlope"] = .string(d.display.tex(symbol) + " " + (try d.display.relation(largest.value)) + " "
                + (try d.display.tex(largest.value, role: .activation)))
            // Every slope below 1 shrinks the error (weights above 1 can make up for it).
            values["slopesBelowOne"] = .bool(largest.value.upperBound < 1)
        }
        return values
    }

    /// The bound of an activation's slope, as TeX: σ′ ≤ ¼, tanh′ ≤ 1.
    private static func slopeBound(_ activation: Activation) -> String {
        switch activation {
        case .sigmoid: "\\sigma'(t) \\le \\tfrac14"
        case .tanh: "\\tanh'(t) \\le 1"
        default: ""
        }
    }

    /// The derivatives f′(z) below the threshold on the way from the focus neuron to the output,
    /// each shown with enough digits to be seen below it.
    private func saturation() throws -> [String: MustacheValue] {
        let focus = d.spec.focus
        var saturated: [String] = []
        for l in focus.layer...d.outputLayer {
            let neurons = l == focus.layer ? [focus.neuron] : Array(1...d.network.layers[l])
            for j in neurons {
                guard let value = d.derivativeValue(layer: l, j), value.upperBound < Self.saturationThreshold,
                      value.exactValue?.isZero != true else { continue }
                let display = try d.display.distinguishing(value, .exact(Self.saturationThreshold))
                let symbol = d.derivative(ofLayer: l, at: d.neuron(.preActivation, layer: l, j))
                saturated.append(display.tex(symbol) + " " + (try display.relation(value)) + " " + (try display.tex(value, role: .activation)))
            }
        }
        return ["isSaturated": .bool(!saturated.isEmpty), "saturated": .string(saturated.joined(separator: ",\\ "))]
    }

    /// Why the gradient is exactly zero: a dead ReLU at the focus neuron, or a zero input to the
    /// focus weight.
    private func zeroCause() throws -> [String: MustacheValue] {
        let focus = d.spec.focus
        let derivative = d.derivativeValue(layer: focus.layer, focus.neuron)
        let dead = derivative?.exactValue?.isZero == true
        var values: [String: MustacheValue] = [
            "isDead": .bool(dead),
            "focusZ": .string(d.display.tex(d.neuron(.preActivation, layer: focus.layer, focus.neuron))),
        ]
        if let z = d.trace.layers[focus.layer].z?[focus.neuron - 1], dead {
            values["focusZValue"] = .string(try d.display.tex(z))
            values["focusZRelation"] = .string(try d.display.relation(z))
            values["focusAtKink"] = .bool(z.exactValue?.isZero == true)
        }
        if case .weight(let l, _, let k) = focus, !dead, d.trace.layers[l - 1].a[k - 1].exactValue?.isZero == true {
            values["hasZeroSource"] = true
        }
        return values
    }
}
