/// An attribute block `{#id .class key="value"}`, as after a fence opener, and the label
/// `{#id}` that may end a heading, a display-math block or a table caption.
struct Attributes {
    struct Pair {
        var key: String
        /// The raw value: quotes removed, backslash escapes kept for the inline parser.
        var value: String
        /// Offset in the line of the key and of the value's first character.
        var keyOffset: Int
        var valueOffset: Int
    }

    var id: String?
    var classes: [(name: String, offset: Int)] = []
    var pairs: [Pair] = []

    /// Parses the block that opens at `line.text[start] == "{"`; returns it and the offset
    /// just after its `}`.
    static func parse(_ line: SourceLine, from start: Int, file: String) throws(SourceError) -> (Attributes, end: Int) {
        let text = line.text
        var attributes = Attributes()
        var index = start + 1
        func identifier(from offset: Int) -> (String, end: Int) {
            var end = offset
            while end < text.count, InlineParser.isIdentifierCharacter(text[end]) { end += 1 }
            return (String(text[offset..<end]), end)
        }
        while true {
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
            guard index < text.count else {
                throw SourceError("unclosed '{' in attributes: expected '}'", at: line.location(start, file: file))
            }
            let character = text[index]
            if character == "}" { return (attributes, index + 1) }
            if character == "#" || character == "." {
                let (name, end) = identifier(from: index + 1)
                guard !name.isEmpty else {
                    throw SourceError("expected a name after '\(character)' in attributes", at: line.location(index, file: file))
                }
                if character == "#" {
                    guard attributes.id == nil else {
                        throw SourceError("a second label '#\(name)' in attributes", at: line.location(index, file: file))
                    }
                    attributes.id = name
                } else {
                    attributes.classes.append((name, index))
                }
                index = end
                continue
            }
            let (key, keyEnd) = identifier(from: index)
            guard !key.isEmpty, keyEnd < text.count, text[keyEnd] == "=" else {
                throw SourceError(
                    "malformed attribute: expected '#id', '.class' or 'key=\"value\"'",
                    at: line.location(index, file: file))
            }
            var value = ""
            var valueOffset = keyEnd + 1
            var position = valueOffset
            if position < text.count, text[position] == "\"" {
                valueOffset += 1
                position += 1
                while position < text.count, text[position] != "\"" {
                    if text[position] == "\\", position + 1 < text.count {
                        value.append("\\")
                        position += 1
                    }
                    value.append(text[position])
                    position += 1
                }
                guard position < text.count else {
                    throw SourceError(
                        "unclosed '\"' in the value of '\(key)'", at: line.location(keyEnd + 1, file: file))
                }
                position += 1
            } else {
                while position < text.count, !text[position].isWhitespace, text[position] != "}" {
                    value.append(text[position])
                    position += 1
                }
            }
            attributes.pairs.append(Pair(key: key, value: value, keyOffset: index, valueOffset: valueOffset))
            index = position
        }
    }

    /// Splits a trailing label `{#id}` off `line.text[..<end]`. Returns where the content ends
    /// (trailing spaces excluded) and the label, or `end` and `nil` when there is none.
    static func trailingLabel(
        of line: SourceLine, before end: Int, file: String
    ) throws(SourceError) -> (contentEnd: Int, id: String?) {
        let text = line.text
        guard end > 0, text[end - 1] == "}" else { return (end, nil) }
        guard let open = text[..<end].lastIndex(of: "{") else { return (end, nil) }
        var backslashes = 0
        while open - backslashes - 1 >= 0, text[open - backslashes - 1] == "\\" { backslashes += 1 }
        let afterBrace = text[(open + 1)..<end].drop { $0 == " " }
        guard backslashes % 2 == 0, afterBrace.first == "#" else { return (end, nil) }
        let (attributes, attributesEnd) = try parse(line, from: open, file: file)
        guard attributesEnd == end, attributes.classes.isEmpty, attributes.pairs.isEmpty else {
            throw SourceError("only a label like '{#id}' may end this line", at: line.location(open, file: file))
        }
        var contentEnd = open
        while contentEnd > 0, text[contentEnd - 1] == " " || text[contentEnd - 1] == "\t" { contentEnd -= 1 }
        return (contentEnd, attributes.id)
    }
}
