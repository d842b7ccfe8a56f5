/// Translates the TeX math the tool writes into MathML Core, which browsers lay out natively:
/// no script, no network. It reads exactly the subset listed in `MathMLSymbols` and the
/// structures below (role macros, fractions, scripts and primes, `\left…\right` and `\bigl`
/// delimiters, matrices, `aligned` and `gathered`, `\boxed`, `\underbrace`, `\xrightarrow`,
/// `\text`, `\operatorname`, math alphabets); anything else throws a `MathMLError` at its
/// position. Role macros become `<mrow class="wb-…">` so the page's palette colours them.
public struct MathMLTranslator: Sendable {
    public init() {}

    /// The `<math>` element for `tex`; `display` makes it a centred block.
    public func translate(_ tex: String, display: Bool) throws(MathMLError) -> String {
        var parser = Parser(Array(tex))
        let body = try parser.formula()
        let attribute = display ? " display=\"block\"" : ""
        return "<math\(attribute)>\(body)</math>"
    }
}

/// One recursive-descent pass over the characters of a formula, writing MathML as it goes.
private struct Parser {
    let text: [Character]
    var position = 0
    /// The math alphabet of the innermost `\mathbf`-like group.
    var alphabet = MathMLSymbols.Alphabet.italic
    /// Whether the last item of the current list is an operand, so that a following `-` or
    /// `+` is binary; after an operator or at the start of a list it is a sign, as in TeX.
    var afterOperand = false

    init(_ text: [Character]) { self.text = text }

    /// An item of a math list; large operators and braces take their scripts below and above.
    enum Item {
        case node(String)
        case largeOperator(String)
        case underbrace(String)
        /// An item that takes no scripts (spaces).
        case space(String)
    }

    /// Where a list ends.
    enum Terminator: Equatable {
        case end, group, cell, right
    }

    mutating func formula() throws(MathMLError) -> String {
        let items = try list(until: .end, from: 0)
        return row(items)
    }

    // MARK: Lists

    /// Items up to the terminator (which is not consumed, except the closing brace of a group);
    /// `start` is where the group or `\left` opened, for the error when it never closes.
    mutating func list(until terminator: Terminator, from start: Int) throws(MathMLError) -> [String] {
        var items: [String] = []
        let outerAfterOperand = afterOperand
        afterOperand = false
        defer { afterOperand = outerAfterOperand }
        while true {
            skipSpaces()
            guard position < text.count else {
                if terminator == .end { return items }
                throw MathMLError(terminator == .right ? "'\\left' has no matching '\\right'" : "unbalanced '{': no closing '}'", at: start)
            }
            let character = text[position]
            switch character {
            case "}":
                guard terminator == .group else { throw MathMLError("unbalanced '}'", at: position) }
                position += 1
                return items
            case "&":
                guard terminator == .cell else { throw MathMLError("'&' outside a matrix or aligned environment", at: position) }
                return items
            case "\\":
                let name = peekCommand()
                if name == "\\" || name == "end" {
                    guard terminator == .cell else {
                        throw MathMLError("'\\\(name)' outside a matrix or aligned environment", at: position)
                    }
                    return items
                }
                if name == "right" {
                    guard terminator == .right else { throw MathMLError("'\\right' without '\\left'", at: position) }
                    return items
                }
                if name == "tag" {
                    throw MathMLError("'\\tag' is not supported here: the writer numbers displays", at: position)
                }
            default:
                break
            }
            let item = try atom()
            let node = try scripts(on: item)
            items.append(node)
            if case .space = item { continue }
            afterOperand = !node.hasPrefix("<mo") || Self.closesGroup(node)
        }
    }

    /// A `{…}` group or a single atom, as one MathML node (for arguments and scripts).
    mutating func argument(_ what: String) throws(MathMLError) -> String {
        skipSpaces()
        guard position < text.count else { throw MathMLError("\(what) is missing its argument", at: position) }
        if text[position] == "{" {
            position += 1
            return row(try list(until: .group, from: position - 1))
        }
        if text[position].isNumber {
            // TeX takes one digit: `x^23` is x² followed by 3.
            defer { position += 1 }
            return "<mn>\(styledString(String(text[position])))</mn>"
        }
        switch try atom() {
        case .node(let node), .largeOperator(let node), .space(let node): return node
        case .underbrace(let node): return "<munder>\(node)<mo stretchy=\"true\">⏟</mo></munder>"
        }
    }

