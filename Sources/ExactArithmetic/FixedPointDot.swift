/// Σ factorᵢ × xᵢ / denominator for integer factors and enclosures xᵢ, accumulated in fixed point:
/// every bound is an integer multiple of 2^exponent, exact for terms whose endpoints are on that
/// grid and rounded in the bound's direction otherwise. One division by the denominator at the
/// end replaces a rounding per term: the dot product of decimal weights with enclosures costs a
/// word multiplication, a shift and an addition per endpoint.
struct FixedPointDot {
    let denominator: BigInt
    private(set) var terms: [(factor: BigInt, x: Enclosure)] = []

    init(denominator: BigInt) {
        self.denominator = denominator
    }

    mutating func append(_ factor: BigInt, _ x: Enclosure) {
        terms.append((factor, x))
    }

    /// The enclosure of the sum, its endpoints rounded outward to `bits` bits.
    func total(_ bits: Int) -> Enclosure {
        // Grid: `bits` + guard bits below the largest possible term, so the accumulated
        // truncations (at most one unit per term) stay below the final rounding.
        var top = Int.min
        for term in terms where !term.factor.isZero && !term.x.isZeroPoint {
            top = max(top, term.factor.magnitudeBitWidth + term.x.top)
        }
        if top == .min { return Enclosure(point: .zero) }
        let exponent = top - bits - 8 - terms.count.bitWidth + terms.count.leadingZeroBitCount
        // Positive and negative parts of each bound, accumulated in place.
        var lowerParts: [[UInt]] = [[], []]
        var upperParts: [[UInt]] = [[], []]
        for (factor, x) in terms where !factor.isZero {
            let (low, high) = factor.isNegative ? (x.upper, x.lower) : (x.lower, x.upper)
            FixedPointDot.accumulate(&lowerParts, factor, low, low.exponent - exponent, .down)
            FixedPointDot.accumulate(&upperParts, factor, high, high.exponent - exponent, .up)
        }
        let lower = BigInt(negative: false, magnitude: lowerParts[0]) - BigInt(negative: false, magnitude: lowerParts[1])
        let upper = BigInt(negative: false, magnitude: upperParts[0]) - BigInt(negative: false, magnitude: upperParts[1])
        if denominator == 1 {
            return Enclosure(lower: Dyadic(lower, exponent), upper: Dyadic(upper, exponent)).rounded(bits)
        }
        return Enclosure(
            lower: Dyadic.bracketQuotient(lower, denominator, exponent, bits).lower,
            upper: Dyadic.bracketQuotient(upper, denominator, exponent, bits).upper)
    }

    /// parts[0] − parts[1] += factor × endpoint.mantissa × 2^shift, rounded in the given
    /// direction to an integer when shift < 0 (a term far below the largest one).
    private static func accumulate(_ parts: inout [[UInt]], _ factor: BigInt, _ endpoint: Dyadic,
                                   _ shift: Int, _ direction: RoundingDirection) {
        if endpoint.isZero { return }
        if shift >= 0, let w = factor.asInt, w != .min {
            let negative = (w < 0) != endpoint.mantissa.isNegative
            Limbs.addShiftedProduct(into: &parts[negative ? 1 : 0], endpoint.mantissa.limbs, w.magnitude, shift)
            return
        }
        let product = factor * endpoint.mantissa
        let value = shift >= 0 ? product << shift
            : (direction == .down ? product >> -shift : product.shiftedRightRoundingUp(-shift))
        Limbs.addShiftedProduct(into: &parts[value.isNegative ? 1 : 0], value.limbs, 1, 0)
    }
}
