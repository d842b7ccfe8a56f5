import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The reference table of the summary: z, a, f′(z) and δ of every neuron, one row per neuron,
/// layer by layer. A summarised layer shows the neurons of its one decision
/// (`Derivation.shown`), an elision row for each run left out.
enum ReferenceSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        var rows: [MustacheValue] = []
        for l in 0...d.outputLayer {
            var first = true
            for entry in d.shown[l].entries {
                guard let i = entry else {
                    rows.append(.object(["isElision": true]))
                    continue
                }
                rows.append(.object(try row(layer: l, neuron: i, first: first, d)))
                first = false
            }
        }
        let elided = (0...d.outputLayer).filter { !d.shown[$0].isComplete }
        return SectionOutput(values: [
            "rows": .list(rows),
            "anySummarised": .bool(!elided.isEmpty),
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
