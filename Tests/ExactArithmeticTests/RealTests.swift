import Testing
import ExactArithmetic

private func decimal(_ text: String) -> Rational { try! Rational.parse(text) }

/// Whether x's enclosure meets [c − 10^−digits, c + 10^−digits], c known to `digits` places,
/// and its relative width is below 2^−(precision − 12).
private func encloses(_ x: Real, _ constant: String, digits: Int, precision: Int) -> Bool {
    let c = decimal(constant)
    let slack = Rational(1, BigInt(10).power(digits))
    let meets = x.lowerBound <= c + slack && x.upperBound >= c - slack
    let width = x.upperBound - x.lowerBound
    let tight = width <= c.magnitude * Rational(1, BigInt(1) << (precision - 12))
    return meets && tight
}

private let e50 = "2.71828182845904523536028747135266249775724709369995"
private let ln2_50 = "0.69314718055994530941723212145817656807550013436025"
private let sigmoidQuarter = "0.56217650088579810402732363790294635383795939625767"
private let tanh1 = "0.76159415595576488811945828260479359041276859725794"

@Test(arguments: [64, 200, 1000])
func enclosesKnownConstants(precision: Int) throws {
    let a = RealArithmetic(precision: precision)
    let digits = min(50, precision * 3 / 10 - 3)
    #expect(encloses(a.exp(Real(1)), e50, digits: digits, precision: precision))
    #expect(encloses(try #require(a.log(Real(2))), ln2_50, digits: digits, precision: precision))
    #expect(encloses(a.sigmoid(.exact(Rational(1, 4))), sigmoidQuarter, digits: digits, precision: precision))
    #expect(encloses(a.tanh(Real(1)), tanh1, digits: digits, precision: precision))
    #expect(encloses(a.tanh(Real(-1)), "-" + tanh1, digits: digits, precision: precision))
    #expect(encloses(a.exp(Real(-1)), "0.36787944117144232159552377016146086744581113103176", digits: digits, precision: precision))
    #expect(encloses(try #require(a.log(.exact(Rational(1, 2)))), "-" + ln2_50, digits: digits, precision: precision))
}

/// Values computed independently with 60-digit decimal arithmetic.
@Test(arguments: [
    ("exp(1000)", "1.97007111401704699388887935224332312531693798532384e434"),
    ("exp(-1000)", "5.07595889754945676529180947957433691930559928289283e-435"),
    ("sigmoid(-800)", "3.66787458417768721345549565426079821546963422661264e-348"),
    ("log(10^-300)", "-690.77552789821370520539743640530926228033044658863"),
    ("tanh(1e-30)", "1e-30"),
    ("softmax(1,2,3)[0]", "0.0900305731703804579980221014844917978679308649114672"),
])
func enclosesExtremeArguments(name: String, constant: String) throws {
    let a = RealArithmetic(precision: 200)
    let x: Real = switch name {
    case "exp(1000)": a.exp(Real(1000))
    case "exp(-1000)": a.exp(Real(-1000))
    case "sigmoid(-800)": a.sigmoid(Real(-800))
    case "log(10^-300)": try #require(a.log(.exact(Rational(1, BigInt(10).power(300)))))
    case "tanh(1e-30)": a.tanh(.exact(decimal("1e-30")))
    default: a.softmax([Real(1), Real(2), Real(3)])[0]
    }
    let c = decimal(constant)
    let slack = c.magnitude * Rational(1, BigInt(10).power(45))
    #expect(x.lowerBound <= c + slack && x.upperBound >= c - slack)
    #expect(x.upperBound - x.lowerBound <= c.magnitude * Rational(1, BigInt(1) << 188))
}

@Test func sigmoidOfLargePositiveArgumentIsJustBelowOne() {
    let x = RealArithmetic(precision: 200).sigmoid(Real(800))
    #expect(x.upperBound <= 1)
    #expect(x.lowerBound < 1 && x.lowerBound > 1 - Rational(1, BigInt(1) << 190))
}

