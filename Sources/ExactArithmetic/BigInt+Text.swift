extension BigInt: CustomStringConvertible {
    /// Decimal digits with a leading '-' for negative values. O(n²) in the number of limbs.
    public var description: String {
        if case .small(let v) = storage { return String(v) }
        var text: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        appendDecimalDigits(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses decimal digits with an optional leading '-'; nil for anything else (including an
    /// empty string, '+', spaces). O(n²) in the number of digits.
    public init?(_ decimalText: some StringProtocol) {
        var digits = Substring(decimalText).utf8[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard let magnitude = Limbs.parseDecimal(digits) else { return nil }
        self.init(negative: negative, magnitude: magnitude)
    }
}

extension Limbs {
    /// The magnitude written by a nonempty run of ASCII digits, nil if any byte is not a digit.
    static func parseDecimal(_ digits: Substring.UTF8View.SubSequence) -> [UInt]? {
        guard !digits.isEmpty else { return nil }
        var magnitude: [UInt] = []
        var chunk: UInt = 0
        var chunkScale: UInt = 1
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt(byte - UInt8(ascii: "0"))
            chunkScale *= 10
            if chunkScale == 10_000_000_000_000_000_000 {
                magnitude = multiplyAdd(magnitude, chunkScale, chunk)
                (chunk, chunkScale) = (0, 1)
            }
        }
        if chunkScale > 1 { magnitude = multiplyAdd(magnitude, chunkScale, chunk) }
        return magnitude
    }
}

extension BigInt {
    /// Appends the decimal digits of the magnitude (no sign) as ASCII. O(n²) in the number of
    /// limbs; one copy of the limbs, then in-place divisions by 10¹⁹.
    func appendDecimalDigits(to bytes: inout [UInt8]) {
        switch storage {
        case .small(let v):
            BigInt.appendDigits(v.magnitude, minimumCount: 1, to: &bytes)
        case .large(_, let magnitude):
            let chunk: UInt = 10_000_000_000_000_000_000  // 10^19, the largest power of ten in a limb
            var rest = magnitude
            var chunks: [UInt] = []
            chunks.reserveCapacity(rest.count + 1)
            while !rest.isEmpty { chunks.append(Limbs.divideInPlace(&rest, by: chunk)) }
            BigInt.appendDigits(chunks[chunks.count - 1], minimumCount: 1, to: &bytes)
            for c in chunks.dropLast().reversed() { BigInt.appendDigits(c, minimumCount: 19, to: &bytes) }
        }
    }

    /// The decimal digits of v, padded with leading zeros to at least `minimumCount`.
    static func appendDigits(_ v: UInt, minimumCount: Int, to bytes: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ 20 digits
        withUnsafeMutableBytes(of: &buffer) { raw in
            var v = v
            var i = raw.count
            while v != 0 || raw.count - i < minimumCount {
                i -= 1
                raw[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            bytes.append(contentsOf: raw[i...])
        }
    }

    /// Number of decimal digits of the magnitude (1 for zero). O(n).
    var decimalDigitCount: Int {
        let bits = magnitudeBitWidth
        if bits <= 1 { return 1 }
        // 2^(bits−1) ≤ |self| < 2^bits, so the count is c or c + 1; the loops only guard
        // against the estimate's floating-point rounding.
        let m = magnitude
        var c = Int(Double(bits - 1) * 0.30102999566398120) + 1
        while c > 1 && m < BigInt.powerOfTen(c - 1) { c -= 1 }
        while m >= BigInt.powerOfTen(c) { c += 1 }
        return c
    }

    /// j when the value is 10^j (j ≥ 0), else nil.
    var decimalPowerExponent: Int? {
        guard signum() > 0 else { return nil }
        let j = decimalDigitCount - 1
        return self == BigInt.powerOfTen(j) ? j : nil
    }
}

extension Limbs {
    /// a ← ⌊a / d⌋ (trimmed), returning a mod d, for a single nonzero limb d. O(n), no allocation.
    static func divideInPlace(_ a: inout [UInt], by d: UInt) -> UInt {
        var r: UInt = 0
        a.withUnsafeMutableBufferPointer { x in
            var i = x.count - 1
            while i >= 0 {
                (x[i], r) = d.dividingFullWidth((r, x[i]))
                i -= 1
            }
        }
        trim(&a)
        return r
    }
}
