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
            return .diagonal(zip(z, a).map { zi, ai in arithmetic.multiply(ai, Activation.sigmoid.complement(z: zi, a: ai, arithmetic)) })
        case .tanh:
            return .diagonal(zip(z, a).map { zi, ai in
                // Below |z| = 4, 1 − a² loses at most 12 bits; beyond, the product form keeps them all.
                guard abs(zi.toDouble()) > 4 else { return arithmetic.subtract(one, arithmetic.multiply(ai, ai)) }
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
    /// 1 − a for a = f(z): for a sigmoid with z > 8 as σ(−z), exact to the last bit however
    /// close a is to 1 (below, 1 − a loses at most 12 bits and costs no exponential).
    func complement(z: Real, a: Real, _ arithmetic: RealArithmetic) -> Real {
        self == .sigmoid && z.toDouble() > 8 ? arithmetic.sigmoid(arithmetic.negate(z)) : arithmetic.subtract(Real(1), a)
    }

    /// a − y for a whole layer, formed without cancellation where y is an asymptote the output
    /// can come within e^−1000 of: 1 for sigmoid and softmax, ±1 for tanh.
    func offset(z: [Real], a: [Real], target y: [Real], _ arithmetic: RealArithmetic) -> [Real] {
        var complements: [Real]?
        return a.indices.map { i in
            let one = y[i].exactValue == Rational(1), minusOne = y[i].exactValue == Rational(-1)
            switch self {
            case .sigmoid where one:
                return arithmetic.negate(arithmetic.sigmoid(arithmetic.negate(z[i])))
            case .tanh where one || minusOne:
                // 1 − tanh z = 2σ(−2z), 1 + tanh z = 2σ(2z).
                let twice = arithmetic.multiply(z[i], Real(one ? -2 : 2))
                let gap = arithmetic.multiply(Real(2), arithmetic.sigmoid(twice))
                return one ? arithmetic.negate(gap) : gap
            case .softmax where one:
                if complements == nil { complements = arithmetic.softmaxComplements(z) }
                return arithmetic.negate(complements![i])
            default:
                return arithmetic.subtract(a[i], y[i])
            }
        }
    }

    /// ln a for a = f(z), for the cross-entropy: ln σ(z) = −ln(1 + e^−z) and ln softmaxᵢ(z) =
    /// (zᵢ − zₘ) − ln(1 + Σⱼ≠ₘ e^(zⱼ − zₘ)), through log1p so an output within e^−1000 of 1 keeps
    /// the digits of its tiny logarithm. `complement` gives ln(1 − σ(z)) = ln σ(−z).
    func logarithms(z: [Real], a: [Real], complement: Bool = false, _ arithmetic: RealArithmetic) -> [Real?] {
        switch self {
        case .sigmoid:
            return z.map { zi in
                let x = complement ? arithmetic.negate(zi) : zi
                // ln σ(x) = −ln(1 + e^−x) for x ≥ 0, x − ln(1 + e^x) below: e of a non-positive argument.
                if x.toDouble() >= 0 {
                    return arithmetic.log1p(arithmetic.exp(arithmetic.negate(x))).map(arithmetic.negate)
                }
                return arithmetic.log1p(arithmetic.exp(x)).map { arithmetic.subtract(x, $0) }
            }
        case .softmax where !complement:
            guard let m = z.indices.max(by: { z[$0].toDouble() < z[$1].toDouble() }) else { return [] }
            let others = arithmetic.sum(z.indices.filter { $0 != m }.map { arithmetic.exp(arithmetic.subtract(z[$0], z[m])) })
            guard let logSum = arithmetic.log1p(others) else { return z.map { _ in nil } }
            return z.indices.map { i in arithmetic.subtract(arithmetic.subtract(z[i], z[m]), logSum) }
        default:
            return a.map { ai in arithmetic.log(complement ? arithmetic.subtract(Real(1), ai) : ai) }
        }
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
