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
/// The input is drawn first, then the neurons one at a time, layer by layer, each from the
/// values of the layer before. A neuron's weights and bias are redrawn (up to
/// `neuronAttempts` times, from the same stream) until its pre-activation z is in range —
/// |z| ≤ 3 for sigmoid, |z| ≤ 2 for tanh, 0.05 ≤ z ≤ 3 for ReLU (alive), |z| ≤ 3 for linear
/// and softmax. Should every attempt miss, the last draw is steered into range: its bias made
/// positive for ReLU, each weight's sign chosen to pull the running sum towards the middle of
/// the range, and a weight shortened (to a smaller multiple of 0.1) where its term alone would
/// overshoot. Every activation is then at most 3 in magnitude, which is what makes steering
/// always succeed: **every architecture the spec limits allow has variants, with no
/// saturated or dead neuron.** The target is redrawn until some output is at least 0.05 away
/// from it (nothing to learn otherwise), else set to the end of its range farthest from the
/// output; only a one-output softmax, whose output is always exactly 1, has nothing to learn.
///
/// `allowSaturation` draws every neuron once, in range or not. `ExerciseGenerator`
/// `.generate(variant:of:distribution:)` also passes over a draw whose values cannot be
/// certified — a quantity that is zero in truth without being exactly computable, such as
/// errors cancelling through equal weights — and takes the next draw of the same stream.
public struct VariantDistribution: Sendable {
    public var allowSaturation: Bool
    /// Draws of one neuron's weights and bias before it is steered into range.
    public static let neuronAttempts = 100
    /// Draws of the target before the farthest end of its range is taken.
    public static let targetAttempts = 100

    public init(allowSaturation: Bool = false) {
        self.allowSaturation = allowSaturation
    }

    /// The spec of `variant`: the first draw of its stream.
    public func spec(from base: Spec, variant: ExerciseVariant) -> Spec {
        var stream = draws(from: base, variant: variant)
        return stream.next()
    }

    /// The successive draws of `variant`'s stream.
    public func draws(from base: Spec, variant: ExerciseVariant) -> Draws {
        Draws(distribution: self, base: base, random: SplitMix64(seed: variant.seed, stream: UInt64(variant.number)))
    }

    /// The draws of one variant's stream, in order; every draw succeeds.
    public struct Draws: Sendable {
        let distribution: VariantDistribution
        let base: Spec
        var random: SplitMix64

        public mutating func next() -> Spec {
            distribution.draw(base, &random)
        }
    }

    /// The range a neuron's pre-activation is kept in, and the middle steering aims at.
    struct Range {
        var low: Double
        var high: Double
        var centre: Double { (low + high) / 2 }
        var halfWidth: Double { (high - low) / 2 }

        static func of(_ activation: Activation) -> Range {
            switch activation {
            case .sigmoid: return Range(low: -3, high: 3)
            case .tanh: return Range(low: -2, high: 2)
            case .relu: return Range(low: 0.05, high: 3)
            case .linear, .softmax: return Range(low: -3, high: 3)
            }
        }

        func contains(_ z: Double) -> Bool { z >= low && z <= high }
    }

    private func draw(_ base: Spec, _ random: inout SplitMix64) -> Spec {
        var spec = base
        let network = base.network
        let layers = network.layers
        func tenths(_ low: Int, _ high: Int, skippingZero: Bool = false) -> Int {
            while true {
                let n = low + random.below(high - low + 1)
                if !(skippingZero && n == 0) { return n }
            }
        }
        let inputs = [Rational(-1), Rational(-1, 2), Rational(1, 2), Rational(1)]
        spec.sample.input = (0..<layers[0]).map { _ in inputs[random.below(inputs.count)] }
        var a = spec.sample.input.map { $0.toDouble() }
        var weights: [[[Rational]]] = []
        var biases: [[Rational]] = []
        for l in 1...network.outputLayer {
            let activation = network.activation(ofLayer: l)
            let range = Range.of(activation)
            var rows: [[Rational]] = []
            var layerBiases: [Rational] = []
            var z: [Double] = []
            for _ in 0..<layers[l] {
                var row: [Int] = []
                var bias = 0
                var attempts = 0
                repeat {
                    row = a.map { _ in tenths(-10, 10, skippingZero: true) }
                    bias = tenths(-5, 5)
                    attempts += 1
                } while !allowSaturation && !range.contains(Self.preActivation(row, bias, a)) && attempts < Self.neuronAttempts
                if !allowSaturation && !range.contains(Self.preActivation(row, bias, a)) {
                    (row, bias) = Self.steer(row, bias, a, range, relu: activation == .relu)
                }
                rows.append(row.map { Rational(BigInt($0), BigInt(10)) })
                layerBiases.append(Rational(BigInt(bias), BigInt(10)))
                z.append(Self.preActivation(row, bias, a))
            }
            weights.append(rows)
            biases.append(layerBiases)
            a = Self.activate(activation, z)
        }
        spec.network.weights = weights
        spec.network.biases = biases
        spec.sample.target = drawTarget(network, output: a, &random)
        return spec
    }

