import Backprop
import Documents

/// Why backpropagation is cheap, counted for this network (`{{cost.…}}`): its parameter count
/// P, the 2P forward passes a centred finite difference of every parameter needs, and the
/// multiplications of the matrix products of one forward pass, of the backward pass and of
/// the finite-difference gradient.
enum CostSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let n = d.network.layers
        let layers = Array(1..<n.count)
        let parameters = layers.reduce(0) { $0 + n[$1] * (n[$1 - 1] + 1) }
        // One forward pass multiplies every weight by an activation once.
        let weights = layers.reduce(0) { $0 + n[$1] * n[$1 - 1] }
        // BP2 multiplies by the transposed weight matrix of every layer after the first.
        let propagation = weights - n[1] * n[0]
        let backward = propagation + weights
        // P = n₁(n₀ + 1) + n₂(n₁ + 1) + … as TeX, then the terms, then the total.
        let factors = layers.map { "\(n[$0]) \\cdot (\(n[$0 - 1]) + 1)" }.joined(separator: " + ")
        let terms = layers.map { String(n[$0] * (n[$0 - 1] + 1)) }.joined(separator: " + ")
        let count = layers.count == 1
            ? "P = \(factors) = \(parameters)"
            : "P = \(factors) = \(terms) = \(parameters)"
        return SectionOutput(values: [
            "parameters": .number(String(parameters)),
            "parameterCount": .string(count),
            "forwardPasses": .number(String(2 * parameters)),
            "weights": .number(String(weights)),
            "propagation": .number(String(propagation)),
            "hasPropagation": .bool(propagation > 0),
            "backward": .number(String(backward)),
            "backpropagation": .number(String(weights + backward)),
            "finiteDifferences": .number(String(2 * parameters * weights)),
            "layerSymbol": .string(d.notation.layerTeX(.symbol("l"))),
            "previousLayerSymbol": .string(d.notation.layerTeX(.symbol("l", offset: -1))),
        ])
    }
}
