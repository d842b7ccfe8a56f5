import ExactArithmetic
import JSON

/// A JSON value with its path in the document, and typed accessors whose errors name that
/// path. Specs and build manifests are read with it.
public struct Field {
    public let value: JSONValue
    public let path: String

    public init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    private func child(_ index: Int, _ value: JSONValue) -> Field { Field(value, path: "\(path)[\(index)]") }

    /// An object whose keys must all be in `allowed`; an unknown key is an error naming it
    /// and, for a near miss, the key that was probably meant.
    public func object(allowing allowed: [String]) throws(SpecError) -> ObjectField {
        guard case .object(let members) = value else {
            throw SpecError(path, "expected an object, got \(value.kindDescription)")
        }
        for member in members where !allowed.contains(member.key) {
            let key = MessageExcerpt.of(member.key)
            // A key that is not a plain name is bracketed, so the path stays unambiguous: focus[""].
            let isPlain = !member.key.isEmpty && member.key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            let place = isPlain ? (path.isEmpty ? key : "\(path).\(key)") : "\(path)[\"\(key)\"]"
            var message = "unknown key \"\(key)\""
            if let suggestion = Suggestion.nearest(to: member.key, among: allowed) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += "; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            throw SpecError(place, message)
        }
        return ObjectField(members: members, basePath: path)
    }

    public func array() throws(SpecError) -> [Field] {
        try elements().enumerated().map { child($0.offset, $0.element) }
    }

    /// An array of exactly `count` elements; `what` describes them for the message. The count
    /// is checked before a field is made for any element.
    public func array(count: Int, what: String) throws(SpecError) -> [Field] {
        let elements = try elements()
        guard elements.count == count else {
            throw SpecError(path, "expected \(count) \(what), got \(elements.count)")
        }
        return elements.enumerated().map { child($0.offset, $0.element) }
    }

    /// The number of elements of an array, to check before reading them.
    public func count() throws(SpecError) -> Int { try elements().count }

    private func elements() throws(SpecError) -> [JSONValue] {
        guard case .array(let elements) = value else {
            throw SpecError(path, "expected an array, got \(value.kindDescription)")
        }
        return elements
    }

    /// An exact number: a JSON number (its decimal text) or a string such as `"1/3"`.
    public func number() throws(SpecError) -> Rational {
        let text: String
        switch value {
        case .number(let t): text = t
        case .string(let t): text = t
        default: throw SpecError(path, "expected a number (or a fraction string such as \"1/3\"), got \(value.kindDescription)")
        }
        // Byte counts first: a short number of ASCII digits needs no character count.
        guard text.utf8.count <= SpecLimits.maximumNumberLength || text.count <= SpecLimits.maximumNumberLength else {
            throw SpecError(path, "a number of \(text.count) characters; at most \(SpecLimits.maximumNumberLength) are accepted")
        }
        // nan, inf and infinity all hold an n: other texts skip the lowercased copy.
        if text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "n") }) {
            let lowered = text.lowercased()
            let unsigned = lowered.hasPrefix("+") || lowered.hasPrefix("-") ? lowered.dropFirst() : lowered[...]
            if ["nan", "inf", "infinity"].contains(unsigned) {
                throw SpecError(path, "expected a finite number, got \"\(MessageExcerpt.of(text))\"")
            }
        }
        let parsed: Rational
        do {
            parsed = try Rational.parse(text, maxExponent: SpecLimits.maximumExponent)
        } catch {
            switch error {
            case .zeroDenominator:
                throw SpecError(path, "the fraction \"\(text)\" has a zero denominator")
            case .exponentOutOfRange:
                throw SpecError(path, "the exponent of \(text) is out of range; expected at most ±\(SpecLimits.maximumExponent)")
            case .invalidSyntax:
                throw SpecError(path, "expected a number such as 0.25, -1.5e-3 or \"1/3\", got \"\(MessageExcerpt.of(text))\"")
            }
        }
        guard parsed.magnitude <= SpecLimits.maximumMagnitude else {
            throw SpecError(path, "expected a magnitude ≤ \(SpecLimits.maximumMagnitude), got \(text)")
        }
        return parsed
    }

    /// A whole JSON number (`3`, not `3.0` or `"3"`).
    public func integer() throws(SpecError) -> Int {
        guard case .number(let text) = value else {
            throw SpecError(path, "expected a whole number, got \(value.kindDescription)")
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), text.count <= 10, let n = Int(text) else {
            throw SpecError(path, "expected a whole number of reasonable size, got \(MessageExcerpt.of(text))")
        }
        return n
    }

    /// A string, checked for length and control characters.
    public func text() throws(SpecError) -> String {
        guard case .string(let s) = value else {
            throw SpecError(path, "expected a string, got \(value.kindDescription)")
        }
        guard s.count <= SpecLimits.maximumTextLength else {
            throw SpecError(path, "a text of \(s.count) characters; at most \(SpecLimits.maximumTextLength) are accepted")
        }
        if s.unicodeScalars.contains(where: { MessageExcerpt.breaksLine($0) }) {
            throw SpecError(path, "control characters (such as line breaks) are not allowed in this text")
        }
        return s
    }

    /// One of an enumeration's raw values, with a suggestion for a near miss.
    public func choice<T: RawRepresentable & CaseIterable>(of type: T.Type) throws(SpecError) -> T where T.RawValue == String {
        guard case .string(let s) = value else {
            throw SpecError(path, "expected a string, got \(value.kindDescription)")
        }
        if let choice = T(rawValue: s) { return choice }
        let names = T.allCases.map(\.rawValue)
        let expected = names.map { "\"\($0)\"" }.joined(separator: ", ")
        var message = "unknown name \"\(MessageExcerpt.of(s))\"; "
        if let suggestion = Suggestion.nearest(to: s, among: names) {
            message += "did you mean \"\(suggestion)\"? Expected one of \(expected)"
        } else {
            message += "expected one of \(expected)"
        }
        throw SpecError(path, message)
    }
}

/// The members of a JSON object with their paths.
public struct ObjectField {
    public let members: [JSONValue.Member]
    public let basePath: String

    /// The path of member `key`.
    public func path(_ key: String) -> String { basePath.isEmpty ? key : "\(basePath).\(key)" }

    public func optional(_ key: String) -> Field? {
        members.first { $0.key == key }.map { Field($0.value, path: path(key)) }
    }

    public func required(_ key: String) throws(SpecError) -> Field {
        guard let field = optional(key) else { throw SpecError(path(key), "missing; this key is required") }
        return field
    }
}