    /// z = Σ wₖ aₖ + b in double, the weights and bias given in tenths.
    static func preActivation(_ row: [Int], _ bias: Int, _ a: [Double]) -> Double {
        zip(row, a).reduce(Double(bias) / 10) { $0 + Double($1.0) / 10 * $1.1 }
    }

    /// The draw made to land in `range`: greedy signs keep |s − centre| ≤ halfWidth − margin
    /// when the bias starts within it and no term exceeds it (|aₖ| ≤ 3 for every activation in
    /// range, so a weight of at least 0.1 always fits).
    static func steer(_ row: [Int], _ bias: Int, _ a: [Double], _ range: Range, relu: Bool) -> ([Int], Int) {
        // For ReLU: a bias of at least 0.1 and terms of at most 1.4 keep z in [0.1, 2.9].
        let reach = relu ? range.centre - 0.1 : range.halfWidth
        let b = relu ? max(abs(bias), 1) : bias
        var s = Double(b) / 10
        var steered: [Int] = []
        for (w, ak) in zip(row, a) {
            var magnitude = abs(w)
            if Double(magnitude) / 10 * abs(ak) > reach {
                magnitude = max(1, Int((10 * reach / abs(ak)).rounded(.down)))
            }
            let sign: Int
            if ak == 0 {
                sign = w < 0 ? -1 : 1
            } else {
                // The term's sign pulls s towards the centre.
                let up = s <= range.centre
                sign = (up == (ak > 0)) ? 1 : -1
            }
            steered.append(sign * magnitude)
            s += Double(sign * magnitude) / 10 * ak
        }
        return (steered, b)
    }

    /// The target: redrawn while the output is within 0.05 of it, else the end of its range
    /// farthest from the output.
    private func drawTarget(_ network: Network, output: [Double], _ random: inout SplitMix64) -> [Rational] {
        let width = output.count
        func tenths(_ low: Int, _ high: Int) -> Rational { Rational(BigInt(low + random.below(high - low + 1)), BigInt(10)) }
        func far(_ low: Rational, _ high: Rational) -> [Rational] {
            output.map { abs($0 - low.toDouble()) >= abs($0 - high.toDouble()) ? low : high }
        }
        let learnable: ([Rational]) -> Bool = { target in
            zip(output, target).contains { abs($0 - $1.toDouble()) >= 0.05 }
        }
        for _ in 0..<Self.targetAttempts {
            let target: [Rational]
            switch (network.activations.last!, network.loss) {
            case (.softmax, _):
                let hot = random.below(width)
                target = (0..<width).map { Rational($0 == hot ? 1 : 0) }
            case (.sigmoid, .crossEntropy): target = [Rational(random.below(2))]
            case (.sigmoid, _): target = (0..<width).map { _ in tenths(1, 9) }
            case (.tanh, _): target = (0..<width).map { _ in tenths(-9, 9) }
            case (.relu, _): target = (0..<width).map { _ in tenths(1, 10) }
            case (.linear, _): target = (0..<width).map { _ in tenths(-10, 10) }
            }
            if learnable(target) { return target }
        }
        switch (network.activations.last!, network.loss) {
        case (.softmax, _):
            let hot = output.indices.min { output[$0] < output[$1] }!
            return (0..<width).map { Rational($0 == hot ? 1 : 0) }
        case (.sigmoid, .crossEntropy): return far(Rational(0), Rational(1))
        case (.sigmoid, _): return far(Rational(1, 10), Rational(9, 10))
        case (.tanh, _): return far(Rational(-9, 10), Rational(9, 10))
        case (.relu, _): return far(Rational(1, 10), Rational(1))
        case (.linear, _): return far(Rational(-1), Rational(1))
        }
    }

    /// The activations of a layer in double, for drawing the next.
    static func activate(_ activation: Activation, _ z: [Double]) -> [Double] {
        switch activation {
        case .sigmoid: return z.map { 1 / (1 + exp(-$0)) }
        case .tanh: return z.map { Foundation.tanh($0) }
        case .relu: return z.map { max(0, $0) }
        case .linear: return z
        case .softmax:
            let m = z.max()!
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }
}
