import ExactArithmetic

/// One sample's forward and backward pass at given parameters: BP1 at the output, BP2 down to
/// layer 1, BP3 and BP4 for every parameter.
struct Backpropagation {
    let arithmetic: RealArithmetic
    let network: Network

    /// Every value of the pass for `sample` with parameters `weights` and `biases`.
    func run(weights: [[[Real]]], biases: [[Real]], sample: Sample) throws(EngineError) -> SampleValues {
        let L = network.outputLayer
        let layers = try ForwardPass(arithmetic: arithmetic)
            .run(network: network, weights: weights, biases: biases, input: sample.input.map(Real.exact))
        let backward = try self.backward(weights: weights, layers: layers, sample: sample, downTo: 1)
        let deltas = backward.deltas
        let weightGradients = (1...L).map { l in
            let previous = layers[l - 1].a
            return deltas[l].concurrentMap(work: deltas[l].count * previous.count) { delta in
                previous.map { arithmetic.multiply(delta, $0) }
            }
        }
        return SampleValues(
            layers: layers, loss: backward.loss, lossGradient: backward.lossGradient, deltas: deltas,
            propagated: backward.propagated, weightGradients: weightGradients, biasGradients: (1...L).map { deltas[$0] }
        )
    }

    /// The loss, ∇ₐC, and BP1 at the output then BP2 down to layer `lowest` (1 for every δ;
    /// `deltas` and `propagated` are empty below it).
    private func backward(
        weights: [[[Real]]], layers: [LayerValues], sample: Sample, downTo lowest: Int
    ) throws(EngineError) -> (loss: Real, lossGradient: [Real], deltas: [[Real]], propagated: [[Real]]) {
        let L = network.outputLayer
        let target = sample.target.map(Real.exact)
        let output = layers[L].a
        let outputActivation = network.activation(ofLayer: L)
        let loss = try network.loss.value(output: output, preActivation: layers[L].z!, target: target, activation: outputActivation, arithmetic)
        let lossGradient = try network.loss.gradient(output: output, preActivation: layers[L].z!, target: target, activation: outputActivation, arithmetic)

        var deltas = Array(repeating: [Real](), count: L + 1)
        var propagated = Array(repeating: [Real](), count: L + 1)
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
        return (loss, lossGradient, deltas, propagated)
    }

    /// ∂C/∂(focus) alone at the spec's parameters, the mean over `samples`: each sample's
    /// forward pass (its exact pre-activations taken from `exactLayers`, the same sample's
    /// layers at another precision) and backward pass down to the focus layer only.
    func focusGradient(_ focus: Focus, samples: [Sample], exactLayers: [[LayerValues]]) throws(EngineError) -> Real {
        let weights = network.weights.map { $0.map { $0.map(Real.exact) } }
        let biases = network.biases.map { $0.map(Real.exact) }
        var total = Real(0)
        for (sample, known) in zip(samples, exactLayers) {
            let layers = try ForwardPass(arithmetic: arithmetic).run(
                network: network, weights: weights, biases: biases, input: sample.input.map(Real.exact), exactLayers: known)
            let deltas = try backward(weights: weights, layers: layers, sample: sample, downTo: focus.layer).deltas
            let gradient: Real
            switch focus {
            case .weight(let l, let j, let k): gradient = arithmetic.multiply(deltas[l][j - 1], layers[l - 1].a[k - 1])
            case .bias(let l, let j): gradient = deltas[l][j - 1]
            }
            total = arithmetic.add(total, gradient)
        }
        return mean(total, count: samples.count)
    }

    /// The loss of `sample` alone (a forward pass).
    func loss(weights: [[[Real]]], biases: [[Real]], sample: Sample) throws(EngineError) -> Real {
        let L = network.outputLayer
        let layers = try ForwardPass(arithmetic: arithmetic)
            .run(network: network, weights: weights, biases: biases, input: sample.input.map(Real.exact))
        return try network.loss.value(
            output: layers[L].a, preActivation: layers[L].z!, target: sample.target.map(Real.exact),
            activation: network.activation(ofLayer: L), arithmetic
        )
    }

    /// The mean loss (1/m) Σ C(xᵢ) over `samples`.
    func meanLoss(weights: [[[Real]]], biases: [[Real]], samples: [Sample]) throws(EngineError) -> Real {
        var total = Real(0)
        for sample in samples {
            total = arithmetic.add(total, try loss(weights: weights, biases: biases, sample: sample))
        }
        return mean(total, count: samples.count)
    }

    /// The mean gradients over the passes `passes`: (1/m) Σ ∂C(xᵢ)/∂W and ∂C(xᵢ)/∂b.
    func meanGradients(_ passes: [SampleValues]) -> (weights: [[[Real]]], biases: [[Real]]) {
        let first = passes[0]
        let weights = first.weightGradients.indices.map { l in
            first.weightGradients[l].indices.map { j in
                first.weightGradients[l][j].indices.map { k in
                    mean(arithmetic.sum(passes.map { $0.weightGradients[l][j][k] }), count: passes.count)
                }
            }
        }
        let biases = first.biasGradients.indices.map { l in
            first.biasGradients[l].indices.map { j in
                mean(arithmetic.sum(passes.map { $0.biasGradients[l][j] }), count: passes.count)
            }
        }
        return (weights, biases)
    }

    /// total / count, exactly.
    func mean(_ total: Real, count: Int) -> Real {
        count == 1 ? total : arithmetic.multiply(total, .exact(Rational(1, BigInt(count))))
    }

    /// θ − η g for every parameter.
    func step(
        weights: [[[Real]]], biases: [[Real]], gradients: (weights: [[[Real]]], biases: [[Real]]), learningRate: Rational
    ) -> (weights: [[[Real]]], biases: [[Real]]) {
        let eta = Real.exact(learningRate)
        let newWeights = zip(weights, gradients.weights).map { w, g in
            Array(zip(w, g)).concurrentMap(work: w.count * (w.first?.count ?? 0)) { wr, gr in
                zip(wr, gr).map { arithmetic.subtract($0, arithmetic.multiply(eta, $1)) }
            }
        }
        let newBiases = zip(biases, gradients.biases).map { b, g in
            zip(b, g).map { arithmetic.subtract($0, arithmetic.multiply(eta, $1)) }
        }
        return (newWeights, newBiases)
    }
}
