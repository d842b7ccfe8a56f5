import Testing
@testable import ExactArithmetic

private func decimal(_ text: String) -> Rational { try! Rational.parse(text) }
private let significant4 = DecimalFormat(.significantDigits(4))

/// Exact values: (value, format, text, isExact). Ties round half away from zero.
@Test(arguments: [
    ("1/4", significant4, "0.25", true),
    ("1/2", significant4, "0.5", true),
    ("1", significant4, "1", true),
    ("0", significant4, "0", true),
    ("-0.07944", significant4, "-0.07944", true),
    ("1/3", significant4, "0.3333", false),
    ("-2/3", significant4, "-0.6667", false),
    ("0.99996", significant4, "1.000", false),
    ("0.99995", significant4, "1.000", false),
    ("0.99994", significant4, "0.9999", false),
    ("-0.079445", significant4, "-0.07945", false),
    ("0.079445", significant4, "0.07945", false),
    ("9.9996", significant4, "10.00", false),
    ("1200", significant4, "1200", true),
    ("1234567", significant4, "1.235e6", false),
    ("999999.7", significant4, "1.000e6", false),
    ("999949", significant4, "999900", false),
    ("1000000", significant4, "1e6", true),
    ("8.4971e-10", significant4, "8.497e-10", false),
    ("-8.497e-10", significant4, "-8.497e-10", true),
    ("0.0001", significant4, "0.0001", true),
    ("0.00009", significant4, "9e-5", true),
    ("0.000025", significant4, "2.5e-5", true),
    // The thresholds apply to the rounded value: 0.00009999|6 rounds to 1.000e-4, not below 10^-4.
    ("0.000099996", significant4, "0.0001000", false),
    ("0.000099994", significant4, "9.999e-5", false),
    ("1/7", DecimalFormat(.significantDigits(1)), "0.1", false),
    ("123456789", DecimalFormat(.significantDigits(4), scientificFrom: nil), "123500000", false),
    ("0.00001234", DecimalFormat(.significantDigits(2), scientificBelow: nil), "0.000012", false),
    ("1/3", DecimalFormat(.decimalPlaces(2)), "0.33", false),
    ("2.5", DecimalFormat(.decimalPlaces(2)), "2.5", true),
    ("2.675", DecimalFormat(.decimalPlaces(2)), "2.68", false),
    ("-2.675", DecimalFormat(.decimalPlaces(2)), "-2.68", false),
    ("7", DecimalFormat(.decimalPlaces(3)), "7", true),
    ("1/3", DecimalFormat(.decimalPlaces(0)), "0", false),
    ("-0.001", DecimalFormat(.decimalPlaces(2)), "0.00", false),
    ("0.9999", DecimalFormat(.decimalPlaces(3)), "1.000", false),
    ("-0.00001234", DecimalFormat(.decimalPlaces(2)), "-1.23e-5", false),
    ("12345678.9", DecimalFormat(.decimalPlaces(1)), "1.2e7", false),
    ("1234567.8915", DecimalFormat(.decimalPlaces(3), scientificFrom: nil), "1234567.892", false),
])
func formatsExactValues(value: String, format: DecimalFormat, text: String, isExact: Bool) {
    let shown = decimal(value).formatted(format)
    #expect(shown.text == text)
    #expect(shown.isExact == isExact)
    #expect(Real.exact(decimal(value)).formatted(format) == shown)
}

@Test func scientificPartsAreSeparate() {
    let shown = decimal("-8.4971e-10").formatted(significant4)
    #expect(shown.negative && shown.significand == "8.497" && shown.exponent == -10)
    let fixed = decimal("0.5622").formatted(significant4)
    #expect(!fixed.negative && fixed.significand == "0.5622" && fixed.exponent == nil)
}

