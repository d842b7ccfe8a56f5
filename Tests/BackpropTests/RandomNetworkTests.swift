import TestSupport
import Backprop
import ExactArithmetic
import Testing

/// The engine on random networks of every shape, activation and loss, against an independent
/// forward-mode differentiation in double and against finite differences.
@Suite struct RandomNetworkTests {
    static let seeds: [UInt64] = Array(1...60)

    /// |engine − reference| ≤ tolerance · max(1, |reference|).
    static func close(_ x: Real, _ reference: Double, tolerance: Double = 1e-9) -> Bool {
        abs(x.toDouble() - reference) <= tolerance * max(1, abs(reference))
    }

    @Test(arguments: seeds)
    func everyGradientAgreesWithForwardMode(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        let trace = try Engine(precision: 160).trace(spec)
        // A ReLU exactly at its kink (z = 0) has no derivative: the engine takes ReLU′(0) = 0 by
        // convention, while double arithmetic lands z on either side. The gradients through it
        // are a convention, not comparable; the loss still is.
        let atKink = trace.layers.indices.dropFirst().contains { l in
            spec.network.activation(ofLayer: l) == .relu && trace.layers[l].z!.contains { $0.exactValue?.isZero == true }
        }
        let reference = ForwardModeReference(spec: spec)
        guard !atKink else {
            #expect(Self.close(trace.loss, reference.lossAndDerivative(nil).value), "loss, seed \(seed)")
            return
        }
        #expect(Self.close(trace.loss, reference.lossAndDerivative(nil).value), "loss, seed \(seed)")
        let network = spec.network
        for l in 1..<network.layers.count {
            for j in 0..<network.layers[l] {
                let db = reference.lossAndDerivative(.bias(l - 1, j)).derivative
                #expect(Self.close(trace.biasGradients[l - 1][j], db), "∂L/∂b(\(l))\(j + 1), seed \(seed)")
                for k in 0..<network.layers[l - 1] {
                    let dw = reference.lossAndDerivative(.weight(l - 1, j, k)).derivative
                    #expect(Self.close(trace.weightGradients[l - 1][j][k], dw), "∂L/∂w(\(l))\(j + 1),\(k + 1), seed \(seed)")
                }
            }
        }
    }

    @Test(arguments: seeds)
    func pathProductsSumToTheGradient(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        let trace = try Engine(precision: 160).trace(spec)
        guard trace.paths.listed.count == trace.paths.count else { return }
        let sum = trace.paths.listed.map { $0.product.toDouble() }.reduce(0, +)
        #expect(abs(sum - trace.focusGradient.toDouble()) <= 1e-12 * max(1, abs(sum)), "seed \(seed)")
        #expect(trace.paths.count == spec.network.layers[(spec.focus.layer + 1)...].reduce(1, *))
    }

    @Test(arguments: seeds)
    func finiteDifferenceAgreesWithBackpropagation(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        let trace = try Engine(precision: 160).trace(spec)
        // A ReLU pre-activation near 0 puts a kink inside [θ − ε, θ + ε]: no agreement is owed there.
        let nearKink = trace.layers.indices.dropFirst().contains { l in
            spec.network.activation(ofLayer: l) == .relu && trace.layers[l].z!.contains { abs($0.toDouble()) < 1e-3 }
        }
        guard !nearKink else { return }
        let fd = trace.finiteDifference
        #expect(abs(fd.estimate - fd.analytic.toDouble()) <= 1e-6 * max(1, abs(fd.analytic.toDouble())), "seed \(seed)")
        #expect(fd.limitation == nil, "seed \(seed)")
        #expect((fd.symmetricRelativeError?.toDouble() ?? 1) < 1e-4 || abs(fd.analytic.toDouble()) < 1e-8, "seed \(seed)")
    }

    @Test(arguments: seeds)
    func piecewiseLinearNetworksAreExactEverywhere(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed, activations: [.relu, .linear], loss: .mse)
        let trace = try Engine(precision: 64).trace(spec)
        var values: [Real] = trace.layers.flatMap { ($0.z ?? []) + $0.a }
        values += [trace.loss, trace.update.loss, trace.update.change]
        values += trace.deltas.flatMap { $0 }
        values += trace.weightGradients.flatMap { $0.flatMap { $0 } }
        values += trace.biasGradients.flatMap { $0 }
        values += trace.update.weights.flatMap { $0.flatMap { $0 } }
        #expect(values.allSatisfy { $0.isExact }, "seed \(seed)")
    }

    /// For ReLU/linear networks with MSE the loss is quadratic in any one parameter while no
    /// ReLU changes side, so the centred difference is exactly the derivative: an exact,
    /// independent check of every exact gradient.
    @Test(arguments: seeds)
    func exactGradientsEqualExactCentredDifferences(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed, activations: [.relu, .linear], loss: .mse)
        let trace = try Engine(precision: 64).trace(spec)
        let h = Rational(1, 1_000_000_000)
        func exactLoss(_ modified: Spec) throws -> Rational? {
            let t = try Engine(precision: 64).trace(modified)
            // Same ReLU pattern as the unperturbed network, or the identity does not apply.
            for l in 1..<t.layers.count where spec.network.activation(ofLayer: l) == .relu {
                for (z0, z1) in zip(trace.layers[l].z!, t.layers[l].z!) where (z0.exactValue!.signum() > 0) != (z1.exactValue!.signum() > 0) {
                    return nil
                }
            }
            return t.loss.exactValue
        }
        var plus = spec, minus = spec
        let l = spec.focus.layer, j = spec.focus.neuron
        switch spec.focus {
        case .weight(_, _, let k):
            plus.network.weights[l - 1][j - 1][k - 1] = spec.network.weights[l - 1][j - 1][k - 1] + h
            minus.network.weights[l - 1][j - 1][k - 1] = spec.network.weights[l - 1][j - 1][k - 1] - h
        case .bias:
            plus.network.biases[l - 1][j - 1] = spec.network.biases[l - 1][j - 1] + h
            minus.network.biases[l - 1][j - 1] = spec.network.biases[l - 1][j - 1] - h
        }
        guard let lPlus = try exactLoss(plus), let lMinus = try exactLoss(minus) else { return }
        #expect(trace.focusGradient.exactValue == (lPlus - lMinus) / (h + h), "seed \(seed)")
    }
}
