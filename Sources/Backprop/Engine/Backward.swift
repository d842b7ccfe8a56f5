import ExactArithmetic

/// The loss and the backward pass: BP1 at the output, then BP2 down to a given layer.
struct Backward {
    var loss: Real
    /// ∇ₐL at the output.
    var lossGradient: [Real]
    /// `deltas[l]` is δ⁽ˡ⁾ for the layers reached; empty below them and at 0.
    var deltas: [[Real]]
    /// `propagated[l]` is (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ for the layers reached below L; empty elsewhere.
    var propagated: [[Real]]

    /// Runs BP2 down to layer `lowest` (1 for every δ).
    init(network: Network, weights: [[[Real]]], layers: [LayerValues], target: [Real], downTo lowest: Int,
         _ arithmetic: RealArithmetic) throws(EngineError) {
        let L = network.outputLayer
        let output = layers[L].a
        let outputActivation = network.activation(ofLayer: L)
        loss = try network.loss.value(output: output, preActivation: layers[L].z!, target: target, activation: outputActivation, arithmetic)
        lossGradient = try network.loss.gradient(output: output, preActivation: layers[L].z!, target: target, activation: outputActivation, arithmetic)
        deltas = Array(repeating: [Real](), count: L + 1)
        propagated = Array(repeating: [Real](), count: L + 1)
        deltas[L] = network.loss.outputError(
            output: output, preActivation: layers[L].z!, target: target, activation: outputActivation,
            gradient: lossGradient, derivative: layers[L].derivative!, arithmetic
        )
        if L > lowest {
            for l in stride(from: L - 1, through: lowest, by: -1) {
                let w = weights[l]  // W⁽ˡ⁺¹⁾
                let back = (0..<network.layers[l]).map { k in
                    arithmetic.dot(w.map { $0[k] }, deltas[l + 1])
                }
                propagated[l] = back
                deltas[l] = layers[l].derivative!.pullBack(back, arithmetic)
            }
        }
    }
}