    /// The text of a `{…}` group taken verbatim (for `\text`, `\operatorname`, `\begin`).
    mutating func rawGroup(_ what: String) throws(MathMLError) -> String {
        skipSpaces()
        guard position < text.count, text[position] == "{" else {
            throw MathMLError("\(what) needs a '{…}' argument", at: position)
        }
        let start = position
        var depth = 0
        var content = ""
        while position < text.count {
            let character = text[position]
            if character == "\\", position + 1 < text.count {
                content.append(character)
                content.append(text[position + 1])
                position += 2
                continue
            }
            position += 1
            if character == "{" {
                depth += 1
                if depth == 1 { continue }
            } else if character == "}" {
                depth -= 1
                if depth == 0 { return content }
            }
            content.append(character)
        }
        throw MathMLError("unbalanced '{': no closing '}'", at: start)
    }

    // MARK: Atoms

    mutating func atom() throws(MathMLError) -> Item {
        let start = position
        let character = text[position]
        if character == "\\" { return try command() }
        if character == "{" {
            position += 1
            return .node(row(try list(until: .group, from: start)))
        }
        if character.isNumber {
            var digits = ""
            while position < text.count {
                let c = text[position]
                if c.isNumber {
                    digits.append(c)
                } else if c == ".", position + 1 < text.count, text[position + 1].isNumber, !digits.isEmpty {
                    digits.append(c)
                } else {
                    break
                }
                position += 1
            }
            return .node("<mn>\(styledString(digits))</mn>")
        }
        position += 1
        if character.isLetter {
            return .node(identifier(character))
        }
        switch character {
        case "+": return .node(afterOperand ? "<mo>+</mo>" : "<mo form=\"prefix\">+</mo>")
        case "-": return .node(afterOperand ? "<mo>−</mo>" : "<mo form=\"prefix\">−</mo>")
        case "=": return .node("<mo>=</mo>")
        case "<": return .node("<mo>&lt;</mo>")
        case ">": return .node("<mo>&gt;</mo>")
        case ",": return .node("<mo separator=\"true\">,</mo>")
        case ";": return .node("<mo separator=\"true\">;</mo>")
        case ":": return .node("<mo>:</mo>")
        case ".": return .node("<mo lspace=\"0em\" rspace=\"0em\">.</mo>")
        case "!": return .node("<mo lspace=\"0em\" rspace=\"0em\">!</mo>")
        case "/": return .node("<mo lspace=\"0em\" rspace=\"0em\">/</mo>")
        case "*": return .node("<mo>∗</mo>")
        case "(", ")", "[", "]", "|":
            return .node("<mo stretchy=\"false\">\(character)</mo>")
        case "~": return .space("<mspace width=\"0.3333em\"></mspace>")
        case "'":
            throw MathMLError("a prime (') needs something before it", at: start)
        default:
            if character.isASCII {
                throw MathMLError("'\(character)' is not supported in math", at: start)
            }
            return .node("<mo>\(escaped(String(character)))</mo>")
        }
    }

    /// Whether an `<mo>` item ends a group (a closing delimiter), after which `-` is binary.
    static func closesGroup(_ node: String) -> Bool {
        [")</mo>", "]</mo>", "|</mo>", "‖</mo>", "}</mo>", "⟩</mo>", "′</mo>"].contains { node.hasSuffix($0) }
    }

    /// A letter in the current alphabet.
    func identifier(_ letter: Character) -> String {
        switch alphabet {
        case .italic: return "<mi>\(letter)</mi>"
        case .upright: return "<mi mathvariant=\"normal\">\(letter)</mi>"
        default: return "<mi>\(MathMLSymbols.styled(letter, alphabet) ?? letter)</mi>"
        }
    }

    func styledString(_ string: String) -> String {
        guard alphabet == .bold || alphabet == .doubleStruck else { return string }
        return String(string.map { MathMLSymbols.styled($0, alphabet) ?? $0 })
    }

