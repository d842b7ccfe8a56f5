import Backprop
import Foundation

/// An independent reference for the engine: forward-mode differentiation with dual numbers in
/// IEEE double. It shares no code with the engine and does not backpropagate: each
/// derivative comes from a forward pass that carries dx/dθ for one parameter θ.
struct Dual {
    var value: Double
    var derivative: Double

    init(_ value: Double, _ derivative: Double = 0) {
        self.value = value
        self.derivative = derivative
    }

    static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.derivative + b.derivative) }
    static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.derivative - b.derivative) }
    static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, a.derivative * b.value + a.value * b.derivative)
    }
    static func / (a: Dual, b: Dual) -> Dual {
        Dual(a.value / b.value, (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value))
    }
    static func exp(_ a: Dual) -> Dual {
        let e = Foundation.exp(a.value)
        return Dual(e, e * a.derivative)
    }
    static func log(_ a: Dual) -> Dual { Dual(Foundation.log(a.value), a.derivative / a.value) }
}

struct ForwardModeReference {
    let spec: Spec

    enum Parameter: Hashable {
        case weight(Int, Int, Int)
        case bias(Int, Int)
    }

    /// The loss and dL/dθ for one parameter θ (0-based indices into the spec's arrays).
    func lossAndDerivative(_ parameter: Parameter?) -> Dual {
        lossAndDerivative(
            parameter, sample: spec.sample,
            weights: spec.network.weights.map { $0.map { $0.map { $0.toDouble() } } },
            biases: spec.network.biases.map { $0.map { $0.toDouble() } }
        )
    }

    /// The loss of `sample` and dC/dθ for one parameter θ, with the parameters given in double.
    func lossAndDerivative(_ parameter: Parameter?, sample: Sample, weights: [[[Double]]], biases: [[Double]]) -> Dual {
        let network = spec.network
        var a = sample.input.map { Dual($0.toDouble()) }
        for l in 1..<network.layers.count {
            var z: [Dual] = []
            for j in 0..<network.layers[l] {
                var sum = Dual(biases[l - 1][j], parameter == .bias(l - 1, j) ? 1 : 0)
                for k in 0..<network.layers[l - 1] {
                    let w = Dual(weights[l - 1][j][k], parameter == .weight(l - 1, j, k) ? 1 : 0)
                    sum = sum + w * a[k]
                }
                z.append(sum)
            }
            switch network.activations[l - 1] {
            case .sigmoid: a = z.map { Dual(1) / (Dual(1) + Dual.exp(Dual(0) - $0)) }
            case .tanh: a = z.map { (Dual.exp($0) - Dual.exp(Dual(0) - $0)) / (Dual.exp($0) + Dual.exp(Dual(0) - $0)) }
            case .relu: a = z.map { $0.value > 0 ? $0 : Dual(0) }
            case .linear: a = z
            case .softmax:
                let e = z.map(Dual.exp)
                let s = e.reduce(Dual(0), +)
                a = e.map { $0 / s }
            }
        }
        let y = sample.target.map { Dual($0.toDouble()) }
        switch network.loss {
        case .mse:
            return Dual(0.5) * zip(a, y).map { ($0 - $1) * ($0 - $1) }.reduce(Dual(0), +)
        case .crossEntropy:
            if network.activations.last == .softmax {
                return Dual(0) - zip(a, y).filter { $0.1.value != 0 }.map { $0.1 * Dual.log($0.0) }.reduce(Dual(0), +)
            }
            return Dual(0) - (y[0] * Dual.log(a[0]) + (Dual(1) - y[0]) * Dual.log(Dual(1) - a[0]))
        }
    }
}
