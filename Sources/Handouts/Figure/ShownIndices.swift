/// Which entries of a long list a handout shows: all of them up to a limit, otherwise the
/// first ones, any that must stay visible (the focus neuron), and the last, with a gap marker
/// where a run is left out. Used by the network figure and by the parameter matrices.
struct ShownIndices: Equatable {
    /// 0-based indices in order; `nil` stands for a run that is left out (drawn as ⋯ or ⋮).
    let entries: [Int?]
    /// Whether every index is shown.
    let isComplete: Bool

    init(count: Int, limit: Int, keeping required: Set<Int> = []) {
        guard count > limit else {
            entries = Array(0..<count)
            isComplete = true
            return
        }
        let kept = Set(0..<max(limit - 1 - required.count, 1)).union(required).union([count - 1])
        var entries: [Int?] = []
        var previous = -1
        for index in kept.sorted() {
            if index > previous + 1 { entries.append(nil) }
            entries.append(index)
            previous = index
        }
        self.entries = entries
        isComplete = false
    }

    /// The shown indices, without gap markers.
    var indices: [Int] { entries.compactMap { $0 } }
}
