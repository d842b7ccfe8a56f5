import Dispatch
import Foundation
import Synchronization

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
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `write(value)`, without the copy into a `String`. Long arrays are
    /// written in pieces on every core and joined in order, so the bytes are the same.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, indent: 0, shared: true, into: &out)
        if pretty { out.append(UInt8(ascii: "\n")) }
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

    /// Text is assembled as UTF-8 bytes and converted to a `String` once. `shared`: long arrays
    /// may be split across cores (not again inside a piece).
    private func write(_ value: JSONValue, indent: Int, shared: Bool = false, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): Self.appendQuoted(s, to: &out)
        case .array(let elements):
            if elements.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if !pretty || isFlat(elements) {
                out.append(UInt8(ascii: "["))
                for (i, element) in elements.enumerated() {
                    if i > 0 { out.append(contentsOf: (pretty ? ", " : ",").utf8) }
                    write(element, indent: indent, into: &out)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            let pieces = shared && elements.count >= 64 ? ProcessInfo.processInfo.activeProcessorCount : 1
            if pieces > 1 {
                let texts = Mutex([[UInt8]](repeating: [], count: pieces))
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    var text: [UInt8] = []
                    for i in elements.count * piece / pieces ..< elements.count * (piece + 1) / pieces {
                        writeElement(i, of: elements, indent: indent + 1, shared: false, into: &text)
                    }
                    texts.withLock { $0[piece] = text }
                }
                for text in texts.withLock({ $0 }) { out.append(contentsOf: text) }
            } else {
                for i in elements.indices { writeElement(i, of: elements, indent: indent + 1, shared: shared, into: &out) }
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            if !pretty {
                out.append(UInt8(ascii: "{"))
                for (i, member) in members.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendQuoted(member.key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    write(member.value, indent: indent, into: &out)
                }
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (i, member) in members.enumerated() {
                Self.appendIndent(indent + 1, to: &out)
                Self.appendQuoted(member.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                write(member.value, indent: indent + 1, shared: shared, into: &out)
                out.append(contentsOf: (i + 1 < members.count ? ",\n" : "\n").utf8)
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Element i of a multi-line array at `indent`, its separator and line break.
    private func writeElement(_ i: Int, of elements: [JSONValue], indent: Int, shared: Bool, into out: inout [UInt8]) {
        Self.appendIndent(indent, to: &out)
        write(elements[i], indent: indent, shared: shared, into: &out)
        out.append(contentsOf: (i + 1 < elements.count ? ",\n" : "\n").utf8)
    }

    /// Two spaces per level.
    private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string literal, appended as UTF-8: quote, backslash and control characters
    /// escaped, every other byte (including non-ASCII UTF-8) copied.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (keys, digits) need no escape: copied at once.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            if bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case ..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
