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
        let backpropagation = Backpropagation(arithmetic: arithmetic, network: network)

        let worked = try backpropagation.run(weights: weights, biases: biases, sample: spec.sample)
        var batch: BatchValues?
        if spec.isBatch {
            var passes = [worked]
            for sample in spec.samples.dropFirst() {
                passes.append(try backpropagation.run(weights: weights, biases: biases, sample: sample))
            }
            let means = backpropagation.meanGradients(passes)
            batch = BatchValues(
                samples: passes, loss: backpropagation.mean(arithmetic.sum(passes.map(\.loss)), count: passes.count),
                weightGradients: means.weights, biasGradients: means.biases
            )
        }
        let loss = batch?.loss ?? worked.loss
        let gradients = batch.map { ($0.weightGradients, $0.biasGradients) } ?? (worked.weightGradients, worked.biasGradients)

        let paths = PathEnumerator(arithmetic: arithmetic).summary(
            focus: spec.focus, network: network, weights: weights, layers: worked.layers, outputError: worked.deltas[L]
        )
        let analytic: Real
        switch spec.focus {
        case .weight(let l, let j, let k): analytic = gradients.0[l - 1][j - 1][k - 1]
        case .bias(let l, let j): analytic = gradients.1[l - 1][j - 1]
        }
        let finiteDifference = try FiniteDifference(arithmetic: arithmetic).check(spec, analytic: analytic) { () throws(EngineError) in
            // The same gradient (the batch mean for a batch) at twice the precision.
            try Backpropagation(arithmetic: RealArithmetic(precision: 2 * precision), network: network).focusGradient(
                spec.focus, samples: spec.samples, exactLayers: batch?.samples.map(\.layers) ?? [worked.layers])
        }

        // One SGD step, and the loss after it: on the gradient of the loss, or with `training`
        // on the mean gradient of its first step's samples, so it is that run's first step.
        let stepSamples = spec.training?.sampleIndices(ofStep: 0, count: spec.samples.count) ?? Array(spec.samples.indices)
        let stepGradients: (weights: [[[Real]]], biases: [[Real]])
        if stepSamples == Array(spec.samples.indices) {
            stepGradients = gradients
        } else {
            let passes = stepSamples.map { batch?.samples[$0] ?? worked }
            stepGradients = backpropagation.meanGradients(passes)
        }
        let stepped = backpropagation.step(weights: weights, biases: biases, gradients: stepGradients, learningRate: spec.learningRate)
        let newLayers = try ForwardPass(arithmetic: arithmetic)
            .run(network: network, weights: stepped.weights, biases: stepped.biases, input: spec.sample.input.map(Real.exact))
        var sampleLosses = [try network.loss.value(
            output: newLayers[L].a, preActivation: newLayers[L].z!, target: spec.sample.target.map(Real.exact),
            activation: network.activation(ofLayer: L), arithmetic
        )]
        for sample in spec.samples.dropFirst() {
            sampleLosses.append(try backpropagation.loss(weights: stepped.weights, biases: stepped.biases, sample: sample))
        }
        let newLoss = backpropagation.mean(arithmetic.sum(sampleLosses), count: sampleLosses.count)
        let update = SGDUpdate(
            learningRate: spec.learningRate, samples: stepSamples, weightGradients: stepGradients.weights,
            biasGradients: stepGradients.biases, weights: stepped.weights, biases: stepped.biases, layers: newLayers,
            sampleLosses: sampleLosses, loss: newLoss,
            // Unchanged parameters (η = 0, or a gradient of exact zeros) give the same loss by
            // the same operations: exactly no change, though the loss itself is an enclosure.
            change: stepped.weights == weights && stepped.biases == biases ? Real(0) : arithmetic.subtract(newLoss, loss)
        )
        let training = try spec.training.map { t throws(EngineError) in
            try train(t, spec: spec, initialLoss: loss, backpropagation)
        }

        return Trace(
            spec: spec, precision: precision, worked: worked, paths: paths, finiteDifference: finiteDifference, update: update,
            batch: batch, training: training
        )
    }

    /// Bits past which an exact parameter of a training run becomes an enclosure: exact
    /// steps would multiply the size of every value at each step.
    static let trainingExactBits = 256

    /// `training.steps` steps of mini-batch gradient descent from the spec's parameters.
    private func train(_ training: Training, spec: Spec, initialLoss: Real, _ backpropagation: Backpropagation) throws(EngineError) -> TrainingRun {
        let arithmetic = backpropagation.arithmetic
        var weights = spec.network.weights.map { $0.map { $0.map(Real.exact) } }
        var biases = spec.network.biases.map { $0.map(Real.exact) }
        var losses = [initialLoss]
        for step in 0..<training.steps {
            var passes: [SampleValues] = []
            for i in training.sampleIndices(ofStep: step, count: spec.samples.count) {
                passes.append(try backpropagation.run(weights: weights, biases: biases, sample: spec.samples[i]))
            }
            let stepped = backpropagation.step(
                weights: weights, biases: biases, gradients: backpropagation.meanGradients(passes), learningRate: spec.learningRate
            )
            weights = stepped.weights.map { $0.map { $0.map { arithmetic.bounded($0, bits: Self.trainingExactBits) } } }
            biases = stepped.biases.map { $0.map { arithmetic.bounded($0, bits: Self.trainingExactBits) } }
            losses.append(try backpropagation.meanLoss(weights: weights, biases: biases, samples: spec.samples))
        }
        return TrainingRun(training: training, losses: losses, weights: weights, biases: biases)
    }
}
