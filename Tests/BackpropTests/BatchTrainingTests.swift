import Backprop
import ExactArithmetic
import Foundation
import JSON
import Testing

/// Mini-batches and training runs against an independent forward-mode reference in double
/// (`ForwardModeReference`): per-sample values, batch means, and the losses of many steps.
@Suite struct BatchTrainingTests {
    /// |engine − reference| ≤ tolerance · max(1, |reference|).
    static func close(_ x: Real, _ reference: Double, tolerance: Double = 1e-10) -> Bool {
        abs(x.toDouble() - reference) <= tolerance * max(1, abs(reference))
    }

    static func spec(_ text: String) throws(SpecError) -> Spec { try SpecReader().read(text) }

    static let network = """
        "network": {"layers": [2, 3, 2], "activations": ["tanh", "sigmoid"], "loss": "mse",
          "weights": [[[0.1, -0.2], [0.4, 0.3], [-0.5, 0.25]], [[0.6, -0.1, 0.2], [0.3, 0.8, -0.7]]],
          "biases": [[0.05, -0.1, 0.2], [0.1, -0.3]]}
        """
    static let batchOfThree = """
        "batch": [
          {"input": [1, 0.5], "target": [1, 0]},
          {"input": [-0.3, 0.8], "target": [0, 1]},
          {"input": [0.2, -1], "target": [0.5, 0.5]}]
        """

    /// Every parameter as a reference index, with the engine's gradient of it.
    static func parameters(of network: Network) -> [ForwardModeReference.Parameter] {
        (1..<network.layers.count).flatMap { l in
            (0..<network.layers[l]).flatMap { j in
                [.bias(l - 1, j)] + (0..<network.layers[l - 1]).map { .weight(l - 1, j, $0) }
            }
        }
    }

    static func gradient(_ weights: [[[Real]]], _ biases: [[Real]], _ p: ForwardModeReference.Parameter) -> Real {
        switch p {
        case .weight(let l, let j, let k): weights[l][j][k]
        case .bias(let l, let j): biases[l][j]
        }
    }

    @Test func batchOfThreeMatchesPerSampleAndMeanReference() throws {
        let spec = try Self.spec("{\(Self.network), \(Self.batchOfThree), \"focus\": {\"weight\": [1, 2, 1]}}")
        #expect(spec.isBatch && spec.samples.count == 3)
        let trace = try Engine(precision: 192).trace(spec)
        let batch = try #require(trace.batch)
        let reference = ForwardModeReference(spec: spec)
        let weights = spec.network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        let biases = spec.network.biases.map { $0.map { $0.toDouble() } }
        var meanLoss = 0.0
        var meanGradient: [ForwardModeReference.Parameter: Double] = [:]
        for (i, sample) in spec.samples.enumerated() {
            let pass = batch.samples[i]
            let loss = reference.lossAndDerivative(nil, sample: sample, weights: weights, biases: biases).value
            #expect(Self.close(pass.loss, loss), "loss of sample \(i + 1)")
            meanLoss += loss / 3
            for p in Self.parameters(of: spec.network) {
                let d = reference.lossAndDerivative(p, sample: sample, weights: weights, biases: biases).derivative
                #expect(Self.close(Self.gradient(pass.weightGradients, pass.biasGradients, p), d), "\(p) of sample \(i + 1)")
                meanGradient[p, default: 0] += d / 3
            }
        }
        #expect(Self.close(batch.loss, meanLoss))
        for (p, d) in meanGradient {
            #expect(Self.close(Self.gradient(batch.weightGradients, batch.biasGradients, p), d), "mean \(p)")
        }
        // The worked sample is the first; the focus gradient of the loss is the mean.
        #expect(trace.loss == batch.samples[0].loss)
        #expect(Self.close(trace.meanFocusGradient, meanGradient[.weight(0, 1, 0)]!))
        // The finite difference checks the batch loss's gradient.
        #expect(trace.finiteDifference.relativeError.map { $0.toDouble() < 1e-6 } == true)
        #expect(Self.close(trace.update.loss, try Self.meanLossAfterOneStep(spec, reference)))
    }

