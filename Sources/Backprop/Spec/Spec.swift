import ExactArithmetic

/// A validated description of one network, its training data (one sample or a mini-batch),
/// what the worked example is about and, optionally, a run of gradient-descent steps. Every
/// number is an exact rational read from the spec's text.
public struct Spec: Hashable, Sendable {
    /// Optional user text for the title block.
    public var title: String?
    public var subtitle: String?
    public var author: String?
    public var course: String?
    public var date: String?
    public var network: Network
    /// The training data: one sample, or the samples of a mini-batch in the spec's order.
    /// Never empty.
    public var samples: [Sample]
    /// Whether the spec gave a mini-batch (`"batch"`), even of one sample, rather than one
    /// `"sample"`. The loss of a batch is the mean of its samples' losses.
    public var isBatch: Bool
    public var focus: Focus
    /// η for the SGD step.
    public var learningRate: Rational
    /// ε for the centred finite difference.
    public var epsilon: Rational
    /// The exercises of an exercise sheet; `nil` lets the generator choose the classic five.
    public var exercises: [ExerciseRequest]?
    /// Gradient-descent steps to take and show; `nil` for none beyond the one SGD step.
    public var training: Training?

    /// A spec with one sample, or with the mini-batch `batch` when it is given (then `sample`
    /// is ignored).
    public init(
        title: String? = nil, subtitle: String? = nil, author: String? = nil, course: String? = nil,
        date: String? = nil, network: Network, sample: Sample, batch: [Sample]? = nil, focus: Focus,
        learningRate: Rational, epsilon: Rational, exercises: [ExerciseRequest]? = nil,
        training: Training? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.course = course
        self.date = date
        self.network = network
        if let batch, !batch.isEmpty {
            self.samples = batch
            self.isBatch = true
        } else {
            self.samples = [sample]
            self.isBatch = false
        }
        self.focus = focus
        self.learningRate = learningRate
        self.epsilon = epsilon
        self.exercises = exercises
        self.training = training
    }

    /// The sample worked in full: the only one, or the first of the batch.
    public var sample: Sample {
        get { samples[0] }
        set { samples[0] = newValue }
    }
}

/// Gradient-descent steps on the spec's samples.
public struct Training: Hashable, Sendable {
    /// How many steps to take (at least 1).
    public var steps: Int
    /// How many samples each step averages over: the next `batchSize` samples in order,
    /// cycling through the data (each pass is an epoch).
    public var batchSize: Int

    public init(steps: Int, batchSize: Int) {
        self.steps = steps
        self.batchSize = batchSize
    }

    /// The 0-based indices of the samples step `step` (0-based) uses, out of `count`.
    public func sampleIndices(ofStep step: Int, count: Int) -> [Int] {
        (0..<batchSize).map { (step * batchSize + $0) % count }
    }
}

/// A dense feed-forward network: `layers[0]` is the input width, `layers[l]` the width of
/// layer l. Weights and biases are indexed from layer 1: `weights[l-1][j-1][k-1]` is w⁽ˡ⁾ⱼ,ₖ.
public struct Network: Hashable, Sendable {
    public var layers: [Int]
    /// One activation per non-input layer (`activations[l-1]` for layer l).
    public var activations: [Activation]
    public var loss: Loss
    public var weights: [[[Rational]]]
    public var biases: [[Rational]]

    public init(layers: [Int], activations: [Activation], loss: Loss, weights: [[[Rational]]], biases: [[Rational]]) {
        self.layers = layers
        self.activations = activations
        self.loss = loss
        self.weights = weights
        self.biases = biases
    }

    /// L, the index of the output layer.
    public var outputLayer: Int { layers.count - 1 }

    /// The activation of layer `l` (1…L).
    public func activation(ofLayer l: Int) -> Activation { activations[l - 1] }

    /// The number of weights and biases.
    public var parameterCount: Int {
        (1..<layers.count).reduce(0) { $0 + layers[$1] * layers[$1 - 1] + layers[$1] }
    }
}

/// One training sample.
public struct Sample: Hashable, Sendable {
    public var input: [Rational]
    public var target: [Rational]

    public init(input: [Rational], target: [Rational]) {
        self.input = input
        self.target = target
    }
}

/// The parameter the worked example differentiates with respect to (1-based indices).
public enum Focus: Hashable, Sendable {
    /// w⁽ˡ⁾ⱼ,ₖ: the weight to neuron j of layer l from neuron k of layer l − 1.
    case weight(layer: Int, to: Int, from: Int)
    /// b⁽ˡ⁾ⱼ.
    case bias(layer: Int, neuron: Int)

    /// The layer l of the parameter.
    public var layer: Int {
        switch self {
        case .weight(let l, _, _), .bias(let l, _): return l
        }
    }

    /// The neuron j of layer l the parameter feeds.
    public var neuron: Int {
        switch self {
        case .weight(_, let j, _), .bias(_, let j): return j
        }
    }
}

/// An activation function applied by a layer.
public enum Activation: String, CaseIterable, Hashable, Sendable {
    case sigmoid, tanh, relu, linear, softmax

    /// Whether it acts on each neuron alone (all but softmax), so its Jacobian is diagonal.
    public var isElementwise: Bool { self != .softmax }
}

/// The loss of one sample.
public enum Loss: String, CaseIterable, Hashable, Sendable {
    /// ½‖a⁽ᴸ⁾ − y‖².
    case mse
    /// −Σ yᵢ log aᵢ with a softmax output; −[y log a + (1 − y) log(1 − a)] with one sigmoid output.
    case crossEntropy = "cross-entropy"
}
