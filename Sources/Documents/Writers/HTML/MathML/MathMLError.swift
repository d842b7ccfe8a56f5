/// Why a formula cannot be translated to MathML: the TeX uses a construct outside the subset
/// the translator knows, or is malformed. `offset` is the 0-based character position in the
/// formula's TeX where the problem starts.
public struct MathMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (character \(offset + 1) of the formula)" }
}
