/// A piece of a Markdown line: text to be shown literally, or markup the writer made.
enum MarkdownPiece: Equatable, Sendable {
    /// Text that must read literally: it is escaped where it stands.
    case text(String)
    /// Markup written as is (`**`, `$…$`, `[`, `](#id)`, a hard line break `\` + newline).
    case markup(String)
}

/// Escapes text for the Markdown writer where it stands, the way Pandoc's own Markdown writer
/// does and a little more sparingly: a character gets a backslash only where, with its actual
/// neighbours, it could start or end a construct in CommonMark/GitHub-flavoured Markdown
/// (GitHub, Jupyter) or in Pandoc's `markdown` (with its default extensions), so `[2, 2, 1]`,
/// `η = 0.5` and `Step 1a:` stay as a person would type them while `*a*`, `[x](y)`, `<b>`,
/// `# h` or `1. x` at a line start stay literal.
///
/// The pieces of one call are one or more whole lines: the first piece starts a line, the last
/// ends one, and a newline inside markup starts another. The rules, by character:
///
/// - Always: `\` `` ` `` `$` `|` `"` (Pandoc's smart quotes would turn `"` into a quotation).
/// - `*` `~` `^` unless whitespace is on both sides; `_` unless whitespace or letters/digits are
///   on both sides (intraword `_` never emphasises); `'` unless between letters or digits
///   (there smart typography only makes it an apostrophe).
/// - `[` and `]` as a pair when the pair could be a link, span, note or task box: followed by
///   `(`, `[`, `{` or `:`, holding a letter (a reference or a heading's name) or nothing; and
///   any bracket without a partner.
/// - `<` before a letter, `/`, `!`, `?` (a tag or autolink); `&` that starts an entity;
///   `@` before a letter, digit, `_` or `{` (a Pandoc citation); `:` in `:name:` (an emoji) or
///   before `//`, and `.` after a word `www` (GFM's bare links); `{` right after markup or
///   opening a `{…}` that ends the line (attributes); `-` before `-` and `.` before `..`
///   (smart dashes and ellipses); a run of `#` that ends the line after a space.
/// - At a line start only: `#` `>` `%`, `-` `+` `*` `:` `~` before a space or the line end,
///   `::`, a line of `=` alone, and the delimiter of an ordered-list marker (`1.`, `a)`, `(iv)`,
///   `#.`, `(@)`). Spaces at a line's start or end are left out; tabs and line breaks in
///   text become spaces and other control characters are dropped.
enum MarkdownTextEscaping {
    /// What lies beyond the first and the last piece.
    enum Edges: Sendable {
        /// A line's start and end.
        case lines
        /// Unknown markup, as when a template places the result inside `**…**`: a character at
        /// either end is escaped unless it is literal next to any markup (a `*` at the end of
        /// `a *` would otherwise meet the template's `**`).
        case markup
    }

    /// The pieces as Markdown, their text escaped where it stands.
    static func render(_ pieces: [MarkdownPiece], edges: Edges = .lines) -> String {
        EscapingScan(pieces, edges: edges).output()
    }

    /// One text alone on its line(s), escaped.
    static func escape(_ text: String) -> String {
        render([.text(text)])
    }
}

/// The escaping decision for every text character of one run of lines.
private struct EscapingScan {
    private let edges: MarkdownTextEscaping.Edges
    private var scalars: [Unicode.Scalar] = []
    private var isText: [Bool] = []
    /// Text spaces at a line start, left out of the output.
    private var dropped: Set<Int> = []
    private var escaped: Set<Int> = []

