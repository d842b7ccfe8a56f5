/// One line of a section source: its indentation measured, its text located in the file.
///
/// Containers (list items) re-indent their lines relative to their content column, but `text`
/// and `column` always refer to the original file, so errors point at the real character.
struct SourceLine: Hashable, Sendable {
    /// 1-based line number in the file.
    let number: Int
    /// Width of the leading whitespace, a tab advancing to the next multiple of 4.
    var indent: Int
    /// The line after its leading whitespace, trailing whitespace removed.
    let text: [Character]
    /// 1-based column (in characters) of `text.first` in the original line.
    let column: Int

    var isBlank: Bool { text.isEmpty }

    /// The same text with a smaller indentation, as seen from inside a container.
    func dedented(by amount: Int) -> SourceLine {
        SourceLine(number: number, indent: max(0, indent - amount), text: text, column: column)
    }

    /// The part of the text from `offset` on, as its own line (e.g. a list item's first line).
    func suffix(from offset: Int) -> SourceLine {
        var start = min(offset, text.count)
        while start < text.count, text[start] == " " || text[start] == "\t" { start += 1 }
        return SourceLine(number: number, indent: 0, text: Array(text[start...]), column: column + start)
    }

    /// Where the character at `offset` in `text` is.
    func location(_ offset: Int, file: String) -> SourceLocation {
        SourceLocation(file: file, line: number, column: column + offset)
    }

    /// Whether `text` starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool { text.starts(with: prefix) }

    /// Splits a source into lines (`\n`, `\r\n` or `\r` end a line).
    static func lines(of source: String) -> [SourceLine] {
        let raw = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var lines: [SourceLine] = []
        lines.reserveCapacity(raw.count)
        for (index, line) in raw.enumerated() {
            var indent = 0
            var skipped = 0
            for character in line {
                if character == " " {
                    indent += 1
                } else if character == "\t" {
                    indent += 4 - indent % 4
                } else {
                    break
                }
                skipped += 1
            }
            var text = Array(line.dropFirst(skipped))
            while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            lines.append(SourceLine(number: index + 1, indent: indent, text: text, column: skipped + 1))
        }
        // A final line break ends the last line rather than starting an empty one.
        if source.last.map({ $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? true { lines.removeLast() }
        return lines
    }
}

/// Characters of running text with the file position of each, for the inline parser.
struct InlineSource: Sendable {
    var characters: [Character] = []
    /// `(line, column)` of each character; a joining newline has the position after its line.
    var positions: [(line: Int, column: Int)] = []
    /// The position just after the last character.
    var end: (line: Int, column: Int)

    init(start line: Int, column: Int) {
        end = (line, column)
    }

    /// The text of `line` from `from` up to (not including) `to`.
    init(_ line: SourceLine, from: Int = 0, to: Int? = nil) {
        self.init(start: line.number, column: line.column + from)
        append(line, from: from, to: to)
    }

    /// Lines joined by newlines, as in a paragraph.
    init(lines: some Collection<SourceLine>) {
        let first = lines.first
        self.init(start: first?.number ?? 1, column: first?.column ?? 1)
        for (index, line) in lines.enumerated() {
            if index > 0 {
                characters.append("\n")
                positions.append(end)
            }
            append(line)
        }
    }

    mutating func append(_ line: SourceLine, from: Int = 0, to: Int? = nil) {
        let to = to ?? line.text.count
        guard from < to else { return }
        for offset in from..<to {
            characters.append(line.text[offset])
            positions.append((line.number, line.column + offset))
        }
        end = (line.number, line.column + to)
    }

    func location(_ index: Int, file: String) -> SourceLocation {
        let (line, column) = index < positions.count ? positions[index] : end
        return SourceLocation(file: file, line: line, column: column)
    }
}
