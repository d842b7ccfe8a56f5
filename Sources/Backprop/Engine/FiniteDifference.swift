import ExactArithmetic
import Foundation

/// The centred finite difference (L(θ + ε) − L(θ − ε)) / 2ε, computed the way practitioners'
/// code computes it: every parameter rounded to the nearest IEEE double, forward passes in
/// double with the textbook formulas. Its comparison with the exact gradient is exact.
struct FiniteDifference {
    let arithmetic: RealArithmetic

    /// Parameters from which the focus gradient is refined alone rather than with the whole trace.
    static let refinedWeights = 4_096

    /// `refined` gives the analytic value at a higher precision, asked for when FD agrees with it
    /// in more than its leading 8 bits: |FD − BP| then cancels those bits, and the digits of the
    /// relative errors need them beyond the working precision. Only networks of at least
    /// `refinedWeights` parameters ask: for smaller ones a whole trace at the next precision costs
    /// little, and they keep the plain check.
    func check(_ spec: Spec, analytic: Real, refined: () throws(EngineError) -> Real) throws(EngineError) -> FiniteDifferenceCheck {
        let network = spec.network
        var weights = network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        var biases = network.biases.map { $0.map { $0.toDouble() } }
        let data = spec.samples.map { (input: $0.input.map { $0.toDouble() }, target: $0.target.map { $0.toDouble() }) }
        let epsilon = spec.epsilon.toDouble()

        /// The loss in double: of the one sample, or the batch mean (Σ in order, then ÷ m).
        func loss(_ pass: Int) -> DoubleNetwork.Evaluation {
            let double = DoubleNetwork(network: network, weights: weights, biases: biases)
            if data.count == 1 { return double.evaluate(input: data[0].input, target: data[0].target, pass: pass) }
            var total = 0.0
            var limitation: DoubleLimitation?
            for sample in data {
                let evaluation = double.evaluate(input: sample.input, target: sample.target, pass: pass)
                total += evaluation.loss
                limitation = limitation ?? evaluation.limitation
            }
            let mean = total / Double(data.count)
            return DoubleNetwork.Evaluation(loss: mean, limitation: mean.isFinite ? nil : limitation)
        }
        let plus: DoubleNetwork.Evaluation
        let minus: DoubleNetwork.Evaluation
        switch spec.focus {
        case .weight(let l, let j, let k):
            let original = weights[l - 1][j - 1][k - 1]
            weights[l - 1][j - 1][k - 1] = original + epsilon
            plus = loss(1)
            weights[l - 1][j - 1][k - 1] = original - epsilon
            minus = loss(-1)
        case .bias(let l, let j):
            let original = biases[l - 1][j - 1]
            biases[l - 1][j - 1] = original + epsilon
            plus = loss(1)
            biases[l - 1][j - 1] = original - epsilon
            minus = loss(-1)
        }
        let estimate = (plus.loss - minus.loss) / (2 * epsilon)

        guard estimate.isFinite, let fd = Rational(exactly: estimate) else {
            // What double cannot represent: the first pass that failed says why; with both
            // losses finite, the quotient itself overflowed.
            let limitation = plus.limitation ?? minus.limitation ?? DoubleLimitation(
                kind: .estimateOverflow, layer: network.outputLayer, neuron: 1, pass: 1, argument: plus.loss - minus.loss
            )
            return FiniteDifferenceCheck(
                epsilon: epsilon, lossPlus: plus.loss, lossMinus: minus.loss, estimate: estimate,
                analytic: analytic, relativeError: nil, symmetricRelativeError: nil, limitation: limitation
            )
        }
        let fdReal = Real.exact(fd)
        var analytic = analytic
        var difference = arithmetic.subtract(fdReal, analytic)
        if !analytic.isExact, spec.network.parameterCount >= Self.refinedWeights,
           abs(difference.toDouble()) < abs(analytic.toDouble()) / 256, let better = try? refined() {
            analytic = better
            difference = arithmetic.subtract(fdReal, analytic)
        }
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
            epsilon: epsilon, lossPlus: plus.loss, lossMinus: minus.loss, estimate: estimate,
            analytic: analytic, relativeError: relative, symmetricRelativeError: symmetric, limitation: nil
        )
    }
}

/// The network in IEEE double, evaluated with the textbook formulas in index order.
struct DoubleNetwork {
    let network: Network
    let weights: [[[Double]]]
    let biases: [[Double]]

    /// A loss in double and, when it is not finite, the first step double could not represent.
    struct Evaluation {
        var loss: Double
        var limitation: DoubleLimitation?
    }

    func loss(input: [Double], target: [Double]) -> Double {
        evaluate(input: input, target: target, pass: 1).loss
    }

    /// The loss, watching for the steps that leave the finite doubles (`pass` is ±1, recorded
    /// in the limitation).
    func evaluate(input: [Double], target: [Double], pass: Int) -> Evaluation {
        var limitation: DoubleLimitation?
        func note(_ kind: DoubleLimitation.Kind, _ layer: Int, _ neuron: Int, _ argument: Double) {
            if limitation == nil {
                limitation = DoubleLimitation(kind: kind, layer: layer, neuron: neuron, pass: pass, argument: argument)
            }
        }
        var a = input
        var z: [Double] = []
        let L = network.outputLayer
        for l in 1...L {
            z = [Double](repeating: 0, count: network.layers[l])
            for j in 0..<z.count {
                var sum = 0.0
                for k in 0..<a.count { sum += weights[l - 1][j][k] * a[k] }
                z[j] = sum + biases[l - 1][j]
                if !z[j].isFinite { note(.preActivationOverflow, l, j + 1, z[j]) }
            }
            a = Self.apply(network.activation(ofLayer: l), z)
        }
        let loss: Double
        switch network.loss {
        case .mse:
            var sum = 0.0
            for i in 0..<a.count {
                let square = (a[i] - target[i]) * (a[i] - target[i])
                if !square.isFinite && a[i].isFinite { note(.squaredErrorOverflow, L, i + 1, a[i]) }
                sum += square
            }
            loss = 0.5 * sum
        case .crossEntropy:
            if network.activations.last == .softmax {
                var sum = 0.0
                let largest = z.max()!
                for i in 0..<a.count where target[i] != 0 {
                    if a[i] == 0 { note(.logarithmOfZero, L, i + 1, z[i] - largest) }
                    sum += target[i] * Foundation.log(a[i])
                }
                loss = -sum
            } else {
                let y = target[0]
                if a[0] == 0 { note(y != 0 ? .logarithmOfZero : .zeroTimesLogarithmOfZero, L, 1, z[0]) }
                if a[0] == 1 { note(y != 1 ? .logarithmOfZeroComplement : .zeroTimesLogarithmOfZeroComplement, L, 1, z[0]) }
                loss = -(y * Foundation.log(a[0]) + (1 - y) * Foundation.log(1 - a[0]))
            }
        }
        return Evaluation(loss: loss, limitation: loss.isFinite ? nil : limitation)
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
