import Backprop
import Documents
import Typesetting

/// Every bias gradient of every layer by BP4: ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾.
/// Generated blocks: `P.layerL` for each layer (P is the exercise's prefix).
enum BiasGradientsExercise {
    static func build(_ d: Derivation, number: Int, prefix: String) throws -> ExerciseOutput {
        var out = ExerciseOutput()
        let L = d.outputLayer
        out.statement["layers"] = .string((1...L).map(d.layerNumber).joined(separator: ", "))
        out.statement["layerCount"] = .number(String(L))
        out.statement["singleLayer"] = .bool(L == 1)
        var layers: [MustacheValue] = []
        for l in 1...L {
            let name = "\(prefix).layer\(l)"
            let column = try d.display.column(d.trace.deltas[l], role: .error)
            out.solutionBlocks[name] = d.display.chain([
                .lossGradient(withRespectTo: .b(d.layer(l))), .delta(d.layer(l)), column,
            ], column: d.trace.deltas[l])
            layers.append(.object(["block": .string(name), "layer": .string(d.layerNumber(l))]))
            for (j, delta) in d.trace.deltas[l].enumerated() {
                out.answers.append(try d.answer(number, "dL/db\(d.layerNumber(l))_\(j + 1)",
                                                d.plainDerivative(d.plain("b", layer: l, [j + 1])), delta))
            }
        }
        out.solution["layers"] = .list(layers)
        return out
    }
}
