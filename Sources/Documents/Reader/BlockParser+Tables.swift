extension BlockParser {
    /// A header row with an unescaped `|`, then a separator row such as `|:--|--:|`.
    func isTableStart(_ lines: [SourceLine], at index: Int) -> Bool {
        index + 1 < lines.count && !Self.pipes(lines[index]).isEmpty && Self.alignments(lines[index + 1]) != nil
    }

    /// Parses a pipe table and an optional caption line (`Table: text {#tbl:id}` or
    /// `: text`) directly after it or after one blank line.
    func parseTable(_ lines: [SourceLine], at start: Int, into blocks: inout [Block]) throws(SourceError) -> Int {
        let alignments = Self.alignments(lines[start + 1])!
        let header = try cells(lines[start])
        guard header.count == alignments.count else {
            throw SourceError(
                "table separator row has \(Self.cellCount(alignments.count)) but the header row has \(header.count)",
                at: lines[start + 1].location(0, file: file))
        }
        var rows: [[[Inline]]] = []
        var index = start + 2
        while index < lines.count, Self.captionStart(lines[index]) == nil, !Self.pipes(lines[index]).isEmpty {
            let row = try cells(lines[index])
            guard row.count == header.count else {
                throw SourceError(
                    "table row has \(Self.cellCount(row.count)) but the header row has \(header.count)",
                    at: lines[index].location(0, file: file))
            }
            rows.append(row)
            index += 1
        }

        var table = Table(alignments: alignments, header: header, rows: rows)
        var captionLine: SourceLine?
        if index < lines.count, Self.captionStart(lines[index]) != nil {
            captionLine = lines[index]
            index += 1
        } else if index + 1 < lines.count, lines[index].isBlank, Self.captionStart(lines[index + 1]) != nil {
            captionLine = lines[index + 1]
            index += 2
        }
        if let captionLine, let from = Self.captionStart(captionLine) {
            let (end, id) = try Attributes.trailingLabel(of: captionLine, before: captionLine.text.count, file: file)
            table.caption = try inlines(InlineSource(captionLine, from: from, to: max(from, end)))
            table.id = id
        }
        blocks.append(.table(table))
        return index
    }

    /// "1 cell", "3 cells".
    private static func cellCount(_ count: Int) -> String { count == 1 ? "1 cell" : "\(count) cells" }

    private func cells(_ line: SourceLine) throws(SourceError) -> [[Inline]] {
        var cells: [[Inline]] = []
        for range in Self.cellRanges(line) {
            cells.append(try inlines(InlineSource(line, from: range.lowerBound, to: range.upperBound)))
        }
        return cells
    }

    /// The cells of a row as ranges of `line.text`, trimmed, without the empty cells outside
    /// a leading and a trailing `|`.
    static func cellRanges(_ line: SourceLine) -> [Range<Int>] {
        let text = line.text
        let pipes = pipes(line)
        var bounds = [-1] + pipes + [text.count]
        if pipes.first == 0 { bounds.removeFirst() }
        if let last = pipes.last, last == text.count - 1, bounds.count > 2 { bounds.removeLast() }
        var ranges: [Range<Int>] = []
        for (from, to) in zip(bounds, bounds.dropFirst()) {
            var lower = from + 1
            var upper = to
            while lower < upper, text[lower] == " " || text[lower] == "\t" { lower += 1 }
            while upper > lower, text[upper - 1] == " " || text[upper - 1] == "\t" { upper -= 1 }
            ranges.append(lower..<upper)
        }
        return ranges
    }

    /// Offsets of the `|` that separate cells: not escaped (`\|`), not in a code span, not in
    /// inline math.
    static func pipes(_ line: SourceLine) -> [Int] {
        let text = line.text
        var found: [Int] = []
        var index = 0
        while index < text.count {
            switch text[index] {
            case "\\":
                index += 2
                continue
            case "|":
                found.append(index)
            case "`":
                let run = text[index...].prefix { $0 == "`" }.count
                let fence = String(repeating: "`", count: run)
                index = BlockParser.find(fence, in: text, from: index + run).map { $0 + run } ?? index + run
                continue
            case "$":
                var close = index + 1
                while close < text.count, text[close] != "$" { close += text[close] == "\\" ? 2 : 1 }
                if close < text.count { index = close }
            default:
                break
            }
            index += 1
        }
        return found
    }

    /// The alignments of a separator row (`|:--|:-:|--:|---|`), or `nil` if `line` is not one.
    static func alignments(_ line: SourceLine) -> [Table.Alignment]? {
        guard line.text.contains("|"), line.text.contains("-"),
            line.text.allSatisfy({ "|:- \t".contains($0) })
        else { return nil }
        var alignments: [Table.Alignment] = []
        for range in cellRanges(line) {
            let cell = line.text[range]
            let dashes = cell.drop { $0 == ":" }.prefix { $0 == "-" }
            guard !dashes.isEmpty, cell.filter({ $0 == "-" }).count == dashes.count else { return nil }
            switch (cell.first == ":", cell.last == ":") {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
            guard cell.filter({ $0 == ":" }).count == (cell.first == ":" ? 1 : 0) + (cell.last == ":" ? 1 : 0) else {
                return nil
            }
        }
        return alignments
    }

    /// Where the caption text starts on a caption line (`Table: …` or `: …`), or `nil`.
    static func captionStart(_ line: SourceLine) -> Int? {
        let prefix: Int
        if line.hasPrefix("Table:") {
            prefix = 6
        } else if line.hasPrefix(": ") {
            prefix = 1
        } else {
            return nil
        }
        var start = prefix
        while start < line.text.count, line.text[start] == " " || line.text[start] == "\t" { start += 1 }
        return start
    }
}
