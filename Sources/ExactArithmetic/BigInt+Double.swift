extension BigInt {
    /// The integer equal to `value`, or nil when it is not a finite integer. O(n).
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        // (Integer conversions only: the module links without libm.)
        if value.magnitude < 0x1p63 {
            let truncated = Int(value)
            guard Double(truncated) == value else { return nil }
            self.init(truncated)
            return
        }
        // |value| ≥ 2^63: an integer significand times a positive power of two.
        let significand = BigInt(Int(value.significandBitPattern | (1 << 52)))
        let magnitude = significand << (Int(value.exponent) - 52)
        self = value < 0 ? -magnitude : magnitude
    }
}
