import ExactArithmetic
import Foundation

/// The centred finite difference (L(θ + ε) − L(θ − ε)) / 2ε, computed the way practitioners'
/// code computes it: every parameter rounded to the nearest IEEE double, forward passes in
/// double with the textbook formulas. Its comparison with the exact gradient is exact.
struct FiniteDifference {
    let arithmetic: RealArithmetic

    func check(_ spec: Spec, analytic: Real) throws(EngineError) -> FiniteDifferenceCheck {
        let network = spec.network
        var weights = network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        var biases = network.biases.map { $0.map { $0.toDouble() } }
        let input = spec.sample.input.map { $0.toDouble() }
        let target = spec.sample.target.map { $0.toDouble() }
        let epsilon = spec.epsilon.toDouble()

        func loss() -> Double {
            DoubleNetwork(network: network, weights: weights, biases: biases).loss(input: input, target: target)
        }
        let lossPlus: Double
        let lossMinus: Double
        switch spec.focus {
        case .weight(let l, let j, let k):
            let original = weights[l - 1][j - 1][k - 1]
            weights[l - 1][j - 1][k - 1] = original + epsilon
            lossPlus = loss()
            weights[l - 1][j - 1][k - 1] = original - epsilon
            lossMinus = loss()
        case .bias(let l, let j):
            let original = biases[l - 1][j - 1]
            biases[l - 1][j - 1] = original + epsilon
            lossPlus = loss()
            biases[l - 1][j - 1] = original - epsilon
            lossMinus = loss()
        }
        let estimate = (lossPlus - lossMinus) / (2 * epsilon)

        guard estimate.isFinite, let fd = Rational(exactly: estimate) else {
            throw .undecidable("the finite difference (it is not a finite double)")
        }
        let fdReal = Real.exact(fd)
        let difference = arithmetic.subtract(fdReal, analytic)
        guard let absDifference = arithmetic.magnitude(difference), let absAnalytic = arithmetic.magnitude(analytic) else {
            throw .undecidable("the sign of the finite-difference error")
        }
        let relative: Real?
        if absAnalytic.exactValue?.isZero ?? false {
            relative = nil
        } else {
            relative = arithmetic.divide(absDifference, absAnalytic)
            if relative == nil { throw .undecidable("|FD − BP| / |BP|") }
        }
        let denominator = arithmetic.add(Real.exact(fd.magnitude), absAnalytic)
        let symmetric: Real
        if denominator.exactValue?.isZero ?? false {
            symmetric = Real(0)
        } else if let value = arithmetic.divide(absDifference, denominator) {
            symmetric = value
        } else {
            throw .undecidable("|FD − BP| / (|FD| + |BP|)")
        }
        return FiniteDifferenceCheck(
            epsilon: epsilon, lossPlus: lossPlus, lossMinus: lossMinus, estimate: estimate,
            analytic: analytic, relativeError: relative, symmetricRelativeError: symmetric
        )
    }
}

/// The network in IEEE double, evaluated with the textbook formulas in index order.
struct DoubleNetwork {
    let network: Network
    let weights: [[[Double]]]
    let biases: [[Double]]

    func loss(input: [Double], target: [Double]) -> Double {
        var a = input
        for l in 1...network.outputLayer {
            var z = [Double](repeating: 0, count: network.layers[l])
            for j in 0..<z.count {
                var sum = 0.0
                for k in 0..<a.count { sum += weights[l - 1][j][k] * a[k] }
                z[j] = sum + biases[l - 1][j]
            }
            a = Self.apply(network.activation(ofLayer: l), z)
        }
        switch network.loss {
        case .mse:
            var sum = 0.0
            for i in 0..<a.count { sum += (a[i] - target[i]) * (a[i] - target[i]) }
            return 0.5 * sum
        case .crossEntropy:
            if network.activations.last == .softmax {
                var sum = 0.0
                for i in 0..<a.count where target[i] != 0 { sum += target[i] * Foundation.log(a[i]) }
                return -sum
            }
            let y = target[0]
            return -(y * Foundation.log(a[0]) + (1 - y) * Foundation.log(1 - a[0]))
        }
    }

    static func apply(_ activation: Activation, _ z: [Double]) -> [Double] {
        switch activation {
        case .sigmoid: return z.map { 1 / (1 + Foundation.exp(-$0)) }
        case .tanh: return z.map { Foundation.tanh($0) }
        case .relu: return z.map { max(0, $0) }
        case .linear: return z
        case .softmax:
            let m = z.max()!
            let e = z.map { Foundation.exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }
}
