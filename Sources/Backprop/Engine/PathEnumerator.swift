import ExactArithmetic

/// Enumerates the chain-rule paths from the focus parameter to the loss. Their products sum
/// to the gradient: backpropagation computes that sum without listing the paths.
struct PathEnumerator {
    let arithmetic: RealArithmetic

    func summary(
        focus: Focus, network: Network, weights: [[[Real]]], layers: [LayerValues], outputError: [Real]
    ) -> PathSummary {
        let l = focus.layer
        let L = network.outputLayer
        let count = network.layers[(l + 1)...].reduce(1) { product, width in
            product.multipliedReportingOverflow(by: width).overflow ? Int.max : product * width
        }
        let start: Real
        switch focus {
        case .weight(_, _, let k): start = layers[l - 1].a[k - 1]
        case .bias: start = Real(1)
        }
        var listed: [GradientPath] = []
        var neurons = [focus.neuron]
        // Depth-first in lexicographic order, carrying the product of the factors so far.
        func extend(_ product: Real) {
            guard listed.count < PathSummary.maximumListed else { return }
            let m = l + neurons.count - 1
            let j = neurons.last! - 1
            if m == L {
                listed.append(GradientPath(neurons: neurons, product: arithmetic.multiply(product, outputError[j])))
                return
            }
            // A hidden layer's activation is elementwise: its Jacobian is diagonal.
            guard case .diagonal(let derivative) = layers[m].derivative! else { return }
            let throughNeuron = arithmetic.multiply(product, derivative[j])
            for next in 0..<network.layers[m + 1] {
                neurons.append(next + 1)
                extend(arithmetic.multiply(throughNeuron, weights[m][next][j]))
                neurons.removeLast()
            }
        }
        extend(start)
        return PathSummary(count: count, listed: listed)
    }
}
