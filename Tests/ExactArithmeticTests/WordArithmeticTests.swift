import Testing
@testable import ExactArithmetic

// The machine-word fast path (WordDyadic, WordEnclosure, word rounding to decimal digits) checked
// against exact Rational / BigInt arithmetic: every bound is on the right side of the exact
// result and within one unit in the 128th bit of it, and the digits it certifies are exactly
// those the exact path prints.

private func rational(_ d: WordDyadic) -> Rational { d.dyadic.rational }

private func power(_ k: Int) -> Rational {
    k >= 0 ? Rational(BigInt(1) << k) : Rational(1, BigInt(1) << -k)
}

/// One unit in the last (128th) bit of a nonzero bound.
private func ulp(_ d: WordDyadic) -> Rational { power(d.exponent) }

/// A random magnitude of 1 to 128 bits (often with long runs of ones or zeros) and a random
/// exponent from `exponents`.
private func randomWord(_ random: inout SplitMix64, exponents: ClosedRange<Int>) -> WordDyadic {
    let bits = 1 + random.below(128)
    var m = UInt128(random.next()) << 64 | UInt128(random.next())
    switch random.below(4) {
    case 0: m = UInt128.max
    case 1: m = 1 << 127 | UInt128(random.next() & 1)
    default: break
    }
    m >>= 128 - bits
    if m == 0 { m = 1 }
    return WordDyadic(negative: random.below(2) == 0, magnitude: m, exponent: random.below(exponents.count) + exponents.lowerBound)
}

/// Whether `lower` ≤ x ≤ `upper`, each within one unit in its last place of x.
private func isTightEnclosure(_ lower: WordDyadic, _ upper: WordDyadic, of x: Rational) -> Bool {
    let low = rational(lower), high = rational(upper)
    guard low <= x, x <= high else { return false }
    if x.isZero { return lower.isZero && upper.isZero }
    return x - low < ulp(lower) && high - x < ulp(upper)
}

@Test(arguments: [(-10...10), (-300...300), (-5000...5000), (20_000...20_100), (-20_100...(-20_000))])
func wordProductsAreTightDirectedRoundings(exponents: ClosedRange<Int>) {
    var random = SplitMix64(seed: 15, stream: UInt64(exponents.lowerBound.magnitude))
    for _ in 0..<200 {
        let a = randomWord(&random, exponents: exponents), b = randomWord(&random, exponents: exponents)
        let exact = rational(a) * rational(b)
        #expect(isTightEnclosure(WordDyadic.multiply(a, b, .down), WordDyadic.multiply(a, b, .up), of: exact), "\(a) × \(b)")
    }
}

@Test(arguments: [0, 1, 64, 126, 127, 128, 129, 200, 255, 256, 257, 400, 100_000])
func wordSumsAreTightDirectedRoundings(exponentGap: Int) {
    var random = SplitMix64(seed: 16, stream: UInt64(exponentGap))
    for _ in 0..<300 {
        let a = randomWord(&random, exponents: -40...40)
        var b = randomWord(&random, exponents: 0...0)
        b = WordDyadic(negative: b.negative, magnitude: b.magnitude, exponent: a.exponent - exponentGap + random.below(3) - 1)
        let exact = rational(a) + rational(b)
        let lower = WordDyadic.add(a, b, .down), upper = WordDyadic.add(a, b, .up)
        #expect(isTightEnclosure(lower, upper, of: exact), "\(a) + \(b)")
        #expect(WordDyadic.add(b, a, .down) == lower && WordDyadic.add(b, a, .up) == upper)
    }
}

@Test func wordArithmeticIsExactWhenTheResultFits() {
    let three = WordDyadic(negative: false, magnitude: 3, exponent: -1)
    let minusFive = WordDyadic(negative: true, magnitude: 5, exponent: 2)
    for direction in [RoundingDirection.down, .up] {
        #expect(rational(WordDyadic.multiply(three, minusFive, direction)) == Rational(-30))
        #expect(rational(WordDyadic.add(three, minusFive, direction)) == Rational(-37, 2))
        #expect(WordDyadic.add(three, -three, direction).isZero)
        #expect(WordDyadic.multiply(three, .zero, direction).isZero)
    }
    // 2^128 − 1 plus one unit carries into a 129th bit and stays exact at 2^128.
    let ones = WordDyadic(negative: false, magnitude: .max, exponent: 0)
    let one = WordDyadic(negative: false, magnitude: 1, exponent: 0)
    #expect(rational(WordDyadic.add(ones, one, .down)) == power(128))
    // Subnormal-like and huge exponents far outside double's range stay exact.
    let tiny = WordDyadic(negative: false, magnitude: 7, exponent: -1_000_000)
    #expect(rational(WordDyadic.multiply(tiny, tiny, .up)) == Rational(49) * power(-2_000_000))
}

