/// A real number: exactly known (a `Rational`) or enclosed by a proven interval with dyadic
/// endpoints. The true value is always inside [lowerBound, upperBound].
public struct Real: Sendable, Hashable {
    enum Storage: Hashable, Sendable {
        case exact(Rational)
        case enclosure(Enclosure)
    }

    let storage: Storage

    init(enclosure: Enclosure) {
        // Coinciding endpoints pin the value down exactly.
        storage = enclosure.isPoint ? .exact(enclosure.lower.rational) : .enclosure(enclosure)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The exact value r.
    public static func exact(_ r: Rational) -> Real {
        Real(storage: .exact(r))
    }

    /// The exact integer v.
    public init(_ v: Int) {
        storage = .exact(Rational(v))
    }

    /// The value when it is known exactly, nil for an enclosure.
    public var exactValue: Rational? {
        if case .exact(let r) = storage { return r }
        return nil
    }

    /// Whether the value is known exactly.
    public var isExact: Bool { exactValue != nil }

    /// A proven lower bound (the value itself when exact).
    public var lowerBound: Rational {
        switch storage {
        case .exact(let r): r
        case .enclosure(let e): e.lower.rational
        }
    }

    /// A proven upper bound (the value itself when exact).
    public var upperBound: Rational {
        switch storage {
        case .exact(let r): r
        case .enclosure(let e): e.upper.rational
        }
    }

    /// The midpoint of the enclosure (the value when exact).
    public var midpoint: Rational {
        switch storage {
        case .exact(let r): r
        case .enclosure(let e): (e.lower + e.upper).scaled(byPowerOfTwo: -1).rational
        }
    }

    /// −1, 0 or 1 when the sign is certain (exact, or an enclosure excluding 0), else nil.
    public var knownSignum: Int? {
        switch storage {
        case .exact(let r): r.signum()
        case .enclosure(let e): e.containsZero ? nil : e.lower.signum()
        }
    }

    /// The double nearest to the midpoint.
    public func toDouble() -> Double {
        midpoint.toDouble()
    }
}

extension Real: CustomStringConvertible {
    /// "p/q" or a decimal when exact, "[lower, upper]" otherwise (exact endpoint values).
    public var description: String {
        switch storage {
        case .exact(let r): r.description
        case .enclosure(let e): "[\(e.lower.rational), \(e.upper.rational)]"
        }
    }
}
