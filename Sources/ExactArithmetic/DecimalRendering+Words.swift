extension DecimalRendering {
    /// 10⁰ … 10³⁸, the powers of ten below 2¹²⁸.
    private static let wordPowersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// `roundSignificant(mantissa:exponent:_:)` in machine words for |v|, a nonzero value with a
    /// 128-bit magnitude: the same (digits, scale), or nil when v is outside what words cover
    /// (n > 38, v ≥ 10^n, v × 10^k needing more than 256 bits or scale factors above 10³⁸);
    /// take the `BigInt` path then. The digits are ⌊v × 10^k⌋, rounded up when the fraction is
    /// at least one half, with k chosen so that they have n digits.
    static func roundSignificant(words v: WordDyadic, _ n: Int) -> (digits: UInt128, scale: Int)? {
        guard n <= 38, !v.isZero else { return nil }
        let powers = wordPowersOfTen
        // v lies in [2^(top − 1), 2^top); an estimate of ⌊log₁₀ v⌋, corrected below.
        let top = v.exponent + 128
        var leading = Int((Double(top - 1) * 0.30102999566398120).rounded(.down))
        let lowest = powers[n - 1], highest = powers[n]
        while true {
            let k = n - 1 - leading
            guard k >= 0, k <= 38 else { return nil }
            let (high, low) = v.magnitude.multipliedFullWidth(by: powers[k])
            let s = -v.exponent  // v × 10^k = (high × 2^128 + low) × 2^−s
            guard s >= 1, s <= 255 else { return nil }
            let q: UInt128, roundsUp: Bool
            if s < 128 {
                if high >> s != 0 { leading += 1; continue }
                q = (high << (128 - s)) | (low >> s)
                roundsUp = (low >> (s - 1)) & 1 != 0
            } else {
                q = high >> (s - 128)
                roundsUp = s == 128 ? (low >> 127) & 1 != 0 : (high >> (s - 129)) & 1 != 0
            }
            if q >= highest { leading += 1; continue }
            if q < lowest { leading -= 1; continue }
            if !roundsUp { return (q, -k) }
            return q + 1 == highest ? (lowest, 1 - k) : (q + 1, -k)
        }
    }

    /// The shown number for n digits × 10^scale from `roundSignificant(words:_:)`: the same as
    /// `DecimalRendering(negative:digits:scale:digitCount:_:).formatted`, its digits written from
    /// machine words.
    static func formatted(words digits: UInt128, scale: Int, digitCount n: Int, negative: Bool,
                          _ format: DecimalFormat) -> FormattedDecimal {
        let scientific = isScientific(BigInt(digits), scale, format, digitCount: n)
        var text: [UInt8] = []
        text.reserveCapacity(n + max(-scale, 0) + 4)
        appendDigits(words: digits, to: &text)
        return formatted(digitText: text, isZero: digits == 0, scale: scale, scientific: scientific,
                         negative: negative, exact: false)
    }

    /// The decimal digits of v (at most 38 of them): two halves below 10¹⁹ in single words.
    private static func appendDigits(words v: UInt128, to text: inout [UInt8]) {
        let chunk: UInt128 = 10_000_000_000_000_000_000
        let (high, low) = v.quotientAndRemainder(dividingBy: chunk)
        if high == 0 {
            BigInt.appendDigits(UInt(low), minimumCount: 1, to: &text)
        } else {
            BigInt.appendDigits(UInt(high), minimumCount: 1, to: &text)
            BigInt.appendDigits(UInt(low), minimumCount: 19, to: &text)
        }
    }
}
