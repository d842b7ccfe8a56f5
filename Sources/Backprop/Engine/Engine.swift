import ExactArithmetic

/// Computes the `Trace` of a spec at one working precision.
///
/// Exact inputs give exact results through every affine step; transcendental steps give
/// enclosures whose width shrinks as `precision` grows. Use `Engine.refine(_:_:)` to
/// refine until what is displayed is certain.
public struct Engine: Sendable {
    /// Bits of the enclosure endpoints.
    public let precision: Int

    public init(precision: Int) {
        self.precision = precision
    }

    /// The precisions tried, in order, by `refine(_:_:)`.
    public static let precisionLadder = [128, 256, 512, 1024, 2048, 4096]

    /// Computes the trace at increasing precision until `use` succeeds with it (typically:
    /// every number to be displayed formats to correctly rounded digits), and returns what
    /// `use` made of it. `nil` from `use` asks for more precision; an error from `use` ends the
    /// search at once; past the highest precision it fails with an `EngineError`.
    public static func refine<T>(_ spec: Spec, _ use: (Trace) throws -> T?) throws -> T {
        var lastError = EngineError.undecidable("every value to the digits shown")
        for bits in precisionLadder {
            let trace: Trace
            do {
                trace = try Engine(precision: bits).trace(spec)
            } catch {
                lastError = error
                continue
            }
            if let result = try use(trace) { return result }
        }
        throw lastError
    }

    /// Computes every intermediate at this precision.
    public func trace(_ spec: Spec) throws(EngineError) -> Trace {
        let arithmetic = RealArithmetic(precision: precision)
        let network = spec.network
        let L = network.outputLayer
        let weights = network.weights.map { $0.map { $0.map(Real.exact) } }
        let biases = network.biases.map { $0.map(Real.exact) }
        let input = spec.sample.input.map(Real.exact)
        let target = spec.sample.target.map(Real.exact)
        let forward = ForwardPass(arithmetic: arithmetic)

        let layers = try forward.run(network: network, weights: weights, biases: biases, input: input)
        let backward = try Backward(network: network, weights: weights, layers: layers, target: target, downTo: 1, arithmetic)
        let deltas = backward.deltas

        // BP3 and BP4.
        let weightGradients = (1...L).map { l in
            let previous = layers[l - 1].a
            return deltas[l].concurrentMap(work: deltas[l].count * previous.count) { delta in
                previous.map { arithmetic.multiply(delta, $0) }
            }
        }
        let biasGradients = (1...L).map { deltas[$0] }

        let paths = PathEnumerator(arithmetic: arithmetic).summary(
            focus: spec.focus, network: network, weights: weights, layers: layers, outputError: deltas[L]
        )
        let analytic: Real
        switch spec.focus {
        case .weight(let l, let j, let k): analytic = weightGradients[l - 1][j - 1][k - 1]
        case .bias(let l, let j): analytic = biasGradients[l - 1][j - 1]
        }
        let finiteDifference = try FiniteDifference(arithmetic: arithmetic).check(spec, analytic: analytic) { () throws(EngineError) in
            try Engine(precision: 2 * precision).focusGradient(spec, exactLayers: layers)
        }

        // One SGD step and the loss after it.
        let eta = Real.exact(spec.learningRate)
        let newWeights = zip(weights, weightGradients).map { w, g in
            Array(zip(w, g)).concurrentMap(work: w.count * (w.first?.count ?? 0)) { wr, gr in
                zip(wr, gr).map { arithmetic.subtract($0, arithmetic.multiply(eta, $1)) }
            }
        }
        let newBiases = zip(biases, biasGradients).map { b, g in
            zip(b, g).map { arithmetic.subtract($0, arithmetic.multiply(eta, $1)) }
        }
        let newLayers = try forward.run(network: network, weights: newWeights, biases: newBiases, input: input)
        let outputActivation = network.activation(ofLayer: L)
        let newLoss = try network.loss.value(output: newLayers[L].a, preActivation: newLayers[L].z!, target: target, activation: outputActivation, arithmetic)
        let update = SGDUpdate(
            learningRate: spec.learningRate, weights: newWeights, biases: newBiases, layers: newLayers,
            loss: newLoss, change: arithmetic.subtract(newLoss, backward.loss)
        )

        return Trace(
            spec: spec, precision: precision, layers: layers, loss: backward.loss, lossGradient: backward.lossGradient,
            deltas: deltas, propagated: backward.propagated, weightGradients: weightGradients,
            biasGradients: biasGradients, paths: paths, finiteDifference: finiteDifference, update: update
        )
    }

    /// ∂L/∂(focus parameter) alone: the forward pass, reusing the exact pre-activations of
    /// `exactLayers` (a trace of the same spec at another precision), and the backward pass down
    /// to the focus layer. For the finite-difference check, whose |FD − BP| cancels the leading
    /// bits of BP.
    func focusGradient(_ spec: Spec, exactLayers: [LayerValues]) throws(EngineError) -> Real {
        let arithmetic = RealArithmetic(precision: precision)
        let network = spec.network
        let weights = network.weights.map { $0.map { $0.map(Real.exact) } }
        let layers = try ForwardPass(arithmetic: arithmetic).run(
            network: network, weights: weights, biases: network.biases.map { $0.map(Real.exact) },
            input: spec.sample.input.map(Real.exact), exactLayers: exactLayers)
        let backward = try Backward(network: network, weights: weights, layers: layers, target: spec.sample.target.map(Real.exact),
                                    downTo: spec.focus.layer, arithmetic)
        switch spec.focus {
        case .weight(let l, let j, let k): return arithmetic.multiply(backward.deltas[l][j - 1], layers[l - 1].a[k - 1])
        case .bias(let l, let j): return backward.deltas[l][j - 1]
        }
    }
}
