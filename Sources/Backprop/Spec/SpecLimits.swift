import ExactArithmetic

/// Sizes a spec may not exceed. They are checked before anything is allocated for them, so
/// an absurd spec fails at once with a message instead of exhausting memory.
public enum SpecLimits {
    /// Bytes of spec text.
    public static let maximumSpecBytes = 64 << 20
    /// Entries of `network.layers`, the input layer included.
    public static let maximumLayerCount = 33
    /// Neurons in one layer.
    public static let maximumLayerWidth = 4096
    /// Weights and biases in the whole network.
    public static let maximumParameterCount = 2_000_000
    /// Characters in one number's text (`"0.1"`, `"1/3"`).
    public static let maximumNumberLength = 80
    /// Largest magnitude of a decimal exponent in a number's text (`1e-400` is refused).
    public static let maximumExponent = 300
    /// Largest magnitude of any parameter, input, target, ε or η.
    public static let maximumMagnitude = Rational(1_000_000)
    /// Nesting of arrays and objects in the spec's JSON (the spec itself needs 4).
    public static let maximumJSONDepth = 64
    /// Values (numbers, strings, arrays, objects) in the spec's JSON: room for the largest
    /// network's parameters, rows, sample and options. It bounds the parsed tree, which takes
    /// far more memory than the text: 8 MB of `[0,0,…]` would otherwise become 4 million values.
    public static let maximumJSONValues = 2_200_000
    /// Samples in a mini-batch.
    public static let maximumBatchSize = 1000
    /// Gradient-descent steps of `training`.
    public static let maximumTrainingSteps = 1000
    /// Work of `training`: steps × (samples per step + samples) × parameters. Every step is
    /// a certified backward pass per sample of its batch and a forward pass per sample for
    /// the loss, so this bounds the time a spec may ask for.
    public static let maximumTrainingWork = 10_000_000
    /// Characters in a title, author, course or date.
    public static let maximumTextLength = 500
}
