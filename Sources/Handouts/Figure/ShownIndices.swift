/// Which entries of a long list a handout shows: all of them up to a limit, otherwise the
/// entries that must stay visible (the focus neuron, the neurons of the paths written out),
/// the last, and as many of the first as fill the limit, with a gap marker where a run is left
/// out. One decision per layer (`Derivation.shown`) serves the figure, the parameter table, the
/// vectors and the worked steps alike.
struct ShownIndices: Equatable {
    /// 0-based indices in order; `nil` stands for a run that is left out (drawn as ⋯ or ⋮).
    let entries: [Int?]
    /// How many indices there are in all, shown or not.
    let count: Int

    /// All of `count` indices up to `limit`; beyond it `limit` of them (more when `required`
    /// alone needs more): every required index, the last, and the first ones.
    init(count: Int, limit: Int, keeping required: Set<Int> = []) {
        guard count > limit else {
            self.init(count: count, kept: Set(0..<count))
            return
        }
        var kept = required.filter { (0..<count).contains($0) }.union([count - 1])
        var next = 0
        repeat {
            kept.insert(next)
            next += 1
        } while kept.count < limit && next < count
        self.init(count: count, kept: kept)
    }

    /// Exactly the indices `kept`.
    init(count: Int, kept: Set<Int>) {
        self.count = count
        var entries: [Int?] = []
        var previous = -1
        for index in kept.sorted() where (0..<count).contains(index) {
            if index > previous + 1 { entries.append(nil) }
            entries.append(index)
            previous = index
        }
        if previous < count - 1 { entries.append(nil) }
        self.entries = entries
    }

    /// Every one of `count` indices.
    static func all(_ count: Int) -> ShownIndices { ShownIndices(count: count, kept: Set(0..<count)) }

    /// The shown indices, without gap markers.
    var indices: [Int] { entries.compactMap { $0 } }

    /// Whether every index is shown.
    var isComplete: Bool { indices.count == count }

    /// The indices left out, 0-based, ascending.
    var omitted: [Int] {
        let shown = Set(indices)
        return (0..<count).filter { !shown.contains($0) }
    }
}

/// 1-based indices as a reader writes them: runs of three or more as ranges, the last joined
/// with "and" — `1–6, 10 and 12`, `7`, `7 and 9`.
enum IndexList {
    static func text(_ oneBased: [Int]) -> String {
        var runs: [String] = []
        var start = 0
        while start < oneBased.count {
            var end = start
            while end + 1 < oneBased.count && oneBased[end + 1] == oneBased[end] + 1 { end += 1 }
            if end - start >= 2 {
                runs.append("\(oneBased[start])–\(oneBased[end])")
            } else {
                runs.append(contentsOf: oneBased[start...end].map(String.init))
            }
            start = end + 1
        }
        guard runs.count > 1 else { return runs.first ?? "" }
        return runs.dropLast().joined(separator: ", ") + " and " + runs.last!
    }
}
