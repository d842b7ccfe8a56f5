/// Rigorous enclosures of exp, log and ln 2 on narrow enclosures, by argument reduction and
/// series with proven remainder bounds. `bits` is the working precision of every rounding; the
/// results are a few bits wider than that.
enum Elementary {
    /// Arguments at or beyond 2^hugeTop in magnitude are outside exp's range of representable
    /// results (exp(2^40) has a binary exponent near 1.6 × 10¹²).
    static let hugeTop = 40

    /// ln 2 enclosed at `bits` bits: from a cached 1200-bit enclosure, or computed afresh.
    static func ln2(_ bits: Int) -> Enclosure {
        bits <= 1150 ? cachedLn2.rounded(bits) : computeLn2(bits + 16).rounded(bits)
    }

    /// ln 2 = 2 atanh(1/3) = 2 Σ 3^−(2i+1)/(2i+1), summed in fixed point with 2^−bits units:
    /// the floor and ceiling chains of 2^bits/3^(2i+1) are exact (⌊⌊x⌋/9⌋ = ⌊x/9⌋), and once the
    /// floor chain reaches 0 the remaining terms sum to less than 9/8.
    static func computeLn2(_ bits: Int) -> Enclosure {
        let unit = BigInt(1) << bits
        var powerLow = unit / 3
        var powerHigh = (unit + 2) / 3
        var sumLow = powerLow
        var sumHigh = powerHigh
        var i = 1
        while true {
            powerLow = powerLow / 9
            powerHigh = (powerHigh + 8) / 9
            if powerLow.isZero { break }
            let divisor = BigInt(2 * i + 1)
            sumLow += powerLow / divisor
            sumHigh += (powerHigh + divisor - 1) / divisor
            i += 1
        }
        sumHigh += 2
        return Enclosure(lower: Dyadic(sumLow, 1 - bits), upper: Dyadic(sumHigh, 1 - bits))
    }

    /// exp(x) for a narrow enclosure x with x < 2^hugeTop (precondition).
    ///
    /// x = k ln 2 + r with |r| < ln 2 and exp(r) = exp(r/2^s)^(2^s). exp(r/2^s) is summed in
    /// fixed point at each endpoint separately: its Taylor series with floor chains for the lower
    /// bound and ceiling chains plus a remainder bound for the upper one (negative arguments
    /// through 1/exp(−t)), then squared s times with floors and ceilings respectively.
    static func exp(_ x: Enclosure, _ bits: Int) -> Enclosure {
        if x.isPoint && x.lower.isZero { return .one }
        if x.top > hugeTop {
            precondition(x.upper.signum() < 0, "exp argument beyond 2^\(hugeTop)")
            // exp(x) < exp(−2^40) < 2^−(2^40).
            return Enclosure(lower: .zero, upper: Dyadic(1, -(1 << hugeTop)))
        }
        // k ≈ x / ln 2 (truncation toward zero keeps |r| < ln 2; the module links without libm).
        let k = Int(x.lower.approximateDouble / 0.6931471805599453)
        var halvings = 0
        while halvings * halvings < bits { halvings += 1 }
        let work = bits + halvings + 12
        let kBits = Int.bitWidth - k.magnitude.leadingZeroBitCount
        let kLn2 = Enclosure.multiply(ln2(work + kBits + 2), Enclosure(point: Dyadic(BigInt(k))), work + 4)
        let r = Enclosure.subtract(x, kLn2, work).scaled(byPowerOfTwo: -halvings)
        precondition(r.top <= 0, "exp argument reduction failed")
        var lower = FixedPointExp.bound(r.lower, .down, work)
        var upper = FixedPointExp.bound(r.upper, .up, work)
        for _ in 0..<halvings {
            lower = (lower * lower) >> work
            upper = (upper * upper).shiftedRightRoundingUp(work)
        }
        return Enclosure(lower: Dyadic(lower, k - work), upper: Dyadic(upper, k - work))
    }

    /// log(x) for a narrow enclosure x > 0 (precondition).
    ///
    /// x = f × 2^k with f in [0.7, 1.42), log f = 2 atanh((f − 1)/(f + 1)) with |t| ≤ 0.18,
    /// the odd series stopped at a power of t below 2^−bits relative to t; the remainder is at
    /// most that power (t² / (1 − t²) < 1).
    static func log(_ x: Enclosure, _ bits: Int) -> Enclosure {
        precondition(x.isPositive, "log of a non-positive enclosure")
        var k = x.lower.top
        if x.lower.scaled(byPowerOfTwo: -k).approximateDouble < 0.7071 { k -= 1 }
        let work = bits + 10
        let f = x.scaled(byPowerOfTwo: -k)
        let t = Enclosure.divide(Enclosure.add(f, -.one, work), Enclosure.add(f, .one, work), work)!
        if t.isPoint && t.lower.isZero {
            return Enclosure.multiply(ln2(work + 70), Enclosure(point: Dyadic(BigInt(k))), bits)
        }
        let tSquared = Enclosure.multiply(t, t, work)
        let stop = t.top - work - 2
        var power = t
        var sum = t
        var i = 1
        while true {
            power = Enclosure.multiply(power, tSquared, work)
            sum = Enclosure.add(sum, power.divided(by: 2 * i + 1, work), work)
            if power.top < stop { break }
            i += 1
        }
        sum = sum.widened(by: power.magnitudeBound, work).scaled(byPowerOfTwo: 1)
        if k == 0 { return sum }
        let kLn2 = Enclosure.multiply(ln2(work + 70), Enclosure(point: Dyadic(BigInt(k))), work)
        return Enclosure.add(sum, kLn2, work)
    }
}

/// ln 2 at 1200 bits, computed once on first use.
private let cachedLn2 = Elementary.computeLn2(1216).rounded(1200)
