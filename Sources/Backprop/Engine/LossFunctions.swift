import ExactArithmetic

extension Loss {
    /// L(a, y), from the output a = f(z) and its pre-activation z (saturated outputs need z).
    func value(output a: [Real], preActivation z: [Real], target y: [Real], activation: Activation, _ arithmetic: RealArithmetic) throws(EngineError) -> Real {
        switch self {
        case .mse:
            let squares = activation.offset(z: z, a: a, target: y, arithmetic).map { arithmetic.multiply($0, $0) }
            return arithmetic.scale(arithmetic.sum(squares), by: Rational(1, 2))
        case .crossEntropy:
            var terms: [Real] = []
            if activation == .softmax {
                let logs = activation.logarithms(z: z, a: a, arithmetic)
                for (i, yi) in y.enumerated() where !(yi.exactValue?.isZero ?? false) {
                    guard let log = logs[i] else { throw .undecidable("log a^(L)_\(i + 1)") }
                    terms.append(arithmetic.multiply(yi, log))
                }
            } else {
                let yi = y[0]
                if !(yi.exactValue?.isZero ?? false) {
                    guard let log = activation.logarithms(z: z, a: a, arithmetic)[0] else { throw .undecidable("log a^(L)") }
                    terms.append(arithmetic.multiply(yi, log))
                }
                let oneMinusY = arithmetic.subtract(Real(1), yi)
                if !(oneMinusY.exactValue?.isZero ?? false) {
                    guard let log = activation.logarithms(z: z, a: a, complement: true, arithmetic)[0] else { throw .undecidable("log(1 − a^(L))") }
                    terms.append(arithmetic.multiply(oneMinusY, log))
                }
            }
            return arithmetic.negate(arithmetic.sum(terms))
        }
    }

    /// ∇ₐL(a, y).
    func gradient(output a: [Real], preActivation z: [Real], target y: [Real], activation: Activation, _ arithmetic: RealArithmetic) throws(EngineError) -> [Real] {
        switch self {
        case .mse:
            return activation.offset(z: z, a: a, target: y, arithmetic)
        case .crossEntropy:
            if activation == .softmax {
                var g: [Real] = []
                for (i, (ai, yi)) in zip(a, y).enumerated() {
                    guard let q = arithmetic.divide(yi, ai) else { throw .undecidable("y_\(i + 1) / a^(L)_\(i + 1)") }
                    g.append(arithmetic.negate(q))
                }
                return g
            }
            let ai = a[0]
            let denominator = arithmetic.multiply(ai, activation.complement(z: z[0], a: ai, arithmetic))
            let difference = activation.offset(z: z, a: a, target: y, arithmetic)[0]
            guard let q = arithmetic.divide(difference, denominator) else {
                throw .undecidable("(a − y) / (a(1 − a))")
            }
            return [q]
        }
    }

    /// δ⁽ᴸ⁾ = Jᵀ ∇ₐL (BP1). Cross-entropy with its matching output simplifies exactly to a − y.
    func outputError(output a: [Real], preActivation z: [Real], target y: [Real], activation: Activation, gradient: [Real],
                     derivative: ActivationDerivative, _ arithmetic: RealArithmetic) -> [Real] {
        switch self {
        case .crossEntropy:
            return activation.offset(z: z, a: a, target: y, arithmetic)
        case .mse:
            return derivative.pullBack(gradient, arithmetic)
        }
    }
}