@Test func exactSpecialCasesStayExact() {
    let a = RealArithmetic(precision: 100)
    let inexact = a.exp(Real(1))
    #expect(a.exp(Real(0)).exactValue == 1)
    #expect(a.log(Real(1))?.exactValue == 0)
    #expect(a.sigmoid(Real(0)).exactValue == Rational(1, 2))
    #expect(a.tanh(Real(0)).exactValue == 0)
    #expect(a.softmax([Real(3), Real(3), Real(3), Real(3)]).map(\.exactValue) == Array(repeating: Rational(1, 4), count: 4))
    #expect(a.softmax([inexact]).map(\.exactValue) == [1])
    #expect(a.multiply(Real(0), inexact).exactValue == 0)
    #expect(a.multiply(inexact, Real(1)) == inexact)
    #expect(a.add(inexact, Real(0)) == inexact)
    #expect(a.divide(inexact, Real(1)) == inexact)
    #expect(a.divide(Real(0), inexact)?.exactValue == 0)
    #expect(a.divide(inexact, Real(0)) == nil)
    #expect(a.dot([.exact(decimal("0.1")), .exact(decimal("0.2"))], [Real(3), .exact(decimal("0.5"))]).exactValue == decimal("0.4"))
    #expect(a.sum([.exact(Rational(1, 3)), .exact(Rational(2, 3))]).exactValue == 1)
    #expect(!inexact.isExact && inexact.exactValue == nil)
    #expect(a.log(Real(0)) == nil && a.log(Real(-1)) == nil)
}

@Test func divisionByAnEnclosureOfZeroIsNil() {
    let a = RealArithmetic(precision: 64)
    let nearZero = a.subtract(a.exp(Real(1)), a.exp(Real(1)))
    #expect(!nearZero.isExact)
    #expect(nearZero.lowerBound <= 0 && nearZero.upperBound >= 0)
    #expect(a.divide(Real(1), nearZero) == nil)
    #expect(a.log(nearZero) == nil)
}

@Test(arguments: [(32, 64), (64, 128), (128, 256), (200, 400)])
func morePrecisionNarrowsEnclosures(low: Int, high: Int) {
    func width(_ bits: Int) -> Rational {
        let a = RealArithmetic(precision: bits)
        let x = a.dot([a.sigmoid(.exact(decimal("0.3"))), a.tanh(.exact(decimal("-0.7")))],
                      [.exact(decimal("1.5")), a.exp(.exact(decimal("0.2")))])
        #expect(x.lowerBound < x.upperBound)
        return x.upperBound - x.lowerBound
    }
    let (coarse, fine) = (width(low), width(high))
    #expect(fine < coarse * Rational(1, BigInt(1) << (high - low - 8)))
}

@Test func wideEnclosuresAreEvaluatedAtBothEndpoints() {
    let coarse = RealArithmetic(precision: 16)
    let blur = coarse.subtract(coarse.exp(Real(1)), coarse.exp(Real(1)))
    #expect(blur.lowerBound < 0 && blur.upperBound > 0)
    let x = coarse.add(Real(1), blur)
    let fine = RealArithmetic(precision: 100)
    let s = fine.sigmoid(x)
    let sigmoidOne = decimal("0.73105857863000487925115924182183627436514464016505")
    #expect(s.lowerBound <= sigmoidOne && sigmoidOne <= s.upperBound)
    #expect(s.upperBound - s.lowerBound <= (x.upperBound - x.lowerBound) * Rational(1, 4))
    let t = fine.tanh(blur)
    #expect(t.lowerBound < 0 && t.upperBound > 0)
    let e = fine.exp(blur)
    #expect(e.lowerBound < 1 && e.upperBound > 1)
}

