/// A parsed JSON value that keeps what `JSONSerialization` loses: the exact text of every
/// number (so `0.1` can mean exactly 1/10), the order of object members, and where each
/// value stood in the source.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as its exact source text (`-1.25e-3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in source order. Duplicate keys are rejected by the parser.
    case object([Member])

    /// One member of an object.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The member named `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short name of the value's kind for error messages: "a number", "an object"…
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
