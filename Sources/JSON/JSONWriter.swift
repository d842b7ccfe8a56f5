/// Writes `JSONValue`s as text: deterministic (member order as given), two-space indented,
/// numbers written as their stored text, strings escaped per RFC 8259.
public struct JSONWriter: Sendable {
    /// Indent nested values on new lines; otherwise one line.
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The text of `value`, ending with a newline when pretty.
    public func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        if pretty { out += "\n" }
        return out
    }

    /// Short arrays of scalars stay on one line so vectors read as vectors.
    private func isFlat(_ elements: [JSONValue]) -> Bool {
        elements.count <= 16 && elements.allSatisfy {
            switch $0 {
            case .array, .object: return false
            default: return true
            }
        }
    }

    private func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): out += Self.quoted(s)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if !pretty || isFlat(elements) {
                out += "["
                for (i, element) in elements.enumerated() {
                    if i > 0 { out += pretty ? ", " : "," }
                    write(element, indent: indent, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(element, indent: indent + 1, into: &out)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            if !pretty {
                out += "{"
                for (i, member) in members.enumerated() {
                    if i > 0 { out += "," }
                    out += Self.quoted(member.key) + ":"
                    write(member.value, indent: indent, into: &out)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1) + Self.quoted(member.key) + ": "
                write(member.value, indent: indent + 1, into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
