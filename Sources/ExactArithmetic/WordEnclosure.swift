/// A closed interval [lower, upper] with 128-bit endpoints in machine words: `Enclosure`'s
/// arithmetic without heap allocation, for working precisions up to 128 bits. Each operation
/// rounds the lower endpoint down and the upper one up, so the result contains every value the
/// operation can take on the operands' intervals; it is at most one 128-bit rounding wider
/// than `Enclosure`'s result at 128 bits.
struct WordEnclosure: Sendable, Equatable {
    var lower: WordDyadic
    var upper: WordDyadic

    init(lower: WordDyadic, upper: WordDyadic) {
        self.lower = lower
        self.upper = upper
    }

    /// The enclosure e exactly, or nil when an endpoint needs more than 128 bits.
    init?(_ e: Enclosure) {
        guard let lower = WordDyadic(e.lower), let upper = WordDyadic(e.upper) else { return nil }
        self.init(lower: lower, upper: upper)
    }

    /// Floor and ceiling of r at 128 bits, or nil unless its numerator and denominator are
    /// word-sized (decimals such as 0.123 are).
    init?(bracketing r: Rational) {
        guard let n = r.numerator.asInt, let d = r.denominator.asInt else { return nil }
        let (lower, upper) = WordDyadic.bracket(n, d)
        self.init(lower: lower, upper: upper)
    }

    /// The same interval as an `Enclosure`, its endpoints rounded outward to `bits` bits.
    func enclosure(_ bits: Int) -> Enclosure {
        Enclosure(lower: lower.rounded(bits, .down).dyadic, upper: upper.rounded(bits, .up).dyadic)
    }

    private var isZeroPoint: Bool { lower.isZero && upper.isZero }

    static prefix func - (a: WordEnclosure) -> WordEnclosure {
        WordEnclosure(lower: -a.upper, upper: -a.lower)
    }

    static func add(_ a: WordEnclosure, _ b: WordEnclosure) -> WordEnclosure {
        WordEnclosure(lower: WordDyadic.add(a.lower, b.lower, .down), upper: WordDyadic.add(a.upper, b.upper, .up))
    }

    /// Interval product by sign cases, as `Enclosure.multiply`.
    static func multiply(_ a: WordEnclosure, _ b: WordEnclosure) -> WordEnclosure {
        if a.isZeroPoint || b.isZeroPoint { return WordEnclosure(lower: .zero, upper: .zero) }
        if a.upper.signum() <= 0 { return -multiply(-a, b) }
        if b.upper.signum() <= 0 { return -multiply(a, -b) }
        func product(_ x: WordDyadic, _ y: WordDyadic, _ direction: RoundingDirection) -> WordDyadic {
            WordDyadic.multiply(x, y, direction)
        }
        switch (a.lower.signum() >= 0, b.lower.signum() >= 0) {
        case (true, true):
            return WordEnclosure(lower: product(a.lower, b.lower, .down), upper: product(a.upper, b.upper, .up))
        case (true, false):
            return WordEnclosure(lower: product(a.upper, b.lower, .down), upper: product(a.upper, b.upper, .up))
        case (false, true):
            return WordEnclosure(lower: product(a.lower, b.upper, .down), upper: product(a.upper, b.upper, .up))
        case (false, false):
            let lows = (product(a.lower, b.upper, .down), product(a.upper, b.lower, .down))
            let highs = (product(a.lower, b.lower, .up), product(a.upper, b.upper, .up))
            return WordEnclosure(lower: WordDyadic.isBelow(lows.0, lows.1) ? lows.0 : lows.1,
                                 upper: WordDyadic.isBelow(highs.0, highs.1) ? highs.1 : highs.0)
        }
    }
}

extension WordDyadic {
    /// Whether a < b.
    static func isBelow(_ a: WordDyadic, _ b: WordDyadic) -> Bool {
        if a.signum() != b.signum() { return a.signum() < b.signum() }
        if a.isZero { return false }
        let magnitudeBelow = a.exponent != b.exponent ? a.exponent < b.exponent : a.magnitude < b.magnitude
        let magnitudeAbove = a.exponent != b.exponent ? a.exponent > b.exponent : a.magnitude > b.magnitude
        return a.negative ? magnitudeAbove : magnitudeBelow
    }
}
