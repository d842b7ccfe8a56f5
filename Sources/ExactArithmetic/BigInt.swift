/// An arbitrary-precision signed integer.
///
/// Values that fit in an `Int` are stored inline and use overflow-checked machine arithmetic;
/// only larger values fall back to a little-endian array of 64-bit limbs. The representation is
/// canonical (a value that fits in an `Int` is always stored inline, limb arrays have no leading
/// zero limbs), so the synthesised `Hashable` conformance compares values.
public struct BigInt: Hashable, Sendable {
    enum Storage: Hashable, Sendable {
        case small(Int)
        /// Magnitude at least 2⁶³ (2⁶³ + 1 when negative), little-endian, no zero top limb.
        case large(negative: Bool, magnitude: [UInt])
    }

    var storage: Storage

    /// Creates the integer `v`. O(1).
    public init(_ v: Int) {
        storage = .small(v)
    }

    /// Creates the integer with the given sign and magnitude (little-endian limbs, leading zero
    /// limbs allowed), normalising to the canonical representation. The sign of zero is dropped.
    init(negative: Bool, magnitude: [UInt]) {
        var count = magnitude.count
        while count > 0, magnitude[count - 1] == 0 { count -= 1 }
        switch count {
        case 0:
            storage = .small(0)
        case 1 where !negative && magnitude[0] <= UInt(Int.max):
            storage = .small(Int(magnitude[0]))
        case 1 where negative && magnitude[0] <= UInt(Int.max) + 1:
            storage = .small(Int(truncatingIfNeeded: 0 &- magnitude[0]))
        default:
            let limbs = count == magnitude.count ? magnitude : Array(magnitude[..<count])
            storage = .large(negative: negative, magnitude: limbs)
        }
    }

    /// Whether the value is below zero.
    var isNegative: Bool {
        switch storage {
        case .small(let v): v < 0
        case .large(let negative, _): negative
        }
    }

    /// The magnitude as little-endian limbs without leading zero limbs (empty for zero).
    var limbs: [UInt] {
        switch storage {
        case .small(let v): v == 0 ? [] : [v.magnitude]
        case .large(_, let magnitude): magnitude
        }
    }

    /// Whether the value is zero. O(1).
    public var isZero: Bool {
        if case .small(0) = storage { return true }
        return false
    }

    /// −1, 0 or 1 according to the sign. O(1).
    public func signum() -> Int {
        switch storage {
        case .small(let v): v.signum()
        case .large(let negative, _): negative ? -1 : 1
        }
    }

    /// The value as an `Int`, or nil when it does not fit. O(1).
    public var asInt: Int? {
        if case .small(let v) = storage { return v }
        return nil
    }

    /// The absolute value.
    var magnitude: BigInt {
        isNegative ? -self : self
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension BigInt: Comparable {
    /// O(n) in the number of limbs.
    public static func < (a: BigInt, b: BigInt) -> Bool {
        compare(a, b) < 0
    }

    /// −1, 0 or 1 as `a` is below, equal to or above `b`.
    static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        let (an, bn) = (a.isNegative, b.isNegative)
        if an != bn { return an ? -1 : 1 }
        let c = Limbs.compare(a.limbs, b.limbs)
        return an ? -c : c
    }
}
