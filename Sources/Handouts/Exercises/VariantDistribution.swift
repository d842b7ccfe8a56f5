import Backprop
import Foundation
import ExactArithmetic

/// Draws a variant's parameters — the "nice" distribution of exercise variants.
///
/// The architecture, activations, loss, focus, η, ε and exercise list of the base spec are
/// kept; weights, biases, input and target are drawn afresh, reproducibly from the seed S and
/// the variant number n alone (SplitMix64 seeded with S and n; the same S and n give the same
/// numbers on every platform and Swift version):
///
/// - weights: multiples of 0.1 in [−1, 1], never 0;
/// - biases: multiples of 0.1 in [−0.5, 0.5];
/// - inputs: one of −1, −0.5, 0.5, 1;
/// - targets: multiples of 0.1 in the output's range — [0.1, 0.9] for sigmoid, [−0.9, 0.9]
///   for tanh, [0.1, 1] for ReLU, [−1, 1] for linear; 0 or 1 for a sigmoid with
///   cross-entropy; one-hot for softmax.
///
/// A draw is rejected and the next one taken (from the same stream) while any neuron is
/// saturated or dead — |z| > 3 for sigmoid, |z| > 2 for tanh, z ≤ 0 for ReLU — or while the
/// output is already within 0.05 of the target (nothing to learn). `allowSaturation` turns
/// the neuron test off. `ExerciseGenerator.generate(variant:of:distribution:)` also passes
/// over a draw whose values cannot be certified — a quantity that is zero in truth without
/// being exactly computable, such as errors cancelling through equal weights — and takes the
/// next acceptable draw of the same stream.
public struct VariantDistribution: Sendable {
    public var allowSaturation: Bool
    /// Draws tried before giving up.
    public static let maximumAttempts = 10_000

    public init(allowSaturation: Bool = false) {
        self.allowSaturation = allowSaturation
    }

    /// The spec of `variant`, or nil if no acceptable draw was found.
    public func spec(from base: Spec, variant: ExerciseVariant) -> Spec? {
        candidates(from: base, variant: variant, count: 1).first
    }

    /// The first `count` acceptable draws of `variant`'s stream, in order.
    public func candidates(from base: Spec, variant: ExerciseVariant, count: Int) -> [Spec] {
        var random = SplitMix64(seed: variant.seed, stream: UInt64(variant.number))
        var found: [Spec] = []
        for _ in 0..<Self.maximumAttempts where found.count < count {
            let candidate = draw(base, &random)
            if accepts(candidate) { found.append(candidate) }
        }
        return found
    }

    private func draw(_ base: Spec, _ random: inout SplitMix64) -> Spec {
        var spec = base
        let layers = base.network.layers
        func tenths(_ low: Int, _ high: Int, skippingZero: Bool = false) -> Rational {
            while true {
                let n = low + random.below(high - low + 1)
                if !(skippingZero && n == 0) { return Rational(BigInt(n), BigInt(10)) }
            }
        }
        spec.network.weights = (1..<layers.count).map { l in
            (0..<layers[l]).map { _ in (0..<layers[l - 1]).map { _ in tenths(-10, 10, skippingZero: true) } }
        }
        spec.network.biases = (1..<layers.count).map { l in (0..<layers[l]).map { _ in tenths(-5, 5) } }
        let inputs = [Rational(-1), Rational(-1, 2), Rational(1, 2), Rational(1)]
        spec.sample.input = (0..<layers[0]).map { _ in inputs[random.below(inputs.count)] }
        let width = layers.last!
        let output = base.network.activations.last!
        switch (output, base.network.loss) {
        case (.softmax, _):
            let hot = random.below(width)
            spec.sample.target = (0..<width).map { Rational($0 == hot ? 1 : 0) }
        case (.sigmoid, .crossEntropy):
            spec.sample.target = [Rational(random.below(2))]
        case (.sigmoid, _): spec.sample.target = (0..<width).map { _ in tenths(1, 9) }
        case (.tanh, _): spec.sample.target = (0..<width).map { _ in tenths(-9, 9) }
        case (.relu, _): spec.sample.target = (0..<width).map { _ in tenths(1, 10) }
        case (.linear, _): spec.sample.target = (0..<width).map { _ in tenths(-10, 10) }
        }
        return spec
    }

    private func accepts(_ spec: Spec) -> Bool {
        let z = spec.approximatePreActivations()
        let network = spec.network
        if !allowSaturation {
            for l in 1...network.outputLayer {
                let fine: (Double) -> Bool
                switch network.activation(ofLayer: l) {
                case .sigmoid: fine = { abs($0) <= 3 }
                case .tanh: fine = { abs($0) <= 2 }
                case .relu: fine = { $0 > 0 }
                case .linear, .softmax: fine = { _ in true }
                }
                if !z[l].allSatisfy(fine) { return false }
            }
        }
        let output = spec.approximateOutput(z)
        let target = spec.sample.target.map { $0.toDouble() }
        return zip(output, target).contains { abs($0 - $1) >= 0.05 }
    }
}

extension Spec {
    /// The output activations from `approximatePreActivations()`.
    fileprivate func approximateOutput(_ z: [[Double]]) -> [Double] {
        let last = z[network.outputLayer]
        switch network.activations.last! {
        case .sigmoid: return last.map { 1 / (1 + exp(-$0)) }
        case .tanh: return last.map { Foundation.tanh($0) }
        case .relu: return last.map { max(0, $0) }
        case .linear: return last
        case .softmax:
            let m = last.max()!
            let e = last.map { exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }
}