@Test func wordBracketsOfFractionsAreTight() {
    var random = SplitMix64(seed: 17)
    var cases: [(Int, Int)] = [(1, 3), (-1, 3), (2, 3), (1, 10), (-7, 1000), (123_456_789, 1_000_000_007), (Int.max, 3),
                               (Int.min, 7), (1, Int.max), (5, 8), (-3, 1), (0, 7), (1, 1 << 62)]
    for _ in 0..<300 { cases.append((Int(truncatingIfNeeded: random.next()), 1 + random.below(1 << 40))) }
    for (n, d) in cases {
        let (lower, upper) = WordDyadic.bracket(n, d)
        #expect(isTightEnclosure(lower, upper, of: Rational(BigInt(n), BigInt(d))), "\(n)/\(d)")
        if d & (d - 1) == 0 { #expect(lower == upper) }
    }
}

@Test func wordDyadicsRoundTripThroughDyadic() {
    var random = SplitMix64(seed: 18)
    for _ in 0..<300 {
        let w = randomWord(&random, exponents: -3000...3000)
        #expect(WordDyadic(w.dyadic) == w)
    }
    #expect(WordDyadic(Dyadic(BigInt(1) << 128, 0)) == nil)  // 129 bits: the BigInt path
}

@Test(arguments: [16, 64, 100, 127])
func wordRoundingToFewerBitsIsDirected(bits: Int) {
    var random = SplitMix64(seed: 19, stream: UInt64(bits))
    for _ in 0..<300 {
        let w = randomWord(&random, exponents: -500...500)
        let down = w.rounded(bits, .down), up = w.rounded(bits, .up)
        #expect(rational(down) <= rational(w) && rational(w) <= rational(up))
        #expect(down.magnitude.trailingZeroBitCount >= 128 - bits && up.magnitude.trailingZeroBitCount >= 128 - bits)
    }
}

@Test(arguments: [1, 2, 5, 17, 30, 35, 38])
func wordDecimalRoundingMatchesTheBigIntPath(digits n: Int) {
    var random = SplitMix64(seed: 20, stream: UInt64(n))
    var values: [WordDyadic] = (0..<400).map { _ in randomWord(&random, exponents: -200...40) }
    // Exact ties at the rounding digit: (2m + 1) / 2 with m of n digits rounds half away from zero.
    for _ in 0..<50 {
        let m = UInt128(random.next()) % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000
        values.append(WordDyadic(negative: false, magnitude: 2 * m + 1, exponent: -1))
    }
    var covered = 0
    for v in values {
        let reference = DecimalRendering.roundSignificant(mantissa: v.dyadic.mantissa.magnitude, exponent: v.dyadic.exponent, n)
        guard let words = DecimalRendering.roundSignificant(words: v, n) else { continue }
        covered += 1
        #expect(reference.map { $0.0 == BigInt(words.digits) && $0.1 == words.scale } == true, "\(v) to \(n) digits")
    }
    #expect(covered > 100)
}

@Test func wordDecimalRoundingFallsBackOutsideItsRange() {
    let tiny = WordDyadic(negative: false, magnitude: 1, exponent: -2000)
    let huge = WordDyadic(negative: false, magnitude: 1, exponent: 200)
    let one = WordDyadic(negative: false, magnitude: 1, exponent: 0)
    #expect(DecimalRendering.roundSignificant(words: tiny, 30) == nil)
    #expect(DecimalRendering.roundSignificant(words: huge, 30) == nil)
    #expect(DecimalRendering.roundSignificant(words: one, 39) == nil)
    #expect(DecimalRendering.roundSignificant(words: .zero, 5) == nil)
}

/// What the exact path prints for an enclosure: both endpoints rendered from their rationals,
/// the digits when they agree.
private func exactPathText(_ lower: Dyadic, _ upper: Dyadic, _ format: DecimalFormat) -> String? {
    let e = Enclosure(lower: lower, upper: upper)
    guard !e.containsZero, !lower.isZero, !upper.isZero else { return nil }
    let low = DecimalRendering(lower.rational.magnitude, negative: e.isNegative, format, exactValue: false)
    let high = DecimalRendering(upper.rational.magnitude, negative: e.isNegative, format, exactValue: false)
    return low == high ? low.formatted.text : nil
}

@Test(arguments: [3, 12, 30, 38])
func wordFormattingClaimsNoDigitTheExactPathWouldNotPrint(digits n: Int) {
    var random = SplitMix64(seed: 21, stream: UInt64(n))
    let format = DecimalFormat(.significantDigits(n), scientificBelow: Rational(1, 100_000), scientificFrom: Rational(BigInt(10).power(15)))
    var certified = 0, undecided = 0
    for i in 0..<600 {
        let drawn = randomWord(&random, exponents: -150...10)
        let centre = WordDyadic(negative: false, magnitude: drawn.magnitude, exponent: drawn.exponent)
        // Widths from one unit in the last place up to far beyond the digits shown; every
        // third enclosure straddles the point halfway between two n-digit decimals.
        let widthBits = random.below(130 - n * 10 / 3)
        var lower = centre, upper = WordDyadic.add(centre, WordDyadic(negative: false, magnitude: 1, exponent: centre.exponent + widthBits), .up)
        if i % 3 == 0, let (digits, scale) = DecimalRendering.roundSignificant(words: centre, n) {
            let half = (Rational(BigInt(digits)) - Rational(1, 2)) * (scale >= 0 ? Rational(BigInt(10).power(scale)) : Rational(1, BigInt(10).power(-scale)))
            let tie = Dyadic.bracket(half.magnitude, 200)
            if let below = WordDyadic(tie.lower.rounded(128, .down)), let above = WordDyadic(tie.upper.rounded(128, .up)) {
                lower = WordDyadic.add(below, WordDyadic(negative: true, magnitude: 1, exponent: below.exponent + random.below(3)), .down)
                upper = above
            }
        }
        if drawn.negative { (lower, upper) = (-upper, -lower) }
        let real = Real(enclosure: Enclosure(lower: lower.dyadic, upper: upper.dyadic))
        let shown = real.formatted(format)
        let expected = exactPathText(lower.dyadic, upper.dyadic, format)
        #expect(shown?.text == expected, "[\(lower), \(upper)] to \(n) digits")
        #expect(shown?.isExact != true)
        if expected == nil { undecided += 1 } else { certified += 1 }
    }
    #expect(certified > 50 && undecided > 50)
}

@Test func wordEnclosureProductsFollowTheSignCases() {
    var random = SplitMix64(seed: 22)
    for _ in 0..<400 {
        let points = (0..<4).map { _ in randomWord(&random, exponents: -20...20) }
        let a = WordEnclosure(lower: min(points[0], points[1]), upper: max(points[0], points[1]))
        let b = WordEnclosure(lower: min(points[2], points[3]), upper: max(points[2], points[3]))
        let product = WordEnclosure.multiply(a, b), sum = WordEnclosure.add(a, b)
        let corners = [rational(a.lower) * rational(b.lower), rational(a.lower) * rational(b.upper),
                       rational(a.upper) * rational(b.lower), rational(a.upper) * rational(b.upper)]
        #expect(rational(product.lower) <= corners.min()! && corners.max()! <= rational(product.upper))
        #expect(corners.min()! - rational(product.lower) < ulp(product.lower) && rational(product.upper) - corners.max()! < ulp(product.upper))
        #expect(rational(sum.lower) <= rational(a.lower) + rational(b.lower) && rational(a.upper) + rational(b.upper) <= rational(sum.upper))
    }
}

private func min(_ a: WordDyadic, _ b: WordDyadic) -> WordDyadic { WordDyadic.isBelow(b, a) ? b : a }
private func max(_ a: WordDyadic, _ b: WordDyadic) -> WordDyadic { WordDyadic.isBelow(a, b) ? b : a }

@Test func realArithmeticTakesTheWordPathOnlyWhereItFits() {
    let a128 = RealArithmetic(precision: 128), a256 = RealArithmetic(precision: 256)
    let third = a128.sigmoid(.exact(Rational(1, 3)))
    let w = Real.exact(Rational(-123, 1000))
    #expect(a128.wordOperands(third, w) != nil)
    #expect(a256.wordOperands(third, w) == nil)
    #expect(a128.wordOperands(third, .exact(Rational(1, BigInt(10).power(30)))) == nil)  // a denominator beyond a word
    // Both paths enclose the same exact product and sum.
    let product = a128.multiply(third, w), sum = a128.add(third, w)
    let wide = a256.sigmoid(.exact(Rational(1, 3)))
    #expect(product.lowerBound <= wide.upperBound * Rational(-123, 1000) && wide.lowerBound * Rational(-123, 1000) <= product.upperBound)
    #expect(sum.lowerBound <= wide.upperBound - Rational(123, 1000) && wide.lowerBound - Rational(123, 1000) <= sum.upperBound)
}
