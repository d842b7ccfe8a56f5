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

/// Decides the exercises of a spec: its own list with missing indices filled in, or the seed's
/// five chosen for the architecture at hand.
///
/// Defaults, with l the focus layer: the other weight is w⁽ˡ⁾ with the last row and column
/// (w⁽¹⁾₂,₃ in the [3, 2, 2, 1] seed), else another weight of layer l, else one of another
/// layer; the deeper weight is w⁽ˡ⁺¹⁾₁,ₙ (w⁽²⁾₁,₂; the layer before when l is the output);
/// the gradient matrix is that of layer l, checked at the other weight's entry.
enum ExercisePlan {
    static func resolve(_ spec: Spec) -> [PlannedExercise] {
        let requests = spec.exercises ?? [
            ExerciseRequest(kind: .biasGradients), ExerciseRequest(kind: .weightGradient),
            ExerciseRequest(kind: .deeperWeight), ExerciseRequest(kind: .gradientMatrix),
            ExerciseRequest(kind: .sgdStep),
        ]
        return requests.map { request in
            switch request.kind {
            case .biasGradients: return .biasGradients
            case .sgdStep: return .sgdStep
            case .weightGradient: return .weightGradient(request.weight ?? otherWeight(spec))
            case .deeperWeight: return .deeperWeight(request.weight ?? deeperWeight(spec))
            case .gradientMatrix:
                let l = request.layer ?? spec.focus.layer
                if let entry = request.entry { return .gradientMatrix(layer: l, row: entry[0], column: entry[1]) }
                let other = otherWeight(spec)
                if other.layer == l { return .gradientMatrix(layer: l, row: other.to, column: other.from) }
                return .gradientMatrix(layer: l, row: spec.network.layers[l], column: spec.network.layers[l - 1])
            }
        }
    }

    /// A weight other than the focus, in the focus layer when it has another.
    static func otherWeight(_ spec: Spec) -> WeightIndex {
        let layers = spec.network.layers
        let l = spec.focus.layer
        let candidates = [
            WeightIndex(layer: l, to: layers[l], from: layers[l - 1]),
            WeightIndex(layer: l, to: 1, from: layers[l - 1]),
            WeightIndex(layer: l, to: layers[l], from: 1),
        ]
        if let different = candidates.first(where: { $0.parameter != spec.focus }) { return different }
        let m = l < spec.network.outputLayer ? l + 1 : max(1, l - 1)
        return WeightIndex(layer: m, to: layers[m], from: layers[m - 1])
    }

    /// A weight of the layer after the focus layer (the one before when the focus is in the
    /// output layer).
    static func deeperWeight(_ spec: Spec) -> WeightIndex {
        let layers = spec.network.layers
        let l = spec.focus.layer
        let m = l < spec.network.outputLayer ? l + 1 : max(1, l - 1)
        return WeightIndex(layer: m, to: 1, from: layers[m - 1])
    }
}
