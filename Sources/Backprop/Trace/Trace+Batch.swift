import ExactArithmetic

/// Every value of one sample's forward and backward pass.
public struct SampleValues: Sendable {
    /// `layers[0]` is the input (`a` only); `layers[l]` holds z⁽ˡ⁾, a⁽ˡ⁾ and f′(z⁽ˡ⁾).
    public var layers: [LayerValues]
    /// This sample's loss C(x).
    public var loss: Real
    /// ∇ₐC for this sample.
    public var lossGradient: [Real]
    /// `deltas[l]` is δ⁽ˡ⁾ for l ≥ 1; `deltas[0]` is empty.
    public var deltas: [[Real]]
    /// `propagated[l]` is (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ for 1 ≤ l < L; empty elsewhere.
    public var propagated: [[Real]]
    /// `weightGradients[l-1][j-1][k-1]` is ∂C(x)/∂w⁽ˡ⁾ⱼ,ₖ.
    public var weightGradients: [[[Real]]]
    /// `biasGradients[l-1][j-1]` is ∂C(x)/∂b⁽ˡ⁾ⱼ.
    public var biasGradients: [[Real]]
}

/// The mini-batch: each sample's pass and the means over the batch.
public struct BatchValues: Sendable {
    /// One pass per sample, in the spec's order; `samples[0]` is the trace's own pass.
    public var samples: [SampleValues]
    /// C = (1/m) Σ C(xᵢ).
    public var loss: Real
    /// (1/m) Σ ∂C(xᵢ)/∂W⁽ˡ⁾, indexed like `Trace.weightGradients`.
    public var weightGradients: [[[Real]]]
    /// (1/m) Σ ∂C(xᵢ)/∂b⁽ˡ⁾.
    public var biasGradients: [[Real]]
}

/// Gradient-descent steps on the spec's data.
public struct TrainingRun: Sendable {
    public var training: Training
    /// The mean loss over all the samples before any step and after each: steps + 1 values.
    public var losses: [Real]
    /// The parameters after the last step, indexed like `Network.weights` and `Network.biases`.
    public var weights: [[[Real]]]
    public var biases: [[Real]]

    /// The 0-based epoch of step `step` (0-based): how many full passes over the data came
    /// before the step's first sample.
    public func epoch(ofStep step: Int, sampleCount: Int) -> Int {
        step * training.batchSize / sampleCount
    }
}
