extension BigInt: CustomStringConvertible {
    /// Decimal digits with a leading '-' for negative values. O(n²) in the number of limbs.
    public var description: String {
        if case .small(let v) = storage { return String(v) }
        let chunk: UInt = 10_000_000_000_000_000_000  // 10^19, the largest power of ten in a limb
        var rest = limbs
        var chunks: [UInt] = []
        while !rest.isEmpty {
            let (q, r) = Limbs.divide(rest, by: chunk)
            chunks.append(r)
            rest = q
        }
        var text = isNegative ? "-" : ""
        text += String(chunks[chunks.count - 1])
        for c in chunks.dropLast().reversed() {
            let digits = String(c)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
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