    /// The mean loss after one SGD step on the mean gradient, all in double.
    static func meanLossAfterOneStep(_ spec: Spec, _ reference: ForwardModeReference) throws -> Double {
        var weights = spec.network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        var biases = spec.network.biases.map { $0.map { $0.toDouble() } }
        (weights, biases) = step(spec, reference, weights, biases, samples: spec.samples)
        return spec.samples.map { reference.lossAndDerivative(nil, sample: $0, weights: weights, biases: biases).value }
            .reduce(0, +) / Double(spec.samples.count)
    }

    /// θ − η · mean over `samples` of dC/dθ, every parameter, in double.
    static func step(
        _ spec: Spec, _ reference: ForwardModeReference, _ weights: [[[Double]]], _ biases: [[Double]], samples: [Sample]
    ) -> ([[[Double]]], [[Double]]) {
        let eta = spec.learningRate.toDouble()
        var newWeights = weights
        var newBiases = biases
        for p in parameters(of: spec.network) {
            let g = samples.map { reference.lossAndDerivative(p, sample: $0, weights: weights, biases: biases).derivative }
                .reduce(0, +) / Double(samples.count)
            switch p {
            case .weight(let l, let j, let k): newWeights[l][j][k] -= eta * g
            case .bias(let l, let j): newBiases[l][j] -= eta * g
            }
        }
        return (newWeights, newBiases)
    }

    @Test func twentyFiveStepsOfMiniBatchSGDMatchTheReference() throws {
        let spec = try Self.spec("""
            {\(Self.network), \(Self.batchOfThree), "learningRate": 0.8,
             "training": {"steps": 25, "batchSize": 2}}
            """)
        let run = try #require(try Engine(precision: 192).trace(spec).training)
        #expect(run.losses.count == 26)
        let reference = ForwardModeReference(spec: spec)
        var weights = spec.network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        var biases = spec.network.biases.map { $0.map { $0.toDouble() } }
        func meanLoss() -> Double {
            spec.samples.map { reference.lossAndDerivative(nil, sample: $0, weights: weights, biases: biases).value }
                .reduce(0, +) / 3
        }
        #expect(Self.close(run.losses[0], meanLoss()))
        // Batches of 2 cycle through 3 samples: (1, 2), (3, 1), (2, 3), …
        for step in 0..<25 {
            let batch = [0, 1].map { spec.samples[(step * 2 + $0) % 3] }
            (weights, biases) = Self.step(spec, reference, weights, biases, samples: batch)
            #expect(Self.close(run.losses[step + 1], meanLoss(), tolerance: 1e-9), "loss after step \(step + 1)")
        }
        #expect(Self.close(run.weights[1][0][2], weights[1][0][2], tolerance: 1e-9))
        #expect(run.epoch(ofStep: 0, sampleCount: 3) == 0 && run.epoch(ofStep: 1, sampleCount: 3) == 0)
        #expect(run.epoch(ofStep: 2, sampleCount: 3) == 1 && run.epoch(ofStep: 24, sampleCount: 3) == 16)
    }

    @Test func seed002UpdateGivesTheReferenceOutputWeights() throws {
        let text = try String(contentsOfFile: "Examples/seed-002.json", encoding: .utf8)
        let trace = try Engine(precision: 128).trace(try SpecReader().read(text))
        let format = DecimalFormat(.significantDigits(4))
        #expect(trace.update.weights[1][0].map { $0.formatted(format)?.text } == ["0.7118", "0.8117"])
    }

