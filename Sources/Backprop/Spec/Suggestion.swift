/// "Did you mean …?" for near misses of names and keys.
enum Suggestion {
    /// The candidate closest to `word` (case-insensitive), if it is close enough to be a
    /// plausible typo: at most a third of the longer word's length, and at least 1 edit.
    ///
    /// Candidates whose length alone rules them out are skipped before any distance is
    /// computed, so a hostile megabyte-long key costs O(n), not O(n · candidates).
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let length = word.count
        func threshold(_ candidate: String) -> Int { max(1, max(length, candidate.count) / 3) }
        let plausible = candidates.filter { abs($0.count - length) <= threshold($0) }
        guard !plausible.isEmpty else { return nil }
        let lowered = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in plausible {
            let d = distance(lowered, Array(candidate.lowercased()))
            if d <= threshold(candidate), best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// Edit distance counting an insertion, a deletion, a substitution or a swap of two
    /// neighbouring characters as one edit (optimal string alignment), so "tahn" is one edit
    /// from "tanh". O(|a|·|b|).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var beforePrevious: [Int] = []
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
                if i > 0, j > 0, ca == b[j - 1], a[i - 1] == cb {
                    current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
