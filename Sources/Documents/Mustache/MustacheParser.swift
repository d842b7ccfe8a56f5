/// Turns lexemes into tokens in three passes:
///
/// 1. **Matching** pairs every opening tag with its close tag (errors for unclosed and
///    mismatched tags) and notes which element encloses which.
/// 2. **Lines** applies the specification's whitespace rules line by line: a line holding one
///    non-interpolation tag and blanks is dropped with its line break ("standalone"), as is a
///    line holding an adjacent pair `{{<p}}{{/p}}`, `{{<p}}{{$b}}` or `{{/b}}{{/p}}`; the pair
///    `{{$b}}{{/b}}` keeps its line break. Standalone partials, parents and blocks remember
///    the blanks they stood on as indentation. Argument blocks whose tag ends a line drop
///    their *intrinsic indentation* (the blanks starting the next line) from every line of
///    their content, so an override is re-indented where it lands.
/// 3. **Building** nests the remaining lexemes into `MustacheToken`s.
struct MustacheParser {
    private var lexemes: [MustacheLexeme]
    /// Opening tag index ↔ close tag index.
    private var partner: [Int: Int] = [:]
    /// Opening tag index → the opening tag of the element around it.
    private var enclosing: [Int: Int] = [:]
    private var dropped: Set<Int> = []
    /// Indices of lexemes that start a kept source line.
    private var lineStarts: Set<Int> = []
    /// Standalone partials and parents → the blanks before them; standalone blocks → the
    /// indentation for their override.
    private var indentation: [Int: String] = [:]

    init(source: String, name: String) throws(SourceError) {
        var lexer = MustacheLexer(source: source, name: name)
        lexemes = try lexer.lexemes()
    }

    mutating func parse() throws(SourceError) -> [MustacheToken] {
        try matchElements()
        applyLineRules()
        return try tokens(in: 0..<lexemes.count)
    }

    // MARK: Matching

    private func tag(_ index: Int) -> (kind: MustacheTagKind, name: String)? {
        if case .tag(let kind, let name) = lexemes[index].kind { return (kind, name) }
        return nil
    }

    private mutating func matchElements() throws(SourceError) {
        var open: [Int] = []
        for index in lexemes.indices {
            guard let (kind, name) = tag(index) else { continue }
            if kind.opensElement {
                enclosing[index] = open.last
                open.append(index)
            } else if kind == .close {
                guard let opener = open.popLast() else {
                    throw SourceError("closing tag '/\(name)' has no opening tag", at: lexemes[index].location)
                }
                let openName = tag(opener)!.name
                guard openName == name else {
                    let at = lexemes[opener].location
                    throw SourceError(
                        "closing tag '/\(name)' does not match '\(openName)' opened at line \(at.line), column \(at.column)",
                        at: lexemes[index].location)
                }
                partner[opener] = index
                partner[index] = opener
            }
        }
        if let opener = open.last, let (kind, name) = tag(opener) {
            let element = kind == .parent ? "parent" : kind == .block ? "block" : "section"
            throw SourceError("unclosed \(element) '\(name)': expected a closing tag '/\(name)'", at: lexemes[opener].location)
        }
    }

    // MARK: Lines

    private func isLineBreak(_ index: Int) -> Bool {
        if case .newline = lexemes[index].kind { return true }
        return false
    }

    private enum LineShape { case standalone, standaloneKeepingBreak }

    private func lines() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in lexemes.indices where isLineBreak(index) {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < lexemes.count { result.append(start..<lexemes.count) }
        return result
    }

    private mutating func applyLineRules() {
        let lines = lines()
        var dedents: [(close: Int, prefix: String)] = []
        for (number, line) in lines.enumerated() {
            while let last = dedents.last, last.close < line.lowerBound { dedents.removeLast() }
            let prefix = dedents.last?.prefix ?? ""
            if !prefix.isEmpty, case .text(let text) = lexemes[line.lowerBound].kind, text.hasPrefix(prefix) {
                lexemes[line.lowerBound].kind = .text(String(text.dropFirst(prefix.count)))
            }
            let content = line.filter { !isLineBreak($0) }
            let significant = content.filter { !lexemes[$0].isBlankText }
            let leading = leadingBlanks(of: line)
            let shape = self.shape(of: significant)
            switch shape {
            case nil:
                if !content.isEmpty { lineStarts.insert(line.lowerBound) }
            case .standalone?:
                dropped.formUnion(line.filter { !significant.contains($0) })
            case .standaloneKeepingBreak?:
                dropped.formUnion(content.filter { !significant.contains($0) })
            }
            if shape != nil, let first = significant.first, let kind = tag(first)?.kind,
                kind == .partial || kind == .parent
            {
                indentation[first] = leading
            }
            for index in significant where tag(index)?.kind == .block {
                let isArgument = enclosing[index].flatMap { tag($0)?.kind } == .parent
                let endsLine = index == significant.last
                var intrinsic = ""
                if endsLine && (isArgument || shape != nil), number + 1 < lines.count {
                    intrinsic = nextLineIndentation(lines[number + 1], after: prefix)
                }
                if shape != nil { indentation[index] = endsLine ? intrinsic : leading }
                if isArgument && !intrinsic.isEmpty, let close = partner[index] {
                    dedents.append((close, prefix + intrinsic))
                }
            }
        }
    }