/// Seed 000 of /work/shared/REFERENCE.md: forward pass and δ⁽³⁾ to 12 significant digits.
@Test func referenceSeed000() throws {
    let a = RealArithmetic(precision: 128)
    func vector(_ texts: [String]) -> [Real] { texts.map { .exact(decimal($0)) } }
    func layer(_ w: [[String]], _ b: [String], _ x: [Real]) -> [Real] {
        zip(w, b).map { row, bias in a.add(a.dot(vector(row), x), .exact(decimal(bias))) }
    }
    let x = vector(["1.0", "0.5", "-1.0"])
    let z1 = layer([["0.1", "0.2", "0.3"], ["0.4", "0.5", "0.6"]], ["0.1", "0.2"], x)
    #expect(z1.map(\.exactValue) == [0, Rational(1, 4)])
    let a1 = z1.map(a.sigmoid)
    #expect(a1[0].exactValue == Rational(1, 2))
    let z2 = layer([["0.7", "0.8"], ["0.9", "1.0"]], ["0.1", "0.2"], a1)
    let a2 = z2.map(a.sigmoid)
    let z3 = layer([["0.3", "0.4"]], ["0.1"], a2)[0]
    let a3 = a.sigmoid(z3)
    let residual = a.subtract(a3, Real(1))
    let loss = a.multiply(.exact(Rational(1, 2)), a.multiply(residual, residual))
    let delta3 = a.multiply(residual, a.multiply(a3, a.subtract(Real(1), a3)))
    let twelve = DecimalFormat(.significantDigits(12))
    let shown = [a1[1], z2[0], z2[1], a2[0], a2[1], z3, a3, loss, delta3].map { a.format($0, twelve)?.text }
    #expect(shown == [
        "0.562176500886", "0.899741200709", "1.21217650089", "0.710896316388", "0.770683829222",
        "0.621542426605", "0.650569268093", "0.0610509182007", "-0.0794357023404",
    ])
}

@Test func boundsAndConversions() {
    let a = RealArithmetic(precision: 80)
    let third = Real.exact(Rational(1, 3))
    #expect(third.lowerBound == Rational(1, 3) && third.upperBound == Rational(1, 3))
    #expect(third.toDouble() == 1.0 / 3.0)
    #expect(a.exp(Real(1)).toDouble() == 2.718281828459045)
    #expect(a.negate(a.exp(Real(1))).toDouble() == -2.718281828459045)
    #expect(Real(7).exactValue == 7)
}

/// dot (fixed-point groups) against the term-by-term interval fold at 1000 bits, on shared
/// inputs that mix exact×exact, decimal×enclosure (negative numerators, different denominators),
/// large-denominator×enclosure and enclosure×enclosure terms. The enclosure inputs are only
/// 24 bits wide, so a bound taken from the wrong endpoint shows.
@Test(arguments: [1, 2, 3, 4, 5])
func dotAgreesWithTheTermByTermFold(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let inputs = RealArithmetic(precision: 24)
    func value(_ kind: UInt64, _ n: Int) -> Real {
        switch kind % 5 {
        case 0: .exact(Rational(BigInt(n), 1000))
        case 1: .exact(Rational(BigInt(n), 7))
        case 2: .exact(Rational(BigInt(n), BigInt(3).power(50)))
        case 3: inputs.sigmoid(.exact(Rational(BigInt(n), 100)))
        default: inputs.tanh(.exact(Rational(BigInt(-n), 300)))
        }
    }
    func draw() -> Real { value(generator.next(), Int(generator.next() % 2001) - 1000) }
    let (x, y) = ((0..<200).map { _ in draw() }, (0..<200).map { _ in draw() })
    let fine = RealArithmetic(precision: 1000)
    let reference = zip(x, y).reduce(Real(0)) { fine.add($0, fine.multiply($1.0, $1.1)) }
    let dot = RealArithmetic(precision: 96).dot(x, y)
    let slack = reference.upperBound.magnitude * Rational(1, BigInt(1) << 90)
    #expect(dot.lowerBound <= reference.lowerBound + slack)
    #expect(dot.upperBound >= reference.upperBound - slack)
    #expect(dot.upperBound - dot.lowerBound <= reference.upperBound - reference.lowerBound + 2 * slack)
}
