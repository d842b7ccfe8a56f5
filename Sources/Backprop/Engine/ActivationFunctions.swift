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
    func derivative(z: [Real], a: [Real], _ arithmetic: RealArithmetic) -> ActivationDerivative {
        let one = Real(1)
        switch self {
        case .sigmoid:
            return .diagonal(a.map { arithmetic.multiply($0, arithmetic.subtract(one, $0)) })
        case .tanh:
            return .diagonal(a.map { arithmetic.subtract(one, arithmetic.multiply($0, $0)) })
        case .linear:
            return .diagonal(z.map { _ in one })
        case .relu:
            // The signs were settled when a was computed: a = z exactly where z > 0.
            return .diagonal(z.map { ($0.knownSignum ?? 0) > 0 ? one : Real(0) })
        case .softmax:
            return .jacobian(a.indices.map { i in
                a.indices.map { j in
                    let kronecker = i == j ? one : Real(0)
                    return arithmetic.multiply(a[i], arithmetic.subtract(kronecker, a[j]))
                }
            })
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