    mutating func command() throws(MathMLError) -> Item {
        let start = position
        let name = readCommand()
        if let symbol = MathMLSymbols.identifiers[name] {
            if alphabet == .boldItalic || alphabet == .bold, let bold = symbol.first.flatMap({ MathMLSymbols.styled($0, alphabet) }) {
                return .node("<mi>\(bold)</mi>")
            }
            return .node("<mi>\(symbol)</mi>")
        }
        if let symbol = MathMLSymbols.uprightIdentifiers[name] {
            return .node("<mi mathvariant=\"normal\">\(symbol)</mi>")
        }
        if let symbol = MathMLSymbols.operators[name] {
            return .node("<mo>\(symbol)</mo>")
        }
        if name.count > 1, let delimiter = MathMLSymbols.delimiters["\\" + name] {
            // `\lvert`, `\langle` … outside `\left`: a delimiter of the text size, as in TeX.
            return .node("<mo stretchy=\"false\">\(delimiter)</mo>")
        }
        if let symbol = MathMLSymbols.largeOperators[name] {
            return .largeOperator("<mo movablelimits=\"true\">\(symbol)</mo>")
        }
        if MathMLSymbols.functions.contains(name) {
            return .node("<mi>\(name)</mi>")
        }
        if let width = MathMLSymbols.spaces[name] {
            return .space("<mspace width=\"\(width)\"></mspace>")
        }
        if name.count == 1, let character = name.first, MathMLSymbols.escapedCharacters.contains(character) {
            switch character {
            case "{", "}": return .node("<mo stretchy=\"false\">\(character)</mo>")
            case "&": return .node("<mi>&amp;</mi>")
            default: return .node("<mi>\(character)</mi>")
            }
        }
        if let macro = MathMacros.all.first(where: { $0.name == name }) {
            switch macro.meaning {
            case .colour(let role):
                let body = try argument("\\\(name)")
                return .node("<mrow class=\"wb-\(role.rawValue)\">\(body)</mrow>")
            case .symbol(let tex):
                var inner = Parser(Array(tex))
                return .node(try inner.formula())
            }
        }
        if let alphabet = MathMLSymbols.Alphabet(command: name) {
            let outer = self.alphabet
            self.alphabet = alphabet
            defer { self.alphabet = outer }
            if alphabet == .upright {
                return .node(try uprightWord("\\\(name)", start: start))
            }
            return .node(try argument("\\\(name)"))
        }
        if let size = MathMLSymbols.delimiterSizes[name] {
            let delimiter = try self.delimiter(after: "\\\(name)")
            return .node("<mo minsize=\"\(size)\" maxsize=\"\(size)\" stretchy=\"true\" symmetric=\"true\">\(delimiter)</mo>")
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try argument("\\\(name)")
            let denominator = try argument("\\\(name)")
            let fraction = "<mfrac>\(numerator)\(denominator)</mfrac>"
            switch name {
            case "tfrac": return .node("<mstyle displaystyle=\"false\">\(fraction)</mstyle>")
            case "dfrac": return .node("<mstyle displaystyle=\"true\">\(fraction)</mstyle>")
            default: return .node(fraction)
            }
        case "text", "textrm", "mbox":
            return .node(try text("\\\(name)"))
        case "operatorname":
            let outer = alphabet
            alphabet = .upright
            defer { alphabet = outer }
            return .node(try uprightWord("\\operatorname", start: start))
        case "boxed":
            return .node("<mrow class=\"wb-boxed\">\(try argument("\\boxed"))</mrow>")
        case "underbrace":
            return .underbrace(try argument("\\underbrace"))
        case "xrightarrow", "xleftarrow":
            skipSpaces()
            if position < text.count, text[position] == "[" {
                throw MathMLError("'\\\(name)[…]' (a label below the arrow) is not supported", at: position)
            }
            let label = try argument("\\\(name)")
            let arrow = name == "xrightarrow" ? "→" : "←"
            return .node("<mover><mo stretchy=\"true\" class=\"wb-xarrow\">\(arrow)</mo><mrow class=\"wb-xarrow-label\">\(label)</mrow></mover>")
        case "left":
            let open = try delimiter(after: "\\left")
            let content = try list(until: .right, from: start)
            _ = readCommand()  // `\right`, found by `list`
            let close = try delimiter(after: "\\right")
            return .node("<mrow>\(fence(open, form: "prefix"))\(content.joined())\(fence(close, form: "postfix"))</mrow>")
        case "begin":
            return .node(try environment(start: start))
        case "dots":
            // amsmath: low dots between commas, centred dots between operators.
            let afterComma = previousNonSpace(before: start) == ","
            return .node("<mo>\(afterComma ? "…" : "⋯")</mo>")
        case "prime":
            return .node("<mo>′</mo>")
        default:
            throw MathMLError("'\\\(name)' is not in the TeX subset translated to MathML", at: start)
        }
    }

