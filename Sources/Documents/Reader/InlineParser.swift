/// Parses running text into inlines: emphasis, strong, code, links, cross-references, inline
/// math, line breaks and backslash escapes (see `MarkdownReader` for the syntax).
///
/// Emphasis with a single `*` or `_` that is never closed is literal text, as in Markdown;
/// an unclosed `**`, `` ` ``, `$` or link destination is an error at its opening delimiter.
struct InlineParser {
    private let source: InlineSource
    private let file: String
    private let chars: [Character]
    private var index = 0
    /// Openers (`*`, `_`, `[`) already known to have no closer, so text with many unmatched
    /// delimiters is parsed in quadratic rather than exponential time.
    private var unmatched: Set<Int> = []

    init(_ source: InlineSource, file: String) {
        self.source = source
        self.chars = source.characters
        self.file = file
    }

    /// Parses all of the text.
    mutating func parse() throws(SourceError) -> [Inline] {
        index = 0
        return try parse(until: nil) ?? []
    }

    /// What ends the inlines being parsed.
    private enum Closer {
        case emphasis(Character)
        case strong
        case bracket
    }

    /// Parses up to `closer` (left unconsumed), or to the end when `closer` is `nil`. Returns
    /// `nil` when the closer never comes.
    private mutating func parse(until closer: Closer?) throws(SourceError) -> [Inline]? {
        var out = InlineBuilder()
        while index < chars.count {
            if let closer, closes(closer) { return out.result }
            let character = chars[index]
            switch character {
            case "\\":
                backslash(into: &out)
            case "\n":
                out.append(" ")
                index += 1
            case "`":
                out.append(try codeSpan())
            case "$":
                out.append(try inlineMath())
            case "*" where next(1) == "*":
                try strong(into: &out)
            case "*", "_":
                try emphasis(character, into: &out)
            case "[":
                try bracket(into: &out)
            default:
                out.append(character)
                index += 1
            }
        }
        return closer == nil ? out.result : nil
    }

    // MARK: - Delimiters

    private func next(_ offset: Int) -> Character? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private func previous() -> Character? { index > 0 ? chars[index - 1] : nil }

    private func closes(_ closer: Closer) -> Bool {
        let afterText = previous().map { !$0.isWhitespace } ?? false
        switch closer {
        case .bracket:
            return chars[index] == "]"
        case .strong:
            return chars[index] == "*" && next(1) == "*" && afterText
        case .emphasis(let delimiter):
            guard chars[index] == delimiter, afterText else { return false }
            // `_` inside a word (`snake_case`) does not close.
            return delimiter == "*" || !(next(1).map { $0.isLetter || $0.isNumber } ?? false)
        }
    }

    private mutating func backslash(into out: inout InlineBuilder) {
        if let escaped = next(1) {
            if escaped == "\n" {
                out.append(.lineBreak)
                index += 2
                return
            }
            // The escaped character's first scalar decides: `\\*` followed by a combining mark
            // is one grapheme, `*́`, and still an escaped `*`.
            let first = Character(escaped.unicodeScalars.first!)
            if first.isASCII, first.isPunctuation || first.isSymbol {
                out.append(escaped)
                index += 2
                return
            }
        }
        out.append("\\")
        index += 1
    }

    private mutating func strong(into out: inout InlineBuilder) throws(SourceError) {
        guard let after = next(2), !after.isWhitespace else {
            out.append("**")
            index += 2
            return
        }
        let start = index
        index += 2
        guard let inner = try parse(until: .strong) else {
            throw SourceError("unclosed strong emphasis: '**' has no closing '**'", at: source.location(start, file: file))
        }
        index += 2
        out.append(.strong(inner))
    }

    private mutating func emphasis(_ delimiter: Character, into out: inout InlineBuilder) throws(SourceError) {
        let start = index
        let opens =
            !unmatched.contains(start)
            && (next(1).map { !$0.isWhitespace } ?? false)
            && (delimiter == "*" || !(previous().map { $0.isLetter || $0.isNumber } ?? false))
        index += 1
        guard opens else {
            out.append(delimiter)
            return
        }
        if let inner = try parse(until: .emphasis(delimiter)) {
            index += 1
            out.append(.emphasis(inner))
        } else {
            unmatched.insert(start)
            index = start + 1
            out.append(delimiter)
        }
    }

