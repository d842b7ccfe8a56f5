import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The reference table of the summary: z, a, f′(z) and δ of every neuron, one row per neuron,
/// layer by layer. A layer wider than `maximumShownDimension` shows its first neurons, an
/// elision row and its last neuron.
enum ReferenceSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        var rows: [MustacheValue] = []
        for l in 0...d.outputLayer {
            let width = d.network.layers[l]
            let limit = d.options.maximumShownDimension
            let neurons = width > limit ? Array(0..<(limit - 1)) + [width - 1] : Array(0..<width)
            for (position, i) in neurons.enumerated() {
                if width > limit && position == neurons.count - 1 {
                    rows.append(.object(["isElision": true, "hidden": .number(String(width - limit))]))
                }
                rows.append(.object(try row(layer: l, neuron: i, first: position == 0, d)))
            }
        }
        return SectionOutput(values: [
            "rows": .list(rows),
            "anySummarised": .bool(d.network.layers.contains { $0 > d.options.maximumShownDimension }),
            "maximumShownDimension": .number(String(d.options.maximumShownDimension)),
        ])
    }

    /// The values of neuron `i` (0-based) of layer `l`; the layer is named on its first row.
    private static func row(layer l: Int, neuron i: Int, first: Bool, _ d: Derivation) throws(PrecisionShortfall) -> [String: MustacheValue] {
        let values = d.trace.layers[l]
        var row: [String: MustacheValue] = [
            "neuron": .number(String(i + 1)),
            "a": .string(try d.display.tex(values.a[i], role: l == 0 ? .input : .activation)),
        ]
        if first {
            row["layer"] = .object([
                "number": .string(d.layerNumber(l)),
                "isInput": .bool(l == 0),
                "isOutput": .bool(l == d.outputLayer),
            ])
        }
        if let z = values.z { row["z"] = .string(try d.display.tex(z[i])) }
        switch values.derivative {
        case .diagonal(let derivative)?: row["derivative"] = .string(try d.display.tex(derivative[i], role: .activation))
        case .jacobian?: row["isJacobian"] = true
        case nil: break
        }
        if l > 0 { row["delta"] = .string(try d.display.tex(d.trace.deltas[l][i], role: .error)) }
        return row
    }
}