    /// The content of `\mathrm{…}` or `\operatorname{…}`: a word of letters is one `<mi>`
    /// (`<mi>ReLU</mi>`); anything else is read as math in the upright alphabet.
    mutating func uprightWord(_ what: String, start: Int) throws(MathMLError) -> String {
        skipSpaces()
        let groupStart = position
        if position < text.count, text[position] == "{" {
            let word = try rawGroup(what)
            if word.count > 1, word.allSatisfy({ $0.isASCII && $0.isLetter }) {
                return "<mi>\(word)</mi>"
            }
            position = groupStart
        }
        return try argument(what)
    }

    /// `\text{…}`: the TeX text escapes the printer writes decoded, spaces kept.
    mutating func text(_ what: String) throws(MathMLError) -> String {
        skipSpaces()
        let start = position + 1
        let raw = Array(try rawGroup(what))
        var out = ""
        var index = 0
        while index < raw.count {
            let character = raw[index]
            if character == "\\" {
                var name = ""
                var end = index + 1
                while end < raw.count, raw[end].isLetter, raw[end].isASCII { name.append(raw[end]); end += 1 }
                if name.isEmpty, end < raw.count, MathMLSymbols.escapedCharacters.contains(raw[end]) {
                    out.append(raw[end])
                    index = end + 1
                    continue
                }
                let replacement: Character?
                switch name {
                case "textbackslash": replacement = "\\"
                case "textasciicircum": replacement = "^"
                case "textasciitilde": replacement = "~"
                default: replacement = nil
                }
                guard let replacement else {
                    throw MathMLError("'\\\(name.isEmpty ? String(raw[min(end, raw.count - 1)]) : name)' is not supported inside \(what)", at: start + index)
                }
                out.append(replacement)
                index = end
                if index + 1 < raw.count, raw[index] == "{", raw[index + 1] == "}" { index += 2 }
                continue
            }
            if character == "$" || character == "{" || character == "}" {
                throw MathMLError("'\(character)' is not supported inside \(what)", at: start + index)
            }
            out.append(character)
            index += 1
        }
        // MathML trims spaces at the ends of a token; keep them as no-break spaces.
        var chars = Array(out)
        var front = 0
        while front < chars.count, chars[front] == " " { chars[front] = "\u{00A0}"; front += 1 }
        var back = chars.count - 1
        while back >= 0, chars[back] == " " { chars[back] = "\u{00A0}"; back -= 1 }
        return "<mtext>\(escaped(String(chars)))</mtext>"
    }

    // MARK: Scripts

    /// Primes, `^` and `_` after an item, in either order.
    mutating func scripts(on item: Item) throws(MathMLError) -> String {
        var upper: String?
        var lower: String?
        var primes = 0
        while true {
            skipSpaces()
            guard position < text.count else { break }
            let character = text[position]
            if character == "'" {
                guard upper == nil else { throw MathMLError("a prime after a superscript", at: position) }
                primes += 1
                position += 1
            } else if character == "^" {
                guard upper == nil else { throw MathMLError("double superscript", at: position) }
                position += 1
                upper = try argument("'^'")
            } else if character == "_" {
                guard lower == nil else { throw MathMLError("double subscript", at: position) }
                position += 1
                lower = try argument("'_'")
            } else {
                break
            }
        }
        var trailingPrime = ""
        if primes > 0 {
            let prime = "<mo lspace=\"0em\" rspace=\"0em\">\(["′", "″", "‴", "⁗"][min(primes, 4) - 1])</mo>"
            // The prime glyph of a math font is already raised and small: alone it follows the
            // base on the baseline (`σ′`); with a superscript it joins it.
            if let written = upper {
                upper = "<mrow>\(prime)\(written)</mrow>"
            } else if lower == nil, case .node = item {
                trailingPrime = prime
            } else {
                upper = prime
            }
        }
        switch item {
        case .space(let node):
            if upper != nil || lower != nil { throw MathMLError("a script on a space", at: position) }
            return node
        case .node(let base):
            let scripted = Self.scripted(base, lower, upper, below: "msub", above: "msup", both: "msubsup")
            return trailingPrime.isEmpty ? scripted : "<mrow>\(scripted)\(trailingPrime)</mrow>"
        case .largeOperator(let base):
            return Self.scripted(base, lower, upper, below: "munder", above: "mover", both: "munderover")
        case .underbrace(let content):
            let brace = "<munder accentunder=\"true\">\(content)<mo stretchy=\"true\">⏟</mo></munder>"
            let braced = Self.scripted(brace, lower, nil, below: "munder", above: "mover", both: "munderover")
            return Self.scripted(braced, nil, upper, below: "msub", above: "msup", both: "msubsup")
        }
    }