/// Enclosures of transcendental values: digits only when every point rounds alike.
@Test(arguments: [
    ("sigmoid(1/4)", 200, DecimalFormat(.significantDigits(4)), "0.5622"),
    ("sigmoid(1/4)", 200, DecimalFormat(.significantDigits(12)), "0.562176500886"),
    ("sigmoid(1/4)", 200, DecimalFormat(.significantDigits(30)), "0.562176500885798104027323637903"),
    ("sigmoid(1/4)", 200, DecimalFormat(.decimalPlaces(3)), "0.562"),
    ("-sigmoid(1/4)", 200, DecimalFormat(.significantDigits(5)), "-0.56218"),
    ("1/4 + e^-100", 200, DecimalFormat(.significantDigits(4)), "0.2500"),
    ("0.99996 + e^-100", 200, DecimalFormat(.significantDigits(4)), "1.000"),
    ("0.99996 + e^-100", 200, DecimalFormat(.decimalPlaces(2)), "1.00"),
    ("e^-100", 200, DecimalFormat(.significantDigits(4)), "3.720e-44"),
    ("e^30", 200, DecimalFormat(.significantDigits(6)), "1.06865e13"),
    ("e^30", 200, DecimalFormat(.significantDigits(6), scientificFrom: nil), "10686500000000"),
    ("-e^-100", 200, DecimalFormat(.decimalPlaces(3), scientificBelow: nil), "0.000"),
    ("sigmoid(1/4)", 20, DecimalFormat(.significantDigits(12)), nil),
    ("sigmoid(1/4)", 20, DecimalFormat(.significantDigits(3)), "0.562"),
    ("e - e", 200, DecimalFormat(.significantDigits(3)), nil),
])
func formatsEnclosures(expression: String, precision: Int, format: DecimalFormat, text: String?) {
    let a = RealArithmetic(precision: precision)
    let tiny = a.exp(Real(-100))
    let x: Real = switch expression {
    case "sigmoid(1/4)": a.sigmoid(.exact(Rational(1, 4)))
    case "-sigmoid(1/4)": a.negate(a.sigmoid(.exact(Rational(1, 4))))
    case "1/4 + e^-100": a.add(.exact(Rational(1, 4)), tiny)
    case "0.99996 + e^-100": a.add(.exact(decimal("0.99996")), tiny)
    case "e^-100": tiny
    case "-e^-100": a.negate(tiny)
    case "e^30": a.exp(Real(30))
    default: a.subtract(a.exp(Real(1)), a.exp(Real(1)))
    }
    #expect(!x.isExact)
    let shown = a.format(x, format)
    #expect(shown?.text == text)
    #expect(shown?.isExact != true)
}

@Test func midpointFallbackIsMarkedInexact() {
    let a = RealArithmetic(precision: 20)
    let x = a.sigmoid(.exact(Rational(1, 4)))
    let twelve = DecimalFormat(.significantDigits(12))
    #expect(a.format(x, twelve) == nil)
    let fallback = a.formatMidpoint(x, twelve)
    #expect(!fallback.isExact)
    #expect(fallback.text.hasPrefix("0.56217") && fallback.text.count == 14)
    #expect(a.formatMidpoint(Real.exact(Rational(1, 4)), twelve).text == "0.25")
}

/// The dyadic fast path renders exactly as the rational path, including at rounding ties, at
/// 10^n boundaries and next to the scientific thresholds.
@Test(arguments: [1, 4, 17, 30, 60])
func dyadicRenderingMatchesRationalRendering(digits n: Int) {
    var generator = SplitMix64(seed: UInt64(n))
    let format = DecimalFormat(.significantDigits(n), scientificBelow: Rational(1, 100_000),
                               scientificFrom: Rational(BigInt(10).power(15)))
    var mantissas: [BigInt] = [1, 3, 5, BigInt(10).power(n) - 1, BigInt(10).power(n) + 1, (BigInt(1) << 127) - 1]
    for _ in 0..<40 { mantissas.append((BigInt(Int(generator.next() >> 1)) << 64) + BigInt(Int(generator.next() >> 1))) }
    for m in mantissas {
        for e in [-300, -200, -140, -128, -70, -64, -17, -3, -1, 0, 1, 5, 40] {
            let rational = Dyadic(m, e).rational
            let slow = DecimalRendering(rational, negative: false, format, exactValue: false)
            if let (digits, scale) = DecimalRendering.roundSignificant(mantissa: m, exponent: e, n) {
                let fast = DecimalRendering(negative: false, digits: digits, scale: scale, digitCount: n, format)
                #expect(fast == slow, "\(m) × 2^\(e)")
            } else {
                #expect(rational >= Rational(BigInt(10).power(n)))
            }
        }
    }
}
