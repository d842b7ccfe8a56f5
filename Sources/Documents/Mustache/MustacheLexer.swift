/// One piece of template source: text without line breaks, a line break, or a tag.
struct MustacheLexeme: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case text(String)
        case newline(String)
        case tag(MustacheTagKind, name: String)
    }

    var kind: Kind
    var location: SourceLocation

    /// Whether this is text made of spaces and tabs only.
    var isBlankText: Bool {
        if case .text(let text) = kind { return text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
        return false
    }
}

/// What a tag does, from the character after its opening delimiter.
enum MustacheTagKind: Hashable, Sendable {
    case escapedVariable, rawVariable, section, invertedSection, close, partial, parent, block
    case comment, setDelimiters

    /// Whether the tag opens an element that a close tag ends.
    var opensElement: Bool {
        switch self {
        case .section, .invertedSection, .parent, .block: return true
        case .escapedVariable, .rawVariable, .close, .partial, .comment, .setDelimiters: return false
        }
    }
}

/// Splits template source into lexemes, following set-delimiter tags as it goes. Columns
/// count Unicode scalars, as the JSON reader does.
struct MustacheLexer {
    private let scalars: [Unicode.Scalar]
    private let name: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var open: [Unicode.Scalar] = ["{", "{"]
    private var close: [Unicode.Scalar] = ["}", "}"]

    init(source: String, name: String) {
        self.scalars = Array(source.unicodeScalars)
        self.name = name
    }

    /// All lexemes of the source, in order.
    mutating func lexemes() throws(SourceError) -> [MustacheLexeme] {
        var result: [MustacheLexeme] = []
        while index < scalars.count {
            let tagStart = find(open, from: index) ?? scalars.count
            appendText(upTo: tagStart, to: &result)
            if tagStart < scalars.count { result.append(try readTag()) }
        }
        return result
    }

    private var location: SourceLocation {
        SourceLocation(file: name, line: line, column: index - lineStart + 1)
    }

    private func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, scalars.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= scalars.count {
            if scalars[i] == needle[0] && scalars[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Moves to `target`, counting the line breaks passed.
    private mutating func advance(to target: Int) {
        while index < target {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    private func string(_ range: Range<Int>) -> String {
        string(scalars[range])
    }

    private func string(_ pieces: some Sequence<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: pieces)
        return String(text)
    }

    private mutating func appendText(upTo end: Int, to result: inout [MustacheLexeme]) {
        while index < end {
            let start = index
            let here = location
            var lineEnd = start
            while lineEnd < end, scalars[lineEnd] != "\n",
                !(scalars[lineEnd] == "\r" && lineEnd + 1 < end && scalars[lineEnd + 1] == "\n")
            {
                lineEnd += 1
            }
            if lineEnd > start {
                result.append(MustacheLexeme(kind: .text(string(start..<lineEnd)), location: here))
                advance(to: lineEnd)
            }
            if lineEnd < end {
                let breakEnd = scalars[lineEnd] == "\r" ? lineEnd + 2 : lineEnd + 1
                result.append(MustacheLexeme(kind: .newline(string(lineEnd..<breakEnd)), location: location))
                advance(to: breakEnd)
            }
        }
    }

    private mutating func readTag() throws(SourceError) -> MustacheLexeme {
        let here = location
        let contentStart = index + open.count
        let sigil = contentStart < scalars.count ? scalars[contentStart] : nil
        let kind: MustacheTagKind
        var terminator = close
        switch sigil {
        case "{": kind = .rawVariable; terminator = ["}"] + close
        case "&": kind = .rawVariable
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "!": kind = .comment
        case "=": kind = .setDelimiters; terminator = ["="] + close
        default: kind = .escapedVariable
        }
        let bodyStart = kind == .escapedVariable ? contentStart : contentStart + 1
        guard let bodyEnd = find(terminator, from: bodyStart) else {
            throw SourceError(
                "unclosed tag: expected '\(string(terminator))' after '\(string(index..<min(bodyStart, scalars.count)))'",
                at: here)
        }
        let body = string(bodyStart..<bodyEnd).trimmingBlanks
        advance(to: bodyEnd + terminator.count)
        switch kind {
        case .comment:
            return MustacheLexeme(kind: .tag(.comment, name: ""), location: here)
        case .setDelimiters:
            try setDelimiters(body, at: here)
            return MustacheLexeme(kind: .tag(.setDelimiters, name: ""), location: here)
        default:
            guard !body.isEmpty else { throw SourceError("empty tag: expected a name", at: here) }
            guard !body.unicodeScalars.contains(where: \.isBlank) else {
                throw SourceError("invalid name '\(body)': names cannot contain whitespace", at: here)
            }
            return MustacheLexeme(kind: .tag(kind, name: body), location: here)
        }
    }

    private mutating func setDelimiters(_ body: String, at location: SourceLocation) throws(SourceError) {
        let parts = body.unicodeScalars.split(whereSeparator: \.isBlank).map { Array($0) }
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw SourceError(
                "invalid set-delimiter tag: expected two delimiters without '=' separated by whitespace, as in {{=<% %>=}}",
                at: location)
        }
        open = parts[0]
        close = parts[1]
    }
}

extension Unicode.Scalar {
    /// Whitespace that may pad a tag's content: space, tab or line break.
    fileprivate var isBlank: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingBlanks: String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !$0.isBlank }),
            let last = view.lastIndex(where: { !$0.isBlank })
        else { return "" }
        return String(view[first...last])
    }
}
