import ExactArithmetic

/// Every intermediate of one forward and backward pass, one finite-difference check and one
/// SGD step, each value exact or certified; for a mini-batch also every sample's pass and the
/// means, and for `training` the losses of every step. Handouts, exercises and answer keys are rendered
/// from this; `worked-backprop trace` prints it as JSON.
public struct Trace: Sendable {
    public var spec: Spec
    /// Bits of the enclosures of non-exact values.
    public var precision: Int
    /// Every value of the pass of the sample worked in full: the only one, or the first of
    /// a batch. `layers`, `loss`, `deltas` and the gradients below are its values.
    public var worked: SampleValues
    /// The chain-rule paths of the worked sample.
    public var paths: PathSummary
    /// The check of the focus gradient of the loss: of the batch's mean loss for a batch.
    public var finiteDifference: FiniteDifferenceCheck
    /// One SGD step on the gradient of the loss (the batch mean for a batch).
    public var update: SGDUpdate
    /// Every sample's pass and the means; `nil` unless the spec gave a batch.
    public var batch: BatchValues?
    /// The steps of the spec's `training`; `nil` without it.
    public var training: TrainingRun?

    /// `layers[0]` is the input (`a` only); `layers[l]` holds z⁽ˡ⁾, a⁽ˡ⁾ and f′(z⁽ˡ⁾).
    public var layers: [LayerValues] { worked.layers }
    /// The worked sample's loss.
    public var loss: Real { worked.loss }
    /// ∇ₐL, the derivative of the loss with respect to the output activations.
    public var lossGradient: [Real] { worked.lossGradient }
    /// `deltas[l]` is δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ for l ≥ 1; `deltas[0]` is empty.
    public var deltas: [[Real]] { worked.deltas }
    /// `propagated[l]` is (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ for 1 ≤ l < L (step (i) of BP2); empty elsewhere.
    public var propagated: [[Real]] { worked.propagated }
    /// `weightGradients[l-1][j-1][k-1]` is ∂L/∂w⁽ˡ⁾ⱼ,ₖ.
    public var weightGradients: [[[Real]]] { worked.weightGradients }
    /// `biasGradients[l-1][j-1]` is ∂L/∂b⁽ˡ⁾ⱼ.
    public var biasGradients: [[Real]] { worked.biasGradients }

    /// ∂C/∂(focus parameter) of the loss as a whole: the batch mean for a batch, else
    /// `focusGradient`.
    public var meanFocusGradient: Real {
        guard let batch else { return focusGradient }
        switch spec.focus {
        case .weight(let l, let j, let k): return batch.weightGradients[l - 1][j - 1][k - 1]
        case .bias(let l, let j): return batch.biasGradients[l - 1][j - 1]
        }
    }

    /// ∂L/∂(focus parameter) of the worked sample.
    public var focusGradient: Real {
        switch spec.focus {
        case .weight(let l, let j, let k): return weightGradients[l - 1][j - 1][k - 1]
        case .bias(let l, let j): return biasGradients[l - 1][j - 1]
        }
    }
}

/// The values of one layer.
public struct LayerValues: Sendable {
    /// z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾; `nil` for the input layer.
    public var z: [Real]?
    /// a⁽ˡ⁾ = f(z⁽ˡ⁾); the input x for layer 0.
    public var a: [Real]
    /// f′(z⁽ˡ⁾); `nil` for the input layer.
    public var derivative: ActivationDerivative?
}

/// The derivative of a layer's activation at its pre-activations.
public enum ActivationDerivative: Sendable {
    /// f′(zⱼ) of an elementwise activation: the diagonal of the Jacobian.
    case diagonal([Real])
    /// The full Jacobian ∂aᵢ/∂zⱼ (softmax).
    case jacobian([[Real]])
}

/// The chain-rule paths from the focus parameter to the loss.
public struct PathSummary: Sendable {
    /// The most paths listed one by one; more are counted and summed, not listed.
    public static let maximumListed = 1000

    /// Number of paths: the product of the widths of the layers after the focus layer.
    public var count: Int
    /// The first paths in lexicographic order of their neurons, at most `maximumListed`.
    public var listed: [GradientPath]
}

/// One route from the focus parameter to the loss.
public struct GradientPath: Sendable {
    /// 1-based neuron indices in layers l, l + 1, …, L, starting at the focus neuron.
    public var neurons: [Int]
    /// The product of the local derivatives along the path:
    /// (a⁽ˡ⁻¹⁾ₖ or 1) · Π f′(z⁽ᵐ⁾) · w⁽ᵐ⁺¹⁾ … · δ⁽ᴸ⁾ at the last neuron.
    public var product: Real
    /// Whether the path contributes: its product is not exactly zero.
    public var isActive: Bool { !(product.exactValue?.isZero ?? false) }
}

/// The centred finite-difference check, computed in IEEE double as practitioners do.
public struct FiniteDifferenceCheck: Sendable {
    /// ε as a double.
    public var epsilon: Double
    /// L with the focus parameter increased / decreased by ε, in double.
    public var lossPlus: Double
    public var lossMinus: Double
    /// (L⁺ − L⁻) / (2ε), in double.
    public var estimate: Double
    /// The backpropagated value it is compared with.
    public var analytic: Real
    /// |FD − BP| / |BP|; `nil` when BP is exactly 0 or FD is not a finite double.
    public var relativeError: Real?
    /// |FD − BP| / (|FD| + |BP|); 0 when both are exactly 0; `nil` when FD is not finite.
    public var symmetricRelativeError: Real?
    /// Why FD is not a finite double (an overflow, a logarithm of a value rounded to 0), or
    /// `nil` when it is finite.
    public var limitation: DoubleLimitation?
}

/// One step of gradient descent on the sample (or the batch), and its effect on the loss.
public struct SGDUpdate: Sendable {
    public var learningRate: Rational
    /// The 0-based samples whose mean gradient the step takes: all of them, or with
    /// `training` those of its first step.
    public var samples: [Int]
    /// The gradient the step takes, indexed like `Trace.weightGradients`: the worked sample's,
    /// or the mean over `samples`.
    public var weightGradients: [[[Real]]]
    public var biasGradients: [[Real]]
    /// W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾, indexed like `Network.weights`.
    public var weights: [[[Real]]]
    /// b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾.
    public var biases: [[Real]]
    /// The worked sample's forward pass with the updated parameters.
    public var layers: [LayerValues]
    /// Each sample's loss after the step, in the spec's order.
    public var sampleLosses: [Real]
    /// The loss after the step (the batch's mean loss for a batch).
    public var loss: Real
    /// New loss − old loss (negative when the loss decreased).
    public var change: Real
}
