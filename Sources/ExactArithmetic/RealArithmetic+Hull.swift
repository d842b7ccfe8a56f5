extension RealArithmetic {
    /// The smallest enclosure at the working precision holding both a and b: every point
    /// between them, e.g. a parameter's whole path along a gradient step. a when a = b exactly.
    public func hull(_ a: Real, _ b: Real) -> Real {
        if let x = a.exactValue, let y = b.exactValue, x == y { return a }
        let (ea, eb) = (enclosure(a), enclosure(b))
        return Real(enclosure: Enclosure(lower: min(ea.lower, eb.lower), upper: max(ea.upper, eb.upper)))
    }

    /// |x| as an enclosure: x or −x when its sign is known, else [0, max(−lower, upper)].
    public func magnitude(_ x: Real) -> Real {
        if let sign = x.knownSignum { return sign < 0 ? negate(x) : x }
        let e = enclosure(x)
        return Real(enclosure: Enclosure(lower: .zero, upper: e.magnitudeBound))
    }
}
