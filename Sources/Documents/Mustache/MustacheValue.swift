import JSON

/// The data a Mustache template is rendered against: JSON's value kinds, with numbers kept as
/// their exact text so `0.1` interpolates as `0.1`.
public indirect enum MustacheValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as the text to interpolate (`-1.25e-3`).
    case number(String)
    case string(String)
    case list([MustacheValue])
    case object([String: MustacheValue])

    /// The value of a parsed JSON document; number text is kept exactly.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(MustacheValue.init(json:)))
        case .object(let members):
            var object: [String: MustacheValue] = [:]
            for member in members { object[member.key] = MustacheValue(json: member.value) }
            self = .object(object)
        }
    }

    /// Whether a section renders for this value. Following the specification's reference
    /// implementation, only `null`, `false` and the empty list are falsey: the empty string
    /// and `0` are truthy.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        case .list(let elements): return !elements.isEmpty
        case .bool(true), .number, .string, .object: return true
        }
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension MustacheValue {
    /// How many values the tree holds and how many bytes of text: what a rendering of it may
    /// reasonably take (see `MustacheRenderOptions`).
    var size: (values: Int, textBytes: Int) {
        switch self {
        case .null, .bool: return (1, 0)
        case .number(let text), .string(let text): return (1, text.utf8.count)
        case .list(let elements):
            return elements.reduce((1, 0)) { total, element in
                let size = element.size
                return (total.0 + size.values, total.1 + size.textBytes)
            }
        case .object(let members):
            return members.values.reduce((1, 0)) { total, member in
                let size = member.size
                return (total.0 + size.values, total.1 + size.textBytes)
            }
        }
    }
}
