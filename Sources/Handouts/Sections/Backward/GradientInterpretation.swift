import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// What the value of the target gradient says, computed from the trace: its sign, the output
/// against the target, the squashing layers between the focus layer and the output, saturated
/// derivatives on the way, and why it is exactly zero when it is.
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
            values.merge(squashing()) { _, new in new }
            values.merge(try saturation()) { _, new in new }
            values.merge(try zeroCause()) { _, new in new }
            return .object(values)
        }
    }

    /// For a single output: the output, the target and which side of it the output lies.
    private func outputFacts() throws -> [String: MustacheValue] {
        let L = d.outputLayer
        guard d.network.layers[L] == 1 else { return [:] }
        let difference = d.trace.lossGradient[0].knownSignum
        let sign = d.trace.focusGradient.knownSignum
        return [
            "hasSingleOutput": true,
            "output": .string(try d.display.tex(d.trace.layers[L].a[0], role: .activation)),
            "target": .string(d.display.tex(d.display.number(d.spec.sample.target[0], role: .input))),
            "outputBelowTarget": .bool(difference == -1),
            // ∂L/∂a has the sign of a − y for both losses, so ∂a/∂θ = (∂L/∂θ)/(∂L/∂a) has this sign.
            "raisesOutput": .bool(sign.map { s in difference.map { $0 * s > 0 } ?? false } ?? false),
            "lowersOutput": .bool(sign.map { s in difference.map { $0 * s < 0 } ?? false } ?? false),
            "outputAboveTarget": .bool(difference == 1),
        ]
    }

    /// The sigmoid/tanh layers from the focus layer to the output, each a factor f′ ≤ 1/4 or 1.
    private func squashing() -> [String: MustacheValue] {
        let layers = (d.spec.focus.layer...d.outputLayer).filter {
            [.sigmoid, .tanh].contains(d.network.activation(ofLayer: $0))
        }
        let names = layers.map(d.layerNumber)
        let list = names.count <= 1 ? names.joined()
            : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return [
            "squashingCount": .number(String(layers.count)),
            "squashingCountWord": .string(Words.cardinal(layers.count)),
            "hasSquashing": .bool(!layers.isEmpty),
            "squashingPlural": .bool(layers.count > 1),
            "squashingLayers": .string(list),
        ]
    }

    /// The derivatives f′(z) below the threshold on the way from the focus neuron to the output.
    private func saturation() throws -> [String: MustacheValue] {
        let focus = d.spec.focus
        var saturated: [String] = []
        for l in focus.layer...d.outputLayer {
            let neurons = l == focus.layer ? [focus.neuron] : Array(1...d.network.layers[l])
            for j in neurons {
                guard let value = d.derivativeValue(layer: l, j), value.upperBound < Self.saturationThreshold,
                      value.exactValue?.isZero != true else { continue }
                let symbol = d.derivative(ofLayer: l, at: d.neuron(.preActivation, layer: l, j))
                saturated.append(d.display.tex(symbol) + " " + (try d.display.relation(value)) + " " + (try d.display.tex(value, role: .activation)))
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
        }
        if case .weight(let l, _, let k) = focus, !dead, d.trace.layers[l - 1].a[k - 1].exactValue?.isZero == true {
            values["hasZeroSource"] = true
        }
        return values
    }
}
