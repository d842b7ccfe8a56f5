import ExactArithmetic

extension Loss {
    /// L(a, y).
    func value(output a: [Real], preActivation z: [Real], target y: [Real], activation: Activation, _ arithmetic: RealArithmetic) throws(EngineError) -> Real {
        switch self {
        case .mse:
            let squares = zip(a, y).map { ai, yi in
                let d = arithmetic.subtract(ai, yi)
                return arithmetic.multiply(d, d)
            }
            return arithmetic.scale(arithmetic.sum(squares), by: Rational(1, 2))
        case .crossEntropy:
            var terms: [Real] = []
            if activation == .softmax {
                for (i, (ai, yi)) in zip(a, y).enumerated() where !(yi.exactValue?.isZero ?? false) {
                    guard let log = arithmetic.log(ai) else { throw .undecidable("log a^(L)_\(i + 1)") }
                    terms.append(arithmetic.multiply(yi, log))
                }
            } else {
                let ai = a[0], yi = y[0], one = Real(1)
                if !(yi.exactValue?.isZero ?? false) {
                    guard let log = arithmetic.log(ai) else { throw .undecidable("log a^(L)") }
                    terms.append(arithmetic.multiply(yi, log))
                }
                let oneMinusY = arithmetic.subtract(one, yi)
                if !(oneMinusY.exactValue?.isZero ?? false) {
                    guard let log = arithmetic.log(activation.complement(z: z[0], a: ai, arithmetic)) else { throw .undecidable("log(1 − a^(L))") }
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
            return zip(a, y).map { arithmetic.subtract($0, $1) }
        case .crossEntropy:
            if activation == .softmax {
                var g: [Real] = []
                for (i, (ai, yi)) in zip(a, y).enumerated() {
                    guard let q = arithmetic.divide(yi, ai) else { throw .undecidable("y_\(i + 1) / a^(L)_\(i + 1)") }
                    g.append(arithmetic.negate(q))
                }
                return g
            }
            let ai = a[0], yi = y[0]
            let denominator = arithmetic.multiply(ai, activation.complement(z: z[0], a: ai, arithmetic))
            guard let q = arithmetic.divide(arithmetic.subtract(ai, yi), denominator) else {
                throw .undecidable("(a − y) / (a(1 − a))")
            }
            return [q]
        }
    }

    /// δ⁽ᴸ⁾ = Jᵀ ∇ₐL (BP1). Cross-entropy with its matching output simplifies exactly to a − y.
    func outputError(output a: [Real], target y: [Real], gradient: [Real], derivative: ActivationDerivative, _ arithmetic: RealArithmetic) -> [Real] {
        switch self {
        case .crossEntropy:
            return zip(a, y).map { arithmetic.subtract($0, $1) }
        case .mse:
            return derivative.pullBack(gradient, arithmetic)
        }
    }
}
