/// The marker that opens a list item: `-`, `*`, or a number and `.`, followed by a space or
/// the end of the line.
struct ListMarker {
    enum Kind: Equatable {
        case bullet(Character)
        case ordered
    }

    let kind: Kind
    /// The number of an ordered item (1 for bullets).
    let start: Int
    /// Characters of the marker itself (`-` is 1, `12.` is 3).
    let width: Int

    init?(_ line: SourceLine) {
        let text = line.text
        guard let first = text.first else { return nil }
        if first == "-" || first == "*" {
            (kind, start, width) = (.bullet(first), 1, 1)
        } else {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), digits.count < text.count, text[digits.count] == ".",
                let number = Int(String(digits))
            else { return nil }
            (kind, start, width) = (.ordered, number, digits.count + 1)
        }
        guard width == text.count || text[width] == " " || text[width] == "\t" else { return nil }
    }

    /// The indentation of the item's content relative to the line holding the marker: the
    /// marker, then one to four spaces (one when the item starts empty or with more).
    func contentIndent(_ line: SourceLine) -> Int {
        let spaces = line.text.dropFirst(width).prefix { $0 == " " }.count
        return line.indent + width + ((1...4).contains(spaces) && spaces < line.text.count - width ? spaces : 1)
    }
}

extension BlockParser {
    /// Parses the list starting at `lines[start]`. An item holds the lines indented at least
    /// two columns past its marker's indentation (re-indented to its content column), blank
    /// lines between them, and lazy continuation lines of its last paragraph.
    func parseList(_ lines: [SourceLine], at start: Int, into blocks: inout [Block]) throws(SourceError) -> Int {
        let firstMarker = ListMarker(lines[start])!
        let listIndent = lines[start].indent
        var items: [[SourceLine]] = []
        var current: [SourceLine] = []
        var contentIndent = 0
        func begin(_ line: SourceLine, _ marker: ListMarker) {
            current = [line.suffix(from: marker.width)]
            contentIndent = marker.contentIndent(line)
        }
        begin(lines[start], firstMarker)

        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || line.indent >= listIndent + 2 {
                current.append(line.dedented(by: contentIndent))
            } else if let marker = ListMarker(line), marker.kind == firstMarker.kind {
                items.append(current)
                begin(line, marker)
            } else if !lines[index - 1].isBlank, !interruptsParagraph(lines, at: index) {
                current.append(line.dedented(by: line.indent))
            } else {
                break
            }
            index += 1
        }
        items.append(current)

        var parsed: [[Block]] = []
        for item in items { parsed.append(try parse(item)) }
        switch firstMarker.kind {
        case .bullet: blocks.append(.bulletList(parsed))
        case .ordered: blocks.append(.orderedList(start: firstMarker.start, items: parsed))
        }
        return index
    }
}