    static func scripted(_ base: String, _ sub: String?, _ sup: String?, below: String, above: String, both: String) -> String {
        switch (sub, sup) {
        case (nil, nil): return base
        case (let sub?, nil): return "<\(below)>\(base)\(sub)</\(below)>"
        case (nil, let sup?): return "<\(above)>\(base)\(sup)</\(above)>"
        case (let sub?, let sup?): return "<\(both)>\(base)\(sub)\(sup)</\(both)>"
        }
    }

    // MARK: Delimiters and environments

    mutating func delimiter(after what: String) throws(MathMLError) -> String {
        skipSpaces()
        let start = position
        guard position < text.count else { throw MathMLError("\(what) needs a delimiter", at: start) }
        var key = String(text[position])
        if text[position] == "\\" {
            key = "\\" + readCommand()
        } else {
            position += 1
        }
        guard let delimiter = MathMLSymbols.delimiters[key] else {
            throw MathMLError("'\(key)' is not a delimiter \(what) supports", at: start)
        }
        return delimiter
    }

    func fence(_ delimiter: String, form: String) -> String {
        guard !delimiter.isEmpty else { return "" }
        return "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\" symmetric=\"true\">\(delimiter)</mo>"
    }

    mutating func environment(start: Int) throws(MathMLError) -> String {
        let name = try rawGroup("\\begin")
        var rows: [[String]] = [[]]
        while true {
            let cell = try list(until: .cell, from: start)
            rows[rows.count - 1].append(row(cell))
            guard position < text.count else { throw MathMLError("'\\begin{\(name)}' has no '\\end{\(name)}'", at: start) }
            if text[position] == "&" {
                position += 1
                continue
            }
            let command = readCommand()
            if command == "\\" {
                skipSpaces()
                if position < text.count, text[position] == "[" {
                    throw MathMLError("a row break with a skip ('\\\\[…]') is not supported", at: position)
                }
                rows.append([])
                continue
            }
            // `\end`
            let endName = try rawGroup("\\end")
            guard endName == name else {
                throw MathMLError("'\\begin{\(name)}' ended by '\\end{\(endName)}'", at: start)
            }
            break
        }
        // A trailing `\\` leaves an empty last row, as in LaTeX.
        if let last = rows.last, rows.count > 1, last.count == 1, last[0] == "<mrow></mrow>" { rows.removeLast() }
        let table = rows.map { cells in
            "<mtr>" + cells.map { "<mtd>\($0)</mtd>" }.joined() + "</mtr>"
        }.joined()
        if let (open, close) = MathMLSymbols.matrices[name] {
            let matrix = "<mtable class=\"wb-matrix\">\(table)</mtable>"
            return "<mrow>\(fence(open, form: "prefix"))\(matrix)\(fence(close, form: "postfix"))</mrow>"
        }
        switch name {
        case "aligned", "align*", "split":
            return "<mtable class=\"wb-aligned\" displaystyle=\"true\">\(table)</mtable>"
        case "gathered":
            return "<mtable class=\"wb-gathered\" displaystyle=\"true\">\(table)</mtable>"
        default:
            throw MathMLError("environment '\(name)' is not in the TeX subset translated to MathML", at: start)
        }
    }

    // MARK: Characters

    /// The name after a backslash at `position` without moving: letters, or one other character.
    func peekCommand() -> String {
        var end = position + 1
        var name = ""
        while end < text.count, text[end].isASCII, text[end].isLetter { name.append(text[end]); end += 1 }
        if name.isEmpty, end < text.count { name = String(text[end]) }
        return name
    }

    /// Reads `\name` (letters) or `\c` (one other character) at `position`.
    mutating func readCommand() -> String {
        let name = peekCommand()
        position += 1 + name.count
        return name
    }

    func previousNonSpace(before index: Int) -> Character? {
        var i = index - 1
        while i >= 0, text[i] == " " || text[i] == "\n" { i -= 1 }
        return i >= 0 ? text[i] : nil
    }

    mutating func skipSpaces() {
        while position < text.count, text[position] == " " || text[position] == "\n" || text[position] == "\t" { position += 1 }
    }

    /// Several items as one node: one item alone, several in an `<mrow>`.
    func row(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "<mrow>\(items.joined())</mrow>"
    }

    func escaped(_ string: String) -> String {
        var out = ""
        for character in string {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
