import ExactArithmetic

/// Questions about any parameter, not only the focus: its gradient, its chain-rule paths and a
/// finite-difference check of it (exercise sheets ask them about several weights).
extension Trace {
    /// ∂L/∂(parameter).
    public func gradient(of parameter: Focus) -> Real {
        switch parameter {
        case .weight(let l, let j, let k): return weightGradients[l - 1][j - 1][k - 1]
        case .bias(let l, let j): return biasGradients[l - 1][j - 1]
        }
    }

    /// The chain-rule paths from `parameter` to the loss, enumerated like the focus's `paths`.
    public func paths(of parameter: Focus) -> PathSummary {
        let network = spec.network
        return PathEnumerator(arithmetic: RealArithmetic(precision: precision)).summary(
            focus: parameter, network: network,
            weights: network.weights.map { $0.map { $0.map(Real.exact) } },
            layers: layers, outputError: deltas[network.outputLayer]
        )
    }

    /// The centred finite-difference check of ∂L/∂(parameter), computed in IEEE double with the
    /// spec's ε, exactly as the focus's `finiteDifference`.
    public func finiteDifference(of parameter: Focus) throws(EngineError) -> FiniteDifferenceCheck {
        var probe = spec
        probe.focus = parameter
        return try FiniteDifference(arithmetic: RealArithmetic(precision: precision)).check(probe, analytic: gradient(of: parameter)) { () throws(EngineError) in
            // The same gradient, the worked sample's, at twice the precision.
            try Backpropagation(arithmetic: RealArithmetic(precision: 2 * precision), network: spec.network)
                .focusGradient(parameter, samples: [spec.sample], exactLayers: [layers])
        }
    }
}

extension Spec {
    /// z⁽ˡ⁾ of every layer in IEEE double (`[0]` is empty), for quick screening of parameters,
    /// e.g. rejecting saturated or dead neurons. Never for displayed values.
    public func approximatePreActivations() -> [[Double]] {
        let double = network.weights.map { $0.map { $0.map { $0.toDouble() } } }
        let biases = network.biases.map { $0.map { $0.toDouble() } }
        var a = sample.input.map { $0.toDouble() }
        var result: [[Double]] = [[]]
        for l in 1...network.outputLayer {
            let z = (0..<network.layers[l]).map { j in
                zip(double[l - 1][j], a).reduce(0) { $0 + $1.0 * $1.1 } + biases[l - 1][j]
            }
            result.append(z)
            a = DoubleNetwork.apply(network.activation(ofLayer: l), z)
        }
        return result
    }
}
