import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The data an exercise sheet gives: every layer's parameters, the sample, η and ε — exact
/// spec values only, nothing computed from them.
/// Generated blocks: `given.layerL` for each layer, `given.sample`.
enum GivenData {
    /// Widest weight matrix set on one line with its bias vector.
    static let columnsBesideBiases = 6

    static func build(_ d: Derivation) -> (values: [String: MustacheValue], blocks: [String: Block]) {
        let display = d.display
        var blocks: [String: Block] = [:]
        var layers: [MustacheValue] = []
        for l in 1...d.outputLayer {
            let name = "given.layer\(l)"
            // Given in full (the exercises need every entry); a wide matrix leaves no room for
            // the biases beside it, so they go on the next line.
            let weights = display.tex(.w(d.layer(l))) + " = " + display.tex(display.matrix(d.network.weights[l - 1], role: .weight))
            let biases = display.tex(.b(d.layer(l))) + " = "
                + display.tex(.column(d.network.biases[l - 1].map { display.number($0, role: .weight) }))
            let tex = (d.network.weights[l - 1].first?.count ?? 0) > Self.columnsBesideBiases
                ? "\\begin{gathered} " + weights + ", \\\\ " + biases + " \\end{gathered}"
                : weights + ", \\qquad " + biases
            blocks[name] = .displayMath(Math(tex), id: nil, numbered: false)
            layers.append(.object(["block": .string(name), "layer": .string(d.layerNumber(l))]))
        }
        let sample = d.spec.sample
        // The target is an input quantity: orange, as in the handout.
        let target: MathExpression = sample.target.count == 1
            ? display.number(sample.target[0], role: .input)
            : .column(sample.target.map { display.number($0, role: .input) })
        let y: MathExpression = sample.target.count == 1 ? .y(role: .input) : .y(shape: .vector, role: .input)
        blocks["given.sample"] = .displayMath(Math(
            display.tex(.x()) + " = " + display.tex(.column(sample.input.map { display.number($0, role: .input) }))
                + ", \\qquad " + display.tex(y) + " = " + display.tex(target)
        ), id: nil, numbered: false)
        return ([
            "layers": .list(layers),
            "sampleBlock": "given.sample",
        ], blocks)
    }
}