    init(_ pieces: [MarkdownPiece], edges: MarkdownTextEscaping.Edges) {
        self.edges = edges
        for piece in pieces {
            switch piece {
            case .markup(let markup):
                for scalar in markup.unicodeScalars {
                    scalars.append(scalar)
                    isText.append(false)
                }
            case .text(let text):
                for scalar in text.unicodeScalars {
                    if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                        scalars.append(" ")
                    } else if scalar.value < 0x20 || scalar.value == 0x7F {
                        continue
                    } else {
                        scalars.append(scalar)
                    }
                    isText.append(true)
                }
            }
        }
        decideLineStarts()
        decideBrackets()
        for index in scalars.indices where isText[index] && !dropped.contains(index) && !escaped.contains(index) {
            if needsEscape(index) { escaped.insert(index) }
        }
    }

    func output() -> String {
        var out = String.UnicodeScalarView()
        for index in scalars.indices where !dropped.contains(index) {
            if escaped.contains(index) { out.append("\\") }
            out.append(scalars[index])
        }
        return String(out)
    }

    // MARK: - Neighbours

    private func scalar(_ index: Int) -> Unicode.Scalar? {
        scalars.indices.contains(index) ? scalars[index] : nil
    }

    /// Whitespace, or a line's start or end (which count as whitespace for emphasis). Spaces
    /// dropped at the first or last piece's edge are the edge.
    private func isSpace(_ index: Int) -> Bool {
        guard let scalar = scalar(index), !isDroppedAtEdge(index) else { return edges == .lines }
        return scalar.properties.isWhitespace
    }

    private func isDroppedAtEdge(_ index: Int) -> Bool {
        guard dropped.contains(index) else { return false }
        let before = scalars[..<index].indices.allSatisfy(dropped.contains)
        let after = scalars[(index + 1)...].indices.allSatisfy(dropped.contains)
        return before || after
    }

    private func isWordCharacter(_ index: Int) -> Bool {
        guard let scalar = scalar(index) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    private func isASCIILetterOrDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The index of the newline ending the line through `index`, or the end.
    private func lineEnd(after index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        return end
    }

    /// Whether only spaces follow `index` up to the line end.
    private func onlySpacesAfter(_ index: Int) -> Bool {
        var position = index + 1
        while position < scalars.count, scalars[position] != "\n" {
            if scalars[position] != " " { return false }
            position += 1
        }
        return true
    }

    // MARK: - Line starts

    /// Leading and trailing text spaces are dropped (they would indent a line, end emphasis
    /// early or break a line); the first character of every line gets the line-start rules.
    private mutating func decideLineStarts() {
        for end in scalars.indices.filter({ scalars[$0] == "\n" }) + [scalars.count] {
            var position = end - 1
            while position >= 0, scalars[position] == " ", isText[position] {
                dropped.insert(position)
                position -= 1
            }
        }
        var atStart = true
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "\n" {
                atStart = true
                continue
            }
            guard atStart else { continue }
            if scalar == " " {
                if isText[index] { dropped.insert(index) }
                continue
            }
            atStart = false
            if isText[index] { lineStart(index) }
        }
    }

    private mutating func lineStart(_ index: Int) {
        let next = scalar(index + 1)
        let nextEndsMarker = next == nil || next == " " || next == "\n"
        switch scalars[index] {
        case "#", ">", "%":
            escaped.insert(index)
        case "-", "+", "*", "~":
            if nextEndsMarker { escaped.insert(index) }
        case ":":
            if nextEndsMarker || next == ":" { escaped.insert(index) }
        case "=":
            let end = lineEnd(after: index)
            if scalars[index..<end].allSatisfy({ $0 == "=" || $0 == " " }) { escaped.insert(index) }
        default:
            if let delimiter = orderedListDelimiter(at: index) { escaped.insert(delimiter) }
        }
    }

    /// The index of the `.` or `)` of an ordered-list marker starting at `index` (Pandoc's
    /// fancy lists: `1.`, `1)`, `a.`, `iv)`, `#.`, `(a)`, `(@)`), when a space or the line end
    /// follows it.
    private func orderedListDelimiter(at index: Int) -> Int? {
        var position = index
        let parenthesised = scalars[position] == "("
        if parenthesised { position += 1 }
        let start = position
        guard let first = scalar(position) else { return nil }
        func isRoman(_ s: Unicode.Scalar) -> Bool { "ivxlcdmIVXLCDM".unicodeScalars.contains(s) }
        if ("0"..."9").contains(first) {
            while let s = scalar(position), ("0"..."9").contains(s) { position += 1 }
        } else if first == "#" {
            position += 1
        } else if first == "@" {
            position += 1
            while let s = scalar(position), isASCIILetterOrDigit(s) || s == "_" || s == "-" { position += 1 }
        } else if isRoman(first) {
            while let s = scalar(position), isRoman(s) { position += 1 }
        } else if isASCIILetterOrDigit(first) {
            position += 1
        }
        guard position > start, let delimiter = scalar(position) else { return nil }
        guard delimiter == ")" || (delimiter == "." && !parenthesised) else { return nil }
        let after = scalar(position + 1)
        guard after == nil || after == " " || after == "\n" else { return nil }
        return position
    }

    // MARK: - Brackets

    /// Text brackets pair up like parentheses; a pair is escaped when it could be a link, a
    /// span, a note or a task box, and so is every bracket without a partner.
    private mutating func decideBrackets() {
        var open: [Int] = []
        for index in scalars.indices where isText[index] && !dropped.contains(index) {
            switch scalars[index] {
            case "[":
                open.append(index)
            case "]":
                guard let opening = open.popLast() else {
                    escaped.insert(index)
                    continue
                }
                if pairCouldBeMarkup(opening, index) {
                    escaped.insert(opening)
                    escaped.insert(index)
                }
            default:
                continue
            }
        }
        escaped.formUnion(open)
    }

    private func pairCouldBeMarkup(_ opening: Int, _ closing: Int) -> Bool {
        if let after = scalar(closing + 1), "([{:".unicodeScalars.contains(after) { return true }
        let content = scalars[(opening + 1)..<closing]
        if content.allSatisfy({ $0 == " " }) { return true }
        return content.contains(where: isLetter)
    }

    // MARK: - Characters anywhere

    private func needsEscape(_ index: Int) -> Bool {
        let next = scalar(index + 1)
        switch scalars[index] {
        case "\\", "`", "$", "|", "\"":
            return true
        case "*", "~", "^":
            return !(isSpace(index - 1) && isSpace(index + 1))
        case "_":
            return !(isSpace(index - 1) && isSpace(index + 1) || isWordCharacter(index - 1) && isWordCharacter(index + 1))
        case "'":
            return !(isWordCharacter(index - 1) && isWordCharacter(index + 1))
        case "-":
            return next == "-"
        case ".":
            return next == "." && scalar(index + 2) == "." || followsWordWWW(index)
        case "<":
            guard let next else { return false }
            return isLetter(next) || next == "/" || next == "!" || next == "?"
        case "&":
            return startsEntity(index)
        case "@":
            guard let next else { return false }
            return isWordCharacter(index + 1) || next == "_" || next == "{"
        case ":":
            return next == "/" && scalar(index + 2) == "/" || startsEmoji(index)
        case "{":
            guard index > 0 else { return edges == .markup }
            return !isText[index - 1] && scalars[index - 1] != "\n" || closesLine(index)
        case "#":
            return endsLineAsHashes(index)
        default:
            return false
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;`: an entity reference Markdown would decode.
    private func startsEntity(_ index: Int) -> Bool {
        var position = index + 1
        var digits = 0
        if scalar(position) == "#" {
            position += 1
            let hex = scalar(position) == "x" || scalar(position) == "X"
            if hex { position += 1 }
            while let s = scalar(position), s.properties.isASCIIHexDigit && (hex || ("0"..."9").contains(s)) {
                position += 1
                digits += 1
            }
        } else {
            while isASCIILetterOrDigit(scalar(position)) {
                position += 1
                digits += 1
            }
        }
        return digits > 0 && scalar(position) == ";"
    }

    /// `:name:`, a GitHub emoji short code.
    private func startsEmoji(_ index: Int) -> Bool {
        var position = index + 1
        while let s = scalar(position), isASCIILetterOrDigit(s) || s == "_" || s == "+" || s == "-" { position += 1 }
        return position > index + 1 && scalar(position) == ":"
    }

    /// The `.` of `www.` at a word start, which GFM turns into a link.
    private func followsWordWWW(_ index: Int) -> Bool {
        guard index >= 3, scalars[(index - 3)..<index].elementsEqual("www".unicodeScalars) else { return false }
        return index == 3 || !isWordCharacter(index - 4)
    }

    /// A `{` whose `}` ends the line: Pandoc's heading attributes.
    private func closesLine(_ index: Int) -> Bool {
        let end = lineEnd(after: index)
        guard let close = scalars[index..<end].lastIndex(of: "}") else { return false }
        return onlySpacesAfter(close)
    }

    /// A run of `#` after a space that ends the line: an ATX heading's closing sequence.
    private func endsLineAsHashes(_ index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1] == "#" { start -= 1 }
        var end = index
        while end + 1 < scalars.count, scalars[end + 1] == "#" { end += 1 }
        return isSpace(start - 1) && onlySpacesAfter(end)
    }
}
