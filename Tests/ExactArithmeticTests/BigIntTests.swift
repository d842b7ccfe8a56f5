import Testing
@testable import ExactArithmetic

/// Edge values around word boundaries plus seeded random values of up to six limbs.
private let edgeValues: [BigInt] = {
    let twoTo64 = BigInt(1) << 64
    let named: [BigInt] = [
        0, 1, -1, 2, -2, 10, BigInt(Int.max), BigInt(Int.max) - 1, BigInt(Int.max) + 1,
        BigInt(Int.min), BigInt(Int.min) + 1, BigInt(Int.min) - 1,
        twoTo64 - 1, twoTo64, twoTo64 + 1, -(twoTo64 + 1), BigInt(1) << 128, -(BigInt(1) << 128),
        (BigInt(1) << 128) - 1,
    ]
    var generator = SplitMix64(seed: 2024)
    let random = (0..<12).map { i -> BigInt in
        var value = BigInt(0)
        for _ in 0...(i % 6) { value = (value << 64) + BigInt(Int(truncatingIfNeeded: generator.next() >> 1)) }
        return i % 2 == 0 ? value : -value
    }
    return named + random
}()

private let pairs: [(BigInt, BigInt)] = edgeValues.flatMap { a in edgeValues.map { b in (a, b) } }

@Test(arguments: pairs)
func productDividedByFactorGivesBackTheOther(a: BigInt, b: BigInt) {
    guard !b.isZero else { return }
    #expect((a * b) / b == a)
    #expect((a * b) % b == 0)
}

@Test(arguments: pairs)
func quotientTimesDivisorPlusRemainderIsDividend(a: BigInt, b: BigInt) {
    guard !b.isZero else { return }
    let (q, r) = a.quotientAndRemainder(dividingBy: b)
    #expect(q * b + r == a)
    #expect(r.magnitude < b.magnitude)
    #expect(r.isZero || r.signum() == a.signum())
}

@Test(arguments: pairs)
func sumMinusOperandGivesBackTheOther(a: BigInt, b: BigInt) {
    #expect((a + b) - b == a)
    #expect(a - b == -(b - a))
    #expect((a < b) == (a - b).isNegative)
}

@Test(arguments: edgeValues)
func decimalTextRoundTrips(a: BigInt) {
    #expect(BigInt(a.description) == a)
}

@Test(arguments: [
    ("0", BigInt(0)), ("-0", 0), ("007", 7), ("-9223372036854775808", BigInt(Int.min)),
    ("18446744073709551616", BigInt(1) << 64), ("-340282366920938463463374607431768211456", -(BigInt(1) << 128)),
])
func parsesDecimalText(text: String, value: BigInt) {
    #expect(BigInt(text) == value)
}

@Test(arguments: ["", "-", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "--1"])
func rejectsMalformedText(text: String) {
    #expect(BigInt(text) == nil)
}

@Test func knownProductsAndPowers() {
    #expect((BigInt(1) << 64).description == "18446744073709551616")
    #expect(BigInt(10).power(30).description == "1" + String(repeating: "0", count: 30))
    #expect(BigInt(-3).power(3) == -27)
    #expect(BigInt(7).power(0) == 1)
    // Every exponent bit pattern up to 40 against repeated multiplication.
    var repeated = BigInt(1)
    for e in 0...40 {
        #expect(BigInt(-3).power(e) == repeated)
        repeated *= -3
    }
    let factorial30 = (1...30).reduce(BigInt(1)) { $0 * BigInt($1) }
    #expect(factorial30.description == "265252859812191058636308480000000")
}

@Test(arguments: edgeValues, [0, 1, 7, 63, 64, 65, 130])
func shiftsMultiplyAndFloorDivideByPowersOfTwo(a: BigInt, shift: Int) {
    let power = BigInt(1) << shift
    #expect(a << shift == a * power)
    // >> floors like Int: the remainder of a floored division is nonnegative.
    let q = a >> shift
    #expect(q * power <= a && a < (q + 1) * power)
    #expect(a << -shift == a >> shift)
}

@Test(arguments: [Int.min, -5, -1, 0, 1, 5, Int.max], [1, 2, 63, 64])
func rightShiftMatchesInt(v: Int, shift: Int) {
    let expected = shift >= 64 ? (v < 0 ? -1 : 0) : v >> shift
    #expect(BigInt(v) >> shift == BigInt(expected))
}

@Test(arguments: [
    (BigInt(0), BigInt(0), BigInt(0)), (12, 18, 6), (-12, 18, 6), (17, 0, 17), (0, -17, 17),
    (BigInt(Int.min), BigInt(Int.min), -BigInt(Int.min)),
    ((BigInt(1) << 200) * 3, (BigInt(1) << 100) * 9, (BigInt(1) << 100) * 3),
])
func greatestCommonDivisor(a: BigInt, b: BigInt, expected: BigInt) {
    #expect(BigInt.gcd(a, b) == expected)
    #expect(BigInt.gcd(b, a) == expected)
}

@Test func bitWidthSignumAndIntConversion() {
    #expect(BigInt(0).magnitudeBitWidth == 0)
    #expect(BigInt(-1).magnitudeBitWidth == 1)
    #expect(BigInt(Int.min).magnitudeBitWidth == 64)
    #expect((BigInt(1) << 64).magnitudeBitWidth == 65)
    #expect((-(BigInt(1) << 70)).signum() == -1)
    #expect(BigInt(Int.min).asInt == Int.min)
    #expect((BigInt(Int.max) + 1).asInt == nil)
    #expect(-(-BigInt(Int.min)) == BigInt(Int.min))
}

