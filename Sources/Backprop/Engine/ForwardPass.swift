import ExactArithmetic

/// z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = f(z⁽ˡ⁾) for every layer, exact where the steps allow.
struct ForwardPass {
    let arithmetic: RealArithmetic

    /// The layer values for `input`; `layers[0]` is the input. A layer whose pre-activations are
    /// all exact in `exactLayers` (the same pass at another precision) takes them from there.
    func run(
        network: Network, weights: [[[Real]]], biases: [[Real]], input: [Real], exactLayers: [LayerValues]? = nil
    ) throws(EngineError) -> [LayerValues] {
        var layers = [LayerValues(z: nil, a: input, derivative: nil)]
        var previous = input
        for l in 1...network.outputLayer {
            let z: [Real]
            if let known = exactLayers?[l].z, known.allSatisfy(\.isExact) {
                z = known
            } else {
                let inputs = previous
                z = Array(zip(weights[l - 1], biases[l - 1])).concurrentMap(work: weights[l - 1].count * inputs.count) { row, bias in
                    arithmetic.add(arithmetic.dot(row, inputs), bias)
                }
            }
            let activation = network.activation(ofLayer: l)
            let a = try activation.apply(z, arithmetic, layer: l)
            layers.append(LayerValues(z: z, a: a, derivative: activation.derivative(z: z, a: a, arithmetic)))
            previous = a
        }
        return layers
    }
}
