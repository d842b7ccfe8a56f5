/// One exercise a spec asks for (`"exercises": [{"kind": …, …}]`). Indices left out are chosen
/// for the architecture by the exercise generator.
public struct ExerciseRequest: Hashable, Sendable {
    public var kind: ExerciseKind
    /// The weight of a `weight-gradient` or `deeper-weight` exercise.
    public var weight: WeightIndex?
    /// The layer of a `gradient-matrix` exercise.
    public var layer: Int?
    /// The entry (j, k) of the `gradient-matrix` exercise checked by finite differences.
    public var entry: [Int]?

    public init(kind: ExerciseKind, weight: WeightIndex? = nil, layer: Int? = nil, entry: [Int]? = nil) {
        self.kind = kind
        self.weight = weight
        self.layer = layer
        self.entry = entry
    }
}

/// The kinds of exercise, named as in the spec.
public enum ExerciseKind: String, CaseIterable, Hashable, Sendable {
    /// Every bias gradient of every layer (BP4).
    case biasGradients = "bias-gradients"
    /// Another weight's gradient: its paths, BP3, sign and magnitude against the focus gradient.
    case weightGradient = "weight-gradient"
    /// A weight of another (deeper) layer: paths, BP3 reusing δ, magnitudes through the number
    /// of squashing layers crossed.
    case deeperWeight = "deeper-weight"
    /// A full gradient matrix as the outer product δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ, one entry checked by finite
    /// differences.
    case gradientMatrix = "gradient-matrix"
    /// One SGD step with the spec's learning rate and the loss after it.
    case sgdStep = "sgd-step"

    /// The keys an exercise of this kind may have besides "kind".
    public var keys: [String] {
        switch self {
        case .biasGradients, .sgdStep: return []
        case .weightGradient, .deeperWeight: return ["weight"]
        case .gradientMatrix: return ["layer", "entry"]
        }
    }
}

/// w⁽ˡ⁾ⱼ,ₖ by its 1-based indices.
public struct WeightIndex: Hashable, Sendable {
    public var layer: Int
    public var to: Int
    public var from: Int

    public init(layer: Int, to: Int, from: Int) {
        self.layer = layer
        self.to = to
        self.from = from
    }

    /// The weight as a parameter.
    public var parameter: Focus { .weight(layer: layer, to: to, from: from) }
}
