/// A problem with a spec, located by the JSON path of the offending value
/// (`network.weights[1][0][2]`) and saying what was expected.
public struct SpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON path, or empty for the whole document.
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
