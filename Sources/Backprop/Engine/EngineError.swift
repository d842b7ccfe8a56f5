/// Why the engine could not produce a certified trace at some precision.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A sign or comparison (ReLU at z, a logarithm's argument) could not be settled at this
    /// precision: the enclosure still contains the boundary. More precision may settle it.
    case undecidable(String)

    public var description: String {
        switch self {
        case .undecidable(let what): return "could not certify \(what)"
        }
    }
}
