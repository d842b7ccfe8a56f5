import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The target gradient: BP3 (weight) or BP4 (bias) with the values, boxed, and its
/// interpretation (`{{gradient.meaning.…}}`, see `GradientInterpretation`).
/// Block: `gradient.chain`.
enum GradientSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let steps = WorkedSteps(d)
        let focus = d.spec.focus
        let l = focus.layer
        let gradient = d.trace.focusGradient
        let delta = d.trace.deltas[l][focus.neuron - 1]
        let deltaSymbol = d.neuron(.error, layer: l, focus.neuron)
        let display = d.display
        var members: [MathExpression] = [d.focusDerivative]
        var values: [String: MustacheValue] = [:]
        switch focus {
        case .weight(_, let j, let k):
            let sourceRole: Role = l == 1 ? .input : .activation
            let source = d.trace.layers[l - 1].a[k - 1]
            members.append(.juxtapose(deltaSymbol, d.neuron(.activation, layer: l - 1, k, role: sourceRole)))
            members.append(.cdot(try display.number(delta, role: .error), try display.number(source, role: sourceRole)))
            values["theorem"] = .string(d.notation.theoremLabel(.weightGradient))
            values["source"] = .string(display.tex(d.neuron(.activation, layer: l - 1, k, role: sourceRole)))
            values["sourceValue"] = .string(try display.tex(source, role: sourceRole))
            values["sourceRelation"] = .string(try display.relation(source))
            values["j"] = .number(String(j))
            values["k"] = .number(String(k))
        case .bias:
            members.append(deltaSymbol)
            values["theorem"] = .string(d.notation.theoremLabel(.biasGradient))
        }
        members.append(try display.number(gradient, role: .error))
        let step = steps.gradient
        values.merge([
            "label": .string(step.label), "id": .string(step.id),
            "layer": .string(d.layerNumber(l)),
            "isFirstLayer": .bool(l == 1),
            "meaning": try GradientInterpretation(d: d).values,
        ]) { _, new in new }
        return SectionOutput(values: values, blocks: ["gradient.chain": display.chain(members, value: gradient, id: "eq:gradient", boxed: true)])
    }
}
