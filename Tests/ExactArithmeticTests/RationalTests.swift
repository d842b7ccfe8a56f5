import Testing
import ExactArithmetic

private func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(BigInt(n), BigInt(d)) }

@Test(arguments: [
    (q(2, 4), "1", "2"), (q(-2, 4), "-1", "2"), (q(2, -4), "-1", "2"), (q(-2, -4), "1", "2"),
    (q(0, -7), "0", "1"), (q(0, 5), "0", "1"), (q(6, 3), "2", "1"),
])
func normalisesSignAndLowestTerms(value: Rational, numerator: String, denominator: String) {
    #expect(value.numerator.description == numerator)
    #expect(value.denominator.description == denominator)
}

@Test func arithmeticStaysReduced() {
    #expect(q(1, 6) + q(1, 3) == q(1, 2))
    #expect((q(1, 6) + q(1, 3)).denominator == 2)
    #expect(q(1, 10) + q(2, 10) == q(3, 10))
    #expect(q(3, 4) - q(3, 4) == 0)
    #expect((q(3, 4) - q(3, 4)).denominator == 1)
    #expect(q(2, 3) * q(9, 4) == q(3, 2))
    #expect(q(2, 3) / q(-4, 9) == q(-3, 2))
    #expect(-q(1, 3) < q(-1, 4))
    #expect(q(-7, 2).magnitude == q(7, 2))
    #expect(q(4, 2).isInteger && !q(1, 2).isInteger)
}

@Test(arguments: [
    ("5", q(5)), ("-0", q(0)), ("0.1", q(1, 10)), ("-1.25e-3", q(-1, 800)), ("1E+2", q(100)),
    ("2.5e0", q(5, 2)), ("1e-1000", Rational(1, BigInt(10).power(1000))), ("1/3", q(1, 3)),
    ("-2/4", q(-1, 2)), ("0.5/3", q(1, 6)), ("1e2/4e1", q(5, 2)), ("0/5", q(0)),
    ("123456789012345678901234567890", Rational(BigInt("123456789012345678901234567890")!)),
])
func parsesNumbersAndFractions(text: String, value: Rational) throws {
    #expect(try Rational.parse(text) == value)
}

@Test(arguments: [
    ("", RationalParseError.invalidSyntax), (" 3 / 4 ", .invalidSyntax), ("3 /4", .invalidSyntax),
    ("+1", .invalidSyntax), (".5", .invalidSyntax), ("5.", .invalidSyntax), ("01", .invalidSyntax),
    ("1e", .invalidSyntax), ("1e+", .invalidSyntax), ("--1", .invalidSyntax), ("1/-3", .invalidSyntax),
    ("1/2/3", .invalidSyntax), ("0x10", .invalidSyntax), ("NaN", .invalidSyntax), ("1/", .invalidSyntax),
    ("/2", .invalidSyntax), ("1/0", .zeroDenominator), ("0/0.0", .zeroDenominator),
    ("1e1001", .exponentOutOfRange), ("1e-1001", .exponentOutOfRange), ("1e999999999", .exponentOutOfRange),
    ("1e99999999999999999999999999999999", .exponentOutOfRange), ("1/1e5000", .exponentOutOfRange),
])
func rejectsMalformedText(text: String, error: RationalParseError) {
    #expect(throws: error) { try Rational.parse(text) }
}

@Test func hostileExponentFailsFast() throws {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<1000 { _ = try? Rational.parse("1e999999999") }
    }
    #expect(elapsed < .seconds(1))
    #expect(throws: RationalParseError.exponentOutOfRange) { try Rational.parse("1e11", maxExponent: 10) }
    #expect(try Rational.parse("1e10", maxExponent: 10) == Rational(BigInt(10).power(10)))
}

@Test(arguments: [
    (q(1, 4), "0.25"), (q(-3), "-3"), (q(1, 1_000_000), "0.000001"), (q(0), "0"),
    (q(-1, 3), "-1/3"), (q(22, 7), "22/7"), (q(123_456, 1000), "123.456"), (q(-5, 8), "-0.625"),
    (q(1, 1024), "0.0009765625"), (Rational(BigInt(10).power(25)), "10000000000000000000000000"),
])
func describesExactly(value: Rational, text: String) {
    #expect(value.description == text)
    #expect(value.isFiniteDecimal == !text.contains("/"))
}

@Test(arguments: [
    (q(1, 10), 0.1), (q(1, 3), 1.0 / 3.0), (q(-2, 3), -2.0 / 3.0), (q(0), 0.0),
    // 2^53 + 1 is halfway between two doubles: ties to even gives 2^53.
    // 2^53 + 3 is halfway too: ties to even rounds up to 2^53 + 4.
    (Rational((BigInt(1) << 53) + 3), 9007199254740996.0),
    (Rational((BigInt(1) << 53) + 1), 9007199254740992.0),
    // Smallest subnormal, half of it (tie to even: 0), and three quarters of it (rounds up).
    (Rational(1, BigInt(1) << 1074), Double.leastNonzeroMagnitude),
    (Rational(1, BigInt(1) << 1075), 0.0),
    (Rational(3, BigInt(1) << 1076), Double.leastNonzeroMagnitude),
    (Rational(BigInt(3), BigInt(1) << 1075), 2 * Double.leastNonzeroMagnitude),
    (Rational(BigInt(10).power(309)), Double.infinity), (Rational(-BigInt(10).power(309)), -Double.infinity),
    (try! Rational.parse("1.7976931348623157e308"), Double.greatestFiniteMagnitude),
    (try! Rational.parse("2.2250738585072014e-308"), Double.leastNormalMagnitude),
    (try! Rational.parse("4.9406564584124654e-324"), Double.leastNonzeroMagnitude),
])
func convertsToNearestDouble(value: Rational, expected: Double) {
    #expect(value.toDouble() == expected)
}

@Test(arguments: [
    0.1, -0.3, 0x1.8p-1030, -Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123456.789, 0.0,
    Double.leastNormalMagnitude, 1.0 / 3.0,
])
func exactDoubleRoundTrips(value: Double) throws {
    let exact = try #require(Rational(exactly: value))
    #expect(exact.toDouble() == value)
}

@Test func exactDoubleValues() {
    #expect(Rational(exactly: 0.5) == q(1, 2))
    #expect(Rational(exactly: -0.1) == Rational(BigInt(-3602879701896397), BigInt(1) << 55))
    #expect(Rational(exactly: .nan) == nil)
    #expect(Rational(exactly: .infinity) == nil)
}

/// Randomised: toDouble of a random double's exact value and of the midpoint to its neighbour.
@Test func midpointsRoundToEven() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<2000 {
        let bits = generator.next() & 0x7FEF_FFFF_FFFF_FFFE
        let value = Double(bitPattern: bits)
        let exact = Rational(exactly: value)!
        let next = Rational(exactly: value.nextUp)!
        let midpoint = (exact + next) / 2
        let evenOne = value.significandBitPattern & 1 == 0 ? value : value.nextUp
        #expect(exact.toDouble() == value)
        #expect(midpoint.toDouble() == evenOne)
    }
}
