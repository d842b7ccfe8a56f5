import Backprop
import Documents

/// The backward pass: BP1 at the output (`{{backward.output}}`, see `OutputErrorStep`), then
/// BP2 for every hidden layer down to the focus layer (`{{backward.hidden}}`, output side first,
/// see `HiddenErrorStep`). The target gradient follows in `GradientSection`.
enum BackwardSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let steps = WorkedSteps(d)
        var output = SectionOutput()
        output.values["output"] = try OutputErrorStep(d: d, steps: steps).build(into: &output)
        var hidden: [MustacheValue] = []
        for l in steps.backwardOrder where l < d.outputLayer {
            hidden.append(try HiddenErrorStep(l: l, d: d, steps: steps).build(into: &output))
        }
        output.values["hidden"] = .list(hidden)
        output.values["propagationTheorem"] = .string(d.notation.theoremLabel(.errorPropagation))
        output.values["hasHidden"] = .bool(!hidden.isEmpty)
        output.values["focusNumber"] = .string(d.layerNumber(d.spec.focus.layer))
        return output
    }
}
