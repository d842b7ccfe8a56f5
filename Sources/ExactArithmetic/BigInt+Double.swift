extension BigInt {
    /// The integer equal to `value`, or nil when it is not a finite integer. O(n).
    public init?(exactly value: Double) {
        guard value.isFinite, value == value.rounded(.towardZero) else { return nil }
        if let small = Int(exactly: value) {
            self.init(small)
            return
        }
        // |value| ≥ 2^63: an integer significand times a positive power of two.
        let significand = BigInt(Int(value.significandBitPattern | (1 << 52)))
        let magnitude = significand << (Int(value.exponent) - 52)
        self = value < 0 ? -magnitude : magnitude
    }
}
