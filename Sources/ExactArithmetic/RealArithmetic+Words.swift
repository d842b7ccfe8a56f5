extension RealArithmetic {
    /// Both operands as `WordEnclosure`s — the allocation-free fast path — when the working
    /// precision is at most 128 bits and both fit (enclosures at that precision, exact values with
    /// word-sized numerator and denominator); nil sends the operation to `Enclosure`.
    func wordOperands(_ a: Real, _ b: Real) -> (WordEnclosure, WordEnclosure)? {
        guard precision <= 128, let x = wordEnclosure(a), let y = wordEnclosure(b) else { return nil }
        return (x, y)
    }

    private func wordEnclosure(_ x: Real) -> WordEnclosure? {
        switch x.storage {
        case .exact(let r): WordEnclosure(bracketing: r)
        case .enclosure(let e): WordEnclosure(e)
        }
    }
}