    /// `[@id]`, `[text](url)`, or a literal bracket.
    private mutating func bracket(into out: inout InlineBuilder) throws(SourceError) {
        let start = index
        if next(1) == "@" {
            var end = index + 2
            while end < chars.count, Self.isIdentifierCharacter(chars[end]) { end += 1 }
            if end > index + 2, end < chars.count, chars[end] == "]" {
                out.append(.reference(id: String(chars[(index + 2)..<end])))
                index = end + 1
                return
            }
        }
        index += 1
        guard !unmatched.contains(start), let inner = try parse(until: .bracket) else {
            unmatched.insert(start)
            index = start + 1
            out.append("[")
            return
        }
        index += 1  // the `]`
        guard index < chars.count, chars[index] == "(" else {
            out.append("[")
            out.append(contentsOf: inner)
            out.append("]")
            return
        }
        var url = ""
        var depth = 0
        var position = index + 1
        while position < chars.count {
            let character = chars[position]
            if character == "\\", position + 1 < chars.count, chars[position + 1].isASCII,
                chars[position + 1].isPunctuation || chars[position + 1].isSymbol
            {
                url.append(chars[position + 1])
                position += 2
                continue
            }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            } else if character == "(" {
                depth += 1
            }
            url.append(character)
            position += 1
        }
        guard position < chars.count else {
            throw SourceError("unclosed link: '](' has no closing ')'", at: source.location(start, file: file))
        }
        index = position + 1
        out.append(.link(text: inner, url: url))
    }

    private mutating func codeSpan() throws(SourceError) -> Inline {
        let start = index
        var run = 0
        while index < chars.count, chars[index] == "`" {
            run += 1
            index += 1
        }
        let contentStart = index
        var position = index
        while position < chars.count {
            guard chars[position] == "`" else {
                position += 1
                continue
            }
            var closing = 0
            while position + closing < chars.count, chars[position + closing] == "`" { closing += 1 }
            if closing == run {
                var content = String(chars[contentStart..<position].map { $0 == "\n" ? " " : $0 })
                if content.count >= 2, content.first == " ", content.last == " ",
                    content.contains(where: { $0 != " " })
                {
                    content = String(content.dropFirst().dropLast())
                }
                index = position + closing
                return .code(content)
            }
            position += closing
        }
        let fence = String(repeating: "`", count: run)
        throw SourceError(
            "unclosed code span: '\(fence)' has no closing '\(fence)'", at: source.location(start, file: file))
    }

    private mutating func inlineMath() throws(SourceError) -> Inline {
        let start = index
        if next(1) == "$" {
            throw SourceError(
                "display math '$$' must start its own line", at: source.location(start, file: file))
        }
        var tex = ""
        var position = index + 1
        while position < chars.count, chars[position] != "$" {
            // Inside math a backslash keeps the next character, so `\$` does not close it.
            if chars[position] == "\\", position + 1 < chars.count {
                tex.append("\\")
                position += 1
            }
            tex.append(chars[position] == "\n" ? " " : chars[position])
            position += 1
        }
        guard position < chars.count else {
            throw SourceError("unclosed inline math: '$' has no closing '$'", at: source.location(start, file: file))
        }
        index = position + 1
        return .math(Math(tex, location: source.location(start + 1, file: file)))
    }

    /// Characters of labels and generated-block names: letters, digits, `-`, `_`, `:`, `.`.
    static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
            || character == "-" || character == "_" || character == ":" || character == "."
    }
}

/// Collects inlines, merging neighbouring text.
struct InlineBuilder {
    private var inlines: [Inline] = []
    private var pending = ""

    mutating func append(_ character: Character) { pending.append(character) }
    mutating func append(_ text: String) { pending += text }

    mutating func append(_ inline: Inline) {
        if case .text(let text) = inline {
            pending += text
            return
        }
        flush()
        inlines.append(inline)
    }

    mutating func append(contentsOf inlines: [Inline]) {
        for inline in inlines { append(inline) }
    }

    private mutating func flush() {
        if !pending.isEmpty {
            inlines.append(.text(pending))
            pending = ""
        }
    }

    var result: [Inline] {
        mutating get {
            flush()
            return inlines
        }
    }
}
