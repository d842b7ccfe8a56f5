import ExactArithmetic

extension Activation {
    /// a = f(z) for a whole layer.
    func apply(_ z: [Real], _ arithmetic: RealArithmetic, layer: Int) throws(EngineError) -> [Real] {
        switch self {
        case .sigmoid: return z.map(arithmetic.sigmoid)
        case .tanh: return z.map(arithmetic.tanh)
        case .linear: return z
        case .softmax: return arithmetic.softmax(z)
        case .relu:
            var a: [Real] = []
            a.reserveCapacity(z.count)
            for (j, value) in z.enumerated() {
                guard let sign = value.knownSignum else {
                    throw .undecidable("the sign of z^(\(layer))_\(j + 1) for ReLU")
                }
                a.append(sign > 0 ? value : Real(0))
            }
            return a
        }
    }

    /// f′(z), from z and a = f(z). ReLU′(0) is taken as 0 (the convention of most libraries).
    /// σ′ and tanh′ are formed without cancellation — σ(z)σ(−z) and 4σ(2z)σ(−2z) rather than
    /// a(1 − a) and 1 − a² — so a saturated neuron (a within e^−1000 of its limit) needs no more
    /// bits than any other.
    func derivative(z: [Real], a: [Real], _ arithmetic: RealArithmetic) -> ActivationDerivative {
        let one = Real(1)
        switch self {
        case .sigmoid:
            return .diagonal(zip(z, a).map { zi, ai in arithmetic.multiply(ai, arithmetic.sigmoid(arithmetic.negate(zi))) })
        case .tanh:
            return .diagonal(z.map { zi in
                if zi.exactValue?.isZero ?? false { return one }
                let twice = arithmetic.scale(zi, by: Rational(2))
                let product = arithmetic.multiply(arithmetic.sigmoid(twice), arithmetic.sigmoid(arithmetic.negate(twice)))
                return arithmetic.scale(product, by: Rational(4))
            })
        case .linear:
            return .diagonal(z.map { _ in one })
        case .relu:
            // The signs were settled when a was computed: a = z exactly where z > 0.
            return .diagonal(z.map { ($0.knownSignum ?? 0) > 0 ? one : Real(0) })
        case .softmax:
            // ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ); on the diagonal 1 − aᵢ is the sum of the other outputs,
            // so a dominant output (aᵢ within e^−1000 of 1) costs no extra bits.
            let complements = arithmetic.softmaxComplements(z)
            return .jacobian(a.indices.map { i in
                a.indices.map { j in
                    i == j ? arithmetic.multiply(a[i], complements[i]) : arithmetic.negate(arithmetic.multiply(a[i], a[j]))
                }
            })
        }
    }
}

extension Activation {
    /// 1 − a for a = f(z): for a sigmoid σ(−z), exact to the last bit however close a is to 1.
    func complement(z: Real, a: Real, _ arithmetic: RealArithmetic) -> Real {
        self == .sigmoid ? arithmetic.sigmoid(arithmetic.negate(z)) : arithmetic.subtract(Real(1), a)
    }
}

extension ActivationDerivative {
    /// Jᵀ g: the gradient with respect to z from the gradient g with respect to a.
    func pullBack(_ g: [Real], _ arithmetic: RealArithmetic) -> [Real] {
        switch self {
        case .diagonal(let d):
            return zip(g, d).map { arithmetic.multiply($0, $1) }
        case .jacobian(let jacobian):
            return g.indices.map { j in arithmetic.dot(jacobian.map { $0[j] }, g) }
        }
    }
}
