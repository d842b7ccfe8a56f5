import Backprop
import Documents

/// The forward pass, one step per layer (`{{forward.layers}}`, see `ForwardLayer` for the
/// values and blocks of each), followed in the template by the loss and the activation
/// derivatives.
enum ForwardSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let steps = WorkedSteps(d)
        var output = SectionOutput()
        var layers: [MustacheValue] = []
        for l in 1...d.outputLayer {
            layers.append(try ForwardLayer(l: l, d: d, steps: steps).build(into: &output))
        }
        output.values["layers"] = .list(layers)
        output.values["input"] = .string(d.display.tex(.x(role: .input)))
        return output
    }
}
