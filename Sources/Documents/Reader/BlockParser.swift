/// Parses lines into blocks: the block-level half of `MarkdownReader`.
///
/// Containers (fenced divs, list items) hand their inner lines to `parse` again, so nesting
/// is recursion. Lists, tables and fenced divs live in their own files.
struct BlockParser {
    let file: String
    let generatedBlocks: [String: Block]

    func parse(_ lines: [SourceLine]) throws(SourceError) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                index += 1
            } else if let fence = Fence(line) {
                guard fence.opensDivision else {
                    throw SourceError(
                        "closing fence '\(String(line.text))' without an open fenced div",
                        at: line.location(0, file: file))
                }
                index = try parseDivision(lines, at: index, into: &blocks)
            } else if let level = try headingLevel(line) {
                blocks.append(try heading(line, level: level))
                index += 1
            } else if line.hasPrefix("$$") {
                index = try parseDisplayMath(lines, at: index, into: &blocks)
            } else if line.hasPrefix("@@") {
                let generated = try generatedBlock(line)
                if case .group(let parts) = generated { blocks += parts } else { blocks.append(generated) }
                index += 1
            } else if ListMarker(line) != nil {
                index = try parseList(lines, at: index, into: &blocks)
            } else if isTableStart(lines, at: index) {
                index = try parseTable(lines, at: index, into: &blocks)
            } else {
                index = try parseParagraph(lines, at: index, into: &blocks)
            }
        }
        return blocks
    }

    /// Parses running text located by `source`.
    func inlines(_ source: InlineSource) throws(SourceError) -> [Inline] {
        var parser = InlineParser(source, file: file)
        return try parser.parse()
    }

    /// Whether `lines[index]` starts a block that ends the paragraph before it.
    func interruptsParagraph(_ lines: [SourceLine], at index: Int) -> Bool {
        let line = lines[index]
        if Fence(line) != nil || line.hasPrefix("$$") || line.hasPrefix("@@") { return true }
        if isTableStart(lines, at: index) { return true }
        if let marker = ListMarker(line) { return marker.kind != .ordered || marker.start == 1 }
        return headingMarkerLength(line) != nil
    }

    // MARK: - Paragraphs

    private func parseParagraph(_ lines: [SourceLine], at start: Int, into blocks: inout [Block]) throws(SourceError) -> Int {
        var end = start + 1
        while end < lines.count, !lines[end].isBlank, !interruptsParagraph(lines, at: end) { end += 1 }
        blocks.append(.paragraph(try inlines(InlineSource(lines: lines[start..<end]))))
        return end
    }

    // MARK: - Headings

    /// The number of `#` that open a heading on `line` (followed by a space or the line end).
    private func headingMarkerLength(_ line: SourceLine) -> Int? {
        let hashes = line.text.prefix { $0 == "#" }.count
        guard hashes > 0, hashes == line.text.count || line.text[hashes] == " " || line.text[hashes] == "\t" else {
            return nil
        }
        return hashes
    }

    private func headingLevel(_ line: SourceLine) throws(SourceError) -> Int? {
        guard let level = headingMarkerLength(line) else { return nil }
        guard level <= 3 else {
            throw SourceError(
                "heading level \(level) is not supported: use '#', '##' or '###'", at: line.location(0, file: file))
        }
        return level
    }

    private func heading(_ line: SourceLine, level: Int) throws(SourceError) -> Block {
        let (labelStart, id) = try Attributes.trailingLabel(of: line, before: line.text.count, file: file)
        var end = labelStart
        // An optional closing sequence of `#` (`## Title ##`), preceded by a space.
        var hashes = end
        while hashes > level, line.text[hashes - 1] == "#" { hashes -= 1 }
        if hashes < end, hashes == level || line.text[hashes - 1] == " " { end = hashes }
        while end > level, line.text[end - 1] == " " || line.text[end - 1] == "\t" { end -= 1 }
        var start = level
        while start < end, line.text[start] == " " || line.text[start] == "\t" { start += 1 }
        return .heading(level: level, id: id, content: try inlines(InlineSource(line, from: start, to: end)))
    }

    // MARK: - Display math

    private func parseDisplayMath(_ lines: [SourceLine], at start: Int, into blocks: inout [Block]) throws(SourceError) -> Int {
        var pieces: [String] = []
        var index = start
        var from = 2
        while index < lines.count {
            let line = lines[index]
            if let close = Self.find("$$", in: line.text, from: from) {
                pieces.append(String(line.text[from..<close]))
                let (end, id) = try Attributes.trailingLabel(of: line, before: line.text.count, file: file)
                var rest = close + 2
                while rest < end, line.text[rest] == " " || line.text[rest] == "\t" { rest += 1 }
                guard rest >= end else {
                    throw SourceError(
                        "unexpected text after the closing '$$' (only a label like '{#eq:id}' may follow)",
                        at: line.location(rest, file: file))
                }
                let tex = pieces.joined(separator: "\n").trimmingWhitespace()
                guard !tex.isEmpty else {
                    throw SourceError("empty display math", at: lines[start].location(0, file: file))
                }
                blocks.append(.displayMath(Math(tex, location: lines[start].location(2, file: file)), id: id, numbered: id != nil))
                return index + 1
            }
            pieces.append(String(line.text[min(from, line.text.count)...]))
            index += 1
            from = 0
        }
        throw SourceError(
            "unclosed display math: '$$' has no closing '$$'", at: lines[start].location(0, file: file))
    }

    /// The offset of the first `needle` in `text` at or after `from`.
    static func find(_ needle: String, in text: [Character], from: Int) -> Int? {
        let needle = Array(needle)
        guard text.count >= needle.count, from <= text.count - needle.count else { return nil }
        for offset in from...(text.count - needle.count) where text[offset..<(offset + needle.count)].elementsEqual(needle) {
            return offset
        }
        return nil
    }

    // MARK: - Generated blocks

    private func generatedBlock(_ line: SourceLine) throws(SourceError) -> Block {
        let name = String(line.text.dropFirst(2))
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) || "-_.".contains($0) }) else {
            throw SourceError(
                "malformed generated-block line: expected '@@name' alone (letters, digits, '-', '_', '.')",
                at: line.location(0, file: file))
        }
        guard let block = generatedBlocks[name] else {
            let known = generatedBlocks.keys.sorted().map { "@@" + $0 }
            let hint = known.isEmpty ? "none are available here" : "known: " + known.joined(separator: ", ")
            throw SourceError("unknown generated block '@@\(name)' (\(hint))", at: line.location(0, file: file))
        }
        return block
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
