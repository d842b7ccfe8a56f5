/// What IEEE double could not represent in a finite-difference pass, found where it first
/// happened: the reason a perturbed loss is not a finite double.
public struct DoubleLimitation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// ln of an output that is positive in truth but rounded to exactly 0 in double: ln 0 = −∞.
        case logarithmOfZero
        /// ln(1 − a) of a sigmoid output that rounded to exactly 1 in double: ln 0 = −∞.
        case logarithmOfZeroComplement
        /// y ln a with y = 0 and a rounded to 0: 0 · (−∞) is NaN in double (the textbook formula;
        /// in truth the term is 0).
        case zeroTimesLogarithmOfZero
        /// (1 − y) ln(1 − a) with y = 1 and a rounded to 1: 0 · (−∞) is NaN.
        case zeroTimesLogarithmOfZeroComplement
        /// z⁽ˡ⁾ⱼ beyond the largest finite double (≈ 1.8 · 10³⁰⁸).
        case preActivationOverflow
        /// A term (aⱼ − yⱼ)² of the squared error beyond the largest finite double.
        case squaredErrorOverflow
        /// Both losses are finite but (L⁺ − L⁻) / (2ε) is beyond the largest finite double.
        case estimateOverflow
    }

    public var kind: Kind
    /// The layer and neuron (1-based) of the value concerned (the output layer and 1 for
    /// `estimateOverflow`).
    public var layer: Int
    public var neuron: Int
    /// +1 for the pass with θ + ε, −1 for θ − ε.
    public var pass: Int
    /// The double value at fault: for a logarithm of zero the pre-activation z (for softmax
    /// zᵢ − maxₖ zₖ, what the exponential is taken of); for an overflowed square the output;
    /// for an overflowed pre-activation its value (±∞ or NaN); for the estimate L⁺ − L⁻.
    public var argument: Double

    public init(kind: Kind, layer: Int, neuron: Int, pass: Int, argument: Double) {
        self.kind = kind
        self.layer = layer
        self.neuron = neuron
        self.pass = pass
        self.argument = argument
    }
}