@Test(arguments: [
    (0.0, "0"), (-3.0, "-3"), (9007199254740993.0, "9007199254740992"),
    (1e20, "100000000000000000000"), (-0x1p70, "-1180591620717411303424"),
])
func convertsIntegralDoubles(value: Double, text: String) {
    #expect(BigInt(exactly: value)?.description == text)
}

@Test(arguments: [0.5, -1.25, .nan, .infinity, -.infinity])
func rejectsNonIntegralDoubles(value: Double) {
    #expect(BigInt(exactly: value) == nil)
}

@Test(arguments: edgeValues, [0, 1, 7, 63, 64, 65, 130])
func ceilingShiftIsNegatedFloorShiftOfNegation(a: BigInt, shift: Int) {
    #expect(a.shiftedRightRoundingUp(shift) == -((-a) >> shift))
    #expect(a.shiftedRight(shift, roundingUp: false) == a >> shift)
}

@Test(arguments: pairs)
func shiftedMagnitudeComparisonMatchesShiftingFirst(a: BigInt, b: BigInt) {
    for (aShift, bShift) in [(0, 0), (1, 0), (0, 63), (64, 1), (130, 65)] {
        let expected = BigInt.compare((a.magnitude) << aShift, (b.magnitude) << bShift)
        #expect(BigInt.compareMagnitudes(a, shiftedBy: aShift, b, shiftedBy: bShift) == expected)
    }
}

@Test(arguments: edgeValues)
func decimalDigitCountMatchesText(a: BigInt) {
    let text = a.magnitude.description
    #expect(a.decimalDigitCount == text.count)
    var bytes: [UInt8] = []
    a.appendDecimalDigits(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == text)
    #expect(BigInt(10).power(text.count).decimalPowerExponent == text.count)
    #expect(a.decimalPowerExponent == (a.signum() > 0 && text.first == "1" && text.dropFirst().allSatisfy { $0 == "0" } ? text.count - 1 : nil))
}

/// Karatsuba products of long operands, balanced and not, agree with schoolbook's.
@Suite struct KaratsubaTests {
    static func limbs(_ count: Int, _ g: inout SplitMix64, allOnes: Bool = false) -> [UInt] {
        var a = (0..<count).map { _ in allOnes ? UInt.max : UInt(g.next()) }
        if a.last == 0 { a[a.count - 1] = 1 }
        return a
    }

    @Test(arguments: [(40, 40), (41, 97), (64, 64), (100, 250), (257, 129), (300, 301), (1000, 999)])
    func agreesWithSchoolbook(_ sizes: (Int, Int)) {
        var g = SplitMix64(seed: UInt64(sizes.0 * 1000 + sizes.1))
        for allOnes in [false, true] {
            let a = Self.limbs(sizes.0, &g, allOnes: allOnes), b = Self.limbs(sizes.1, &g, allOnes: allOnes)
            #expect(Limbs.karatsuba(a, b) == Limbs.schoolbook(a, b))
            #expect(Limbs.multiply(b, a) == Limbs.schoolbook(a, b))
        }
    }

    /// Squares, schoolbook and Karatsuba, against general products of two copies.
    @Test(arguments: [1, 2, 3, 39, 64, 65, 200, 1001])
    func squaresAgreeWithProducts(_ n: Int) {
        var g = SplitMix64(seed: UInt64(n))
        for allOnes in [false, true] {
            let a = Self.limbs(n, &g, allOnes: allOnes)
            let copy = a.map { $0 }
            #expect(Limbs.schoolbookSquare(a) == Limbs.schoolbook(a, copy))
            #expect(Limbs.square(a) == Limbs.schoolbook(a, copy))
            #expect(Limbs.multiply(a, copy) == Limbs.schoolbook(a, copy))
        }
    }

    /// 10^k from the cached 5^k · 2^k path, checked against repeated multiplication by 10.
    @Test func largePowersOfTen() {
        var p = BigInt(1)
        for _ in 0..<1000 { p = p * 10 }
        #expect(BigInt.powerOfTen(1000) == p)
        #expect(BigInt.powerOfTen(1000) == p)  // from the cache
        #expect(BigInt.powerOfTen(1001) == p * 10)
        // Derived from a remembered neighbour: by a short product above it, a division below.
        #expect(BigInt.powerOfTen(1350) == p * BigInt(10).power(350))
        #expect(BigInt.powerOfTen(990) == BigInt(10).power(990))
        #expect(BigInt.powerOfTen(981) == BigInt(10).power(981))
    }

    /// Schoolbook products against an independent construction: (2^64n − 1)(2^64m − 1) by
    /// shifts and subtractions, and random operands row by row from single-limb products.
    @Test(arguments: [(1, 1), (1, 7), (3, 5), (64, 63), (200, 9)])
    func schoolbookAgreesWithRows(_ sizes: (Int, Int)) {
        let (n, m) = sizes
        let one = BigInt(1)
        var unused = SplitMix64(seed: 0)
        let allOnes = ((one << (64 * (n + m))) - (one << (64 * n)) - (one << (64 * m)) + 1).limbs
        #expect(Limbs.schoolbook(Self.limbs(n, &unused, allOnes: true), Self.limbs(m, &unused, allOnes: true)) == allOnes)
        var g = SplitMix64(seed: UInt64(n * 1000 + m))
        let a = Self.limbs(n, &g), b = Self.limbs(m, &g)
        var rows: [UInt] = []
        for (i, limb) in a.enumerated() {
            rows = Limbs.add(rows, Limbs.shiftLeft(Limbs.multiplyAdd(b, limb, 0), 64 * i))
        }
        #expect(Limbs.schoolbook(a, b) == rows)
    }
}
