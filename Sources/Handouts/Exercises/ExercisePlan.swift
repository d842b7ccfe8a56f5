import Backprop

/// An exercise with every index decided.
enum PlannedExercise: Hashable, Sendable {
    case biasGradients
    case weightGradient(WeightIndex)
    case deeperWeight(WeightIndex)
    case gradientMatrix(layer: Int, row: Int, column: Int)
    case sgdStep

    var kind: ExerciseKind {
        switch self {
        case .biasGradients: return .biasGradients
        case .weightGradient: return .weightGradient
        case .deeperWeight: return .deeperWeight
        case .gradientMatrix: return .gradientMatrix
        case .sgdStep: return .sgdStep
        }
    }

    /// The request that gives exactly this exercise (what a variant's spec.json records).
    var request: ExerciseRequest {
        switch self {
        case .biasGradients: return ExerciseRequest(kind: .biasGradients)
        case .weightGradient(let w): return ExerciseRequest(kind: .weightGradient, weight: w)
        case .deeperWeight(let w): return ExerciseRequest(kind: .deeperWeight, weight: w)
        case .gradientMatrix(let l, let j, let k): return ExerciseRequest(kind: .gradientMatrix, layer: l, entry: [j, k])
        case .sgdStep: return ExerciseRequest(kind: .sgdStep)
        }
    }
}

/// A default exercise that does not apply to the network, and why.
enum ExerciseOmission: Hashable, Sendable {
    /// No weight besides the focus (and the deeper weight, when there is one).
    case noOtherWeight(deeper: WeightIndex?)
    /// One layer of weights: none in another layer.
    case singleWeightLayer
    /// Every weight matrix is 1 × 1.
    case singleEntryMatrices

    var kind: ExerciseKind {
        switch self {
        case .noOtherWeight: return .weightGradient
        case .singleWeightLayer: return .deeperWeight
        case .singleEntryMatrices: return .gradientMatrix
        }
    }
}

/// Decides the exercises of a spec: its own list with missing indices filled in, or the seed's
/// five adapted to the architecture at hand, leaving out those that cannot apply.
///
/// Defaults, with l the focus layer: the other weight is w⁽ˡ⁾ with the last row and column
/// (w⁽¹⁾₂,₃ in the [3, 2, 2, 1] seed), else another weight of layer l, else a weight of another
/// layer that is not the deeper weight; the deeper weight is w⁽ˡ⁺¹⁾₁,ₙ (w⁽²⁾₁,₂; the layer
/// before when l is the output); the gradient matrix is that of layer l — or of the first
/// layer with more than one entry when layer l has one — checked at the other weight's entry
/// or else at an entry that is not the focus. Left out: the other weight when no weight is
/// left for it ([1, 1], [1, 1, 1]), the deeper weight when there is one layer of weights, the
/// gradient matrix when every matrix is 1 × 1 (a single gradient, not a matrix).
struct ExercisePlan {
    var exercises: [PlannedExercise]
    var omitted: [ExerciseOmission]

    static func resolve(_ spec: Spec) -> ExercisePlan {
        guard let requests = spec.exercises else { return defaults(spec) }
        return ExercisePlan(exercises: requests.map { request in
            switch request.kind {
            case .biasGradients: return .biasGradients
            case .sgdStep: return .sgdStep
            case .weightGradient: return .weightGradient(request.weight ?? otherWeight(spec) ?? firstWeight(spec))
            case .deeperWeight: return .deeperWeight(request.weight ?? deeperWeight(spec) ?? firstWeight(spec))
            case .gradientMatrix:
                let l = request.layer ?? spec.focus.layer
                if let entry = request.entry { return .gradientMatrix(layer: l, row: entry[0], column: entry[1]) }
                return checkedEntry(spec, layer: l)
            }
        }, omitted: [])
    }

    /// The classic five, each where it applies.
    private static func defaults(_ spec: Spec) -> ExercisePlan {
        var exercises: [PlannedExercise] = [.biasGradients]
        var omitted: [ExerciseOmission] = []
        let deeper = deeperWeight(spec)
        if let other = otherWeight(spec) {
            exercises.append(.weightGradient(other))
        } else {
            omitted.append(.noOtherWeight(deeper: deeper))
        }
        if let deeper {
            exercises.append(.deeperWeight(deeper))
        } else {
            omitted.append(.singleWeightLayer)
        }
        let layers = spec.network.layers
        let l = spec.focus.layer
        if layers[l] * layers[l - 1] > 1 {
            exercises.append(checkedEntry(spec, layer: l))
        } else if let m = (1..<layers.count).first(where: { layers[$0] * layers[$0 - 1] > 1 }) {
            exercises.append(checkedEntry(spec, layer: m))
        } else {
            omitted.append(.singleEntryMatrices)
        }
        exercises.append(.sgdStep)
        return ExercisePlan(exercises: exercises, omitted: omitted)
    }

    /// The gradient matrix of layer `l`, checked at the other weight's entry when it is in that
    /// layer, else at the last entry — or the first when the last is the focus.
    private static func checkedEntry(_ spec: Spec, layer l: Int) -> PlannedExercise {
        let layers = spec.network.layers
        if let other = otherWeight(spec), other.layer == l { return .gradientMatrix(layer: l, row: other.to, column: other.from) }
        let last = WeightIndex(layer: l, to: layers[l], from: layers[l - 1])
        if last.parameter != spec.focus { return .gradientMatrix(layer: l, row: last.to, column: last.from) }
        return .gradientMatrix(layer: l, row: 1, column: 1)
    }

    /// A weight other than the focus, in the focus layer when it has another, else in another
    /// layer and not the deeper weight; nil when there is none.
    static func otherWeight(_ spec: Spec) -> WeightIndex? {
        let layers = spec.network.layers
        let l = spec.focus.layer
        let candidates = [
            WeightIndex(layer: l, to: layers[l], from: layers[l - 1]),
            WeightIndex(layer: l, to: 1, from: layers[l - 1]),
            WeightIndex(layer: l, to: layers[l], from: 1),
        ]
        if let different = candidates.first(where: { $0.parameter != spec.focus }) { return different }
        let deeper = deeperWeight(spec)
        for m in 1..<layers.count where m != l {
            for j in stride(from: layers[m], through: 1, by: -1) {
                for k in stride(from: layers[m - 1], through: 1, by: -1) {
                    let w = WeightIndex(layer: m, to: j, from: k)
                    if w != deeper { return w }
                }
            }
        }
        return nil
    }

    /// A weight of the layer after the focus layer (the one before when the focus is in the
    /// output layer); nil when there is one layer of weights.
    static func deeperWeight(_ spec: Spec) -> WeightIndex? {
        let layers = spec.network.layers
        let l = spec.focus.layer
        guard spec.network.outputLayer > 1 else { return nil }
        let m = l < spec.network.outputLayer ? l + 1 : l - 1
        return WeightIndex(layer: m, to: 1, from: layers[m - 1])
    }

    /// w⁽¹⁾₁,₁, for an explicit request on a network with no other choice.
    private static func firstWeight(_ spec: Spec) -> WeightIndex { WeightIndex(layer: 1, to: 1, from: 1) }
}
