/// A line of three or more colons: a fenced div's opener (`::: kind {attributes}`) or a
/// closing fence (colons alone).
struct Fence {
    let colons: Int
    /// Offset in the line of the first character after the colons and their spaces.
    let rest: Int
    let opensDivision: Bool

    init?(_ line: SourceLine) {
        let colons = line.text.prefix { $0 == ":" }.count
        guard colons >= 3 else { return nil }
        var rest = colons
        while rest < line.text.count, line.text[rest] == " " || line.text[rest] == "\t" { rest += 1 }
        self.colons = colons
        self.rest = rest
        self.opensDivision = rest < line.text.count
    }
}

extension BlockParser {
    /// Parses the fenced div opening at `lines[start]`, Pandoc's way: every line of three or
    /// more colons alone closes the innermost open div.
    func parseDivision(_ lines: [SourceLine], at start: Int, into blocks: inout [Block]) throws(SourceError) -> Int {
        let opener = lines[start]
        var division = try divisionHeader(opener)
        var depth = 1
        var close = start + 1
        while close < lines.count {
            if let fence = Fence(lines[close]) {
                depth += fence.opensDivision ? 1 : -1
                if depth == 0 { break }
            }
            close += 1
        }
        guard close < lines.count else {
            let kind = division.kind.rawValue
            throw SourceError(
                "unclosed fenced div '::: \(kind)': no closing ':::' line", at: opener.location(0, file: file))
        }
        division.blocks = try parse(Array(lines[(start + 1)..<close]))
        blocks.append(.division(division))
        return close + 1
    }

    /// The kind and attributes of `::: kind {#id title="…" passed="true"}` or
    /// `::: {.kind #id …}`; optional colons may close the line.
    private func divisionHeader(_ line: SourceLine) throws(SourceError) -> Division {
        let text = line.text
        var index = Fence(line)!.rest
        var kindName: (name: String, offset: Int)?
        if text[index] != "{" {
            let start = index
            while index < text.count, text[index].isLetter || text[index].isNumber || text[index] == "-" || text[index] == "_" {
                index += 1
            }
            guard index > start else {
                throw SourceError("expected a div kind or '{' after ':::'", at: line.location(start, file: file))
            }
            kindName = (String(text[start..<index]), start)
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
        }
        var attributes = Attributes()
        if index < text.count, text[index] == "{" {
            (attributes, index) = try Attributes.parse(line, from: index, file: file)
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
        }
        while index < text.count, text[index] == ":" { index += 1 }
        guard index == text.count else {
            throw SourceError("unexpected text in the fenced div opener", at: line.location(index, file: file))
        }

        if kindName == nil, let first = attributes.classes.first {
            kindName = first
            attributes.classes.removeFirst()
        }
        if let extra = attributes.classes.first {
            throw SourceError(
                "unexpected class '.\(extra.name)': a fenced div has exactly one kind", at: line.location(extra.offset, file: file))
        }
        guard let kindName else {
            throw SourceError("the fenced div has no kind", at: line.location(0, file: file))
        }
        guard let kind = Division.Kind(rawValue: kindName.name) else {
            let known = Division.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw SourceError(
                "unknown fenced div kind '\(kindName.name)' (known kinds: \(known))",
                at: line.location(kindName.offset, file: file))
        }

        var division = Division(kind: kind, id: attributes.id, blocks: [])
        for pair in attributes.pairs {
            switch pair.key {
            case "title":
                // A quoted value is the line's text between the quotes, escapes included.
                let end = pair.valueOffset + pair.value.count
                division.title = try inlines(InlineSource(line, from: pair.valueOffset, to: end))
            case "passed":
                switch pair.value {
                case "true": division.passed = true
                case "false": division.passed = false
                default:
                    throw SourceError(
                        "'passed' must be \"true\" or \"false\", not \"\(pair.value)\"",
                        at: line.location(pair.valueOffset, file: file))
                }
            default:
                throw SourceError(
                    "unknown fenced div attribute '\(pair.key)' (known: title, passed)",
                    at: line.location(pair.keyOffset, file: file))
            }
        }
        return division
    }
}
