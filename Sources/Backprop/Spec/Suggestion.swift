/// "Did you mean …?" for near misses of names and keys.
enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive), if it is close
    /// enough to be a plausible typo: at most a third of the word's length, and at least 1.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(lowered, Array(candidate.lowercased()))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, lowered.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance. O(|a|·|b|).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