    @Test func exactNetworksTrainManyStepsWithoutGrowingWithoutBound() throws {
        // A linear network keeps every value exact; 200 exact steps would need numbers of
        // astronomically many digits. Past `Engine.trainingExactBits` they become enclosures.
        let spec = try Self.spec("""
            {"network": {"layers": [2, 2, 1], "activation": "linear", "loss": "mse",
              "weights": [[[0.3, -0.2], [0.1, 0.4]], [[0.5, -0.6]]], "biases": [[0.1, 0], [0.2]]},
             "batch": [{"input": [1, 2], "target": 1}, {"input": [-1, 0.5], "target": -0.5}],
             "learningRate": 0.05, "training": {"steps": 200, "batchSize": 1}}
            """)
        let run = try #require(try Engine(precision: 192).trace(spec).training)
        #expect(run.losses[0].isExact && run.losses[1].isExact)
        #expect(run.losses[200].toDouble() < run.losses[0].toDouble())
        #expect(run.losses.allSatisfy { $0.upperBound - $0.lowerBound < Rational(1, BigInt(10).power(30)) })
    }

    @Test func traceWritesSamplesMeansAndLosses() throws {
        let spec = try Self.spec("{\(Self.network), \(Self.batchOfThree), \"training\": {\"steps\": 3}}")
        let trace = try Engine(precision: 192).trace(spec)
        let json = try #require(TraceEncoder(digits: 12).encode(trace))
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        let keys = members.map(\.key)
        #expect(!keys.contains("layers") && !keys.contains("lossGradient"))
        #expect(keys.contains("samples") && keys.contains("training"))
        let text = JSONWriter().write(json)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect((parsed["samples"] as! [Any]).count == 3)
        let training = parsed["training"] as! [String: Any]
        #expect((training["losses"] as! [Any]).count == 4)
        #expect(training["batchSize"] as? Int == 3)
    }

    @Test func batchAndTrainingRoundTripThroughTheEncoder() throws {
        let spec = try Self.spec("{\(Self.network), \(Self.batchOfThree), \"training\": {\"steps\": 7, \"batchSize\": 2}}")
        let again = try SpecReader().read(SpecEncoder().encode(spec))
        #expect(again == spec)
        let single = try Self.spec("{\(Self.network), \"sample\": {\"input\": [1, 2], \"target\": [0, 1]}}")
        #expect(try SpecReader().read(SpecEncoder().encode(single)) == single)
        #expect(!single.isBatch)
    }

    @Test(arguments: [
        (#""sample": {"input": [1, 2], "target": [0, 1]}, "batch": [{"input": [1, 2], "target": [0, 1]}]"#,
         "batch: conflicts with \"sample\"; give one sample or a batch, not both"),
        (#""batch": []"#, "batch: expected at least 1 sample, got an empty batch"),
        (#""batch": [{"input": [1, 2], "target": [0, 1]}, {"input": [1], "target": [0, 1]}]"#,
         "batch[1].input: expected 2 entries (the input layer has 2 neurons), got 1"),
        (#""batch": [{"input": [1, 2], "target": [0, 1]}], "training": {"steps": 0}"#,
         "training.steps: expected 1 to 1000 steps, got 0"),
        (#""batch": [{"input": [1, 2], "target": [0, 1]}], "training": {"steps": 2, "batchSize": 2}"#,
         "training.batchSize: expected a batch size from 1 to 1 (the data has 1 sample), got 2"),
        (#""sample": {"input": [1, 2], "target": [0, 1]}, "training": {"steps": 2, "size": 2}"#,
         "training.size: unknown key \"size\"; expected one of \"steps\", \"batchSize\""),
    ])
    func malformedBatchesAndTrainingNameTheField(body: String, message: String) {
        do throws(SpecError) {
            _ = try Self.spec("{\(Self.network), \(body)}")
            Issue.record("accepted: \(body)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func trainingWorkIsBoundedBeforeAnyStep() {
        let samples = (0..<1000).map { _ in #"{"input": [1, 2], "target": [0, 1]}"# }.joined(separator: ",")
        do throws(SpecError) {
            _ = try Self.spec("{\(Self.network), \"batch\": [\(samples)], \"training\": {\"steps\": 1000}}")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("training.steps: 1000 steps × (batch size 1000 + 1000 samples) × 17 parameters"))
        }
    }
}