    /// The blanks a line starts with.
    private func leadingBlanks(of line: Range<Int>) -> String {
        guard case .text(let text) = lexemes[line.lowerBound].kind else { return "" }
        return String(text.unicodeScalars.prefix { $0 == " " || $0 == "\t" })
    }

    /// The blanks starting `line` once `prefix` (an enclosing dedent) is removed.
    private func nextLineIndentation(_ line: Range<Int>, after prefix: String) -> String {
        var blanks = leadingBlanks(of: line)
        if blanks.hasPrefix(prefix) { blanks.removeFirst(prefix.count) }
        return blanks
    }

    private func shape(of significant: [Int]) -> LineShape? {
        switch significant.count {
        case 1:
            guard let kind = tag(significant[0])?.kind, kind != .escapedVariable, kind != .rawVariable
            else { return nil }
            return .standalone
        case 2:
            let (first, second) = (significant[0], significant[1])
            guard second == first + 1, let a = tag(first)?.kind, let b = tag(second)?.kind else { return nil }
            switch (a, b) {
            case (.parent, .close) where partner[first] == second: return .standalone
            case (.parent, .block): return .standalone
            case (.close, .close) where partner[second].flatMap { tag($0)?.kind } == .parent: return .standalone
            case (.block, .close) where partner[first] == second: return .standaloneKeepingBreak
            default: return nil
            }
        default:
            return nil
        }
    }

    // MARK: Building

    private func tokens(in range: Range<Int>) throws(SourceError) -> [MustacheToken] {
        var result: [MustacheToken] = []
        var index = range.lowerBound
        while index < range.upperBound {
            // An element's lexemes are consumed with its opening tag.
            let next = tag(index)?.kind.opensElement == true ? partner[index]! + 1 : index + 1
            defer { index = next }
            if lineStarts.contains(index) { result.append(.lineStart) }
            if dropped.contains(index) { continue }
            let location = lexemes[index].location
            switch lexemes[index].kind {
            case .text(let text), .newline(let text):
                guard !text.isEmpty else { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(.text(text))
                }
            case .tag(let kind, let name):
                switch kind {
                case .escapedVariable, .rawVariable:
                    result.append(.variable(name: name, escaped: kind == .escapedVariable, at: location))
                case .section, .invertedSection:
                    result.append(
                        .section(name: name, content: try content(of: index), inverted: kind == .invertedSection, at: location))
                case .partial:
                    result.append(.partial(name: name, indentation: indentation[index], at: location))
                case .parent:
                    result.append(
                        .parent(name: name, arguments: try arguments(of: index), indentation: indentation[index], at: location))
                case .block:
                    result.append(
                        .block(name: name, content: try content(of: index), overrideIndentation: indentation[index], at: location))
                case .close, .comment, .setDelimiters:
                    break
                }
            }
        }
        return result
    }

    /// The tokens between the opening tag at `opener` and its close tag.
    private func content(of opener: Int) throws(SourceError) -> [MustacheToken] {
        try tokens(in: (opener + 1)..<partner[opener]!)
    }

    /// The blocks directly inside the parent tag at `parent`, by name. Anything else inside a
    /// parent tag is ignored, as the specification says.
    private func arguments(of parent: Int) throws(SourceError) -> [String: [MustacheToken]] {
        var arguments: [String: [MustacheToken]] = [:]
        for index in (parent + 1)..<partner[parent]! where enclosing[index] == parent {
            guard let (kind, name) = tag(index), kind == .block else { continue }
            guard arguments[name] == nil else {
                throw SourceError("block '\(name)' is given twice in parent '\(tag(parent)!.name)'", at: lexemes[index].location)
            }
            var content = try content(of: index)
            // An override lands where the block was, so content that begins on the block
            // tag's own line starts a line there too.
            let first = index + 1
            if first < partner[index]!, !dropped.contains(first), !lineStarts.contains(first), !isLineBreak(first) {
                content.insert(.lineStart, at: 0)
            }
            arguments[name] = content
        }
        return arguments
    }
}
