import ExactArithmetic

extension Engine {
    /// A certified bound on |L_new − L| for the trace's SGD step that needs no cancellation:
    /// by the mean value theorem along the step Δθ = −η g, |L_new − L| ≤ Σᵢ η |gᵢ| · max |∂L/∂θᵢ|,
    /// the maximum over the box spanned by the old and new parameters (one backward pass of
    /// every sample with those intervals as parameters). A step that moves the loss by
    /// 10⁻²⁶⁰⁵⁷⁸ is proven that small at 128 bits, where the difference of the two losses is
    /// only known to lie within 10⁻³⁶ of 0. nil when the gradient over the box cannot be
    /// bounded (a ReLU's pre-activation may change sign inside it).
    public func stepChangeBound(_ trace: Trace) -> Real? {
        let arithmetic = RealArithmetic(precision: precision)
        let spec = trace.spec
        let update = trace.update
        let old = spec.network.weights.map { $0.map { $0.map(Real.exact) } }
        let oldBiases = spec.network.biases.map { $0.map(Real.exact) }
        let box = zip(old, update.weights).map { l in zip(l.0, l.1).map { row in zip(row.0, row.1).map { arithmetic.hull($0.0, $0.1) } } }
        let biasBox = zip(oldBiases, update.biases).map { l in zip(l.0, l.1).map { arithmetic.hull($0.0, $0.1) } }
        let backpropagation = Backpropagation(arithmetic: arithmetic, network: spec.network)
        var passes: [SampleValues] = []
        for sample in spec.samples {
            guard let pass = try? backpropagation.run(weights: box, biases: biasBox, sample: sample) else { return nil }
            passes.append(pass)
        }
        let slopes = backpropagation.meanGradients(passes)
        // |Δθᵢ| = η |gᵢ| from the step's gradient, which is known to its leading digits; the
        // difference of the new and old parameters would carry the working precision's
        // rounding of θ itself.
        let eta = Real.exact(update.learningRate)
        func term(_ gradient: Real, _ slope: Real) -> Real {
            arithmetic.multiply(arithmetic.magnitude(arithmetic.multiply(eta, gradient)), arithmetic.magnitude(slope))
        }
        var terms: [Real] = []
        for l in old.indices {
            for j in old[l].indices {
                for k in old[l][j].indices { terms.append(term(update.weightGradients[l][j][k], slopes.weights[l][j][k])) }
                terms.append(term(update.biasGradients[l][j], slopes.biases[l][j]))
            }
        }
        return arithmetic.sum(terms)
    }
}
