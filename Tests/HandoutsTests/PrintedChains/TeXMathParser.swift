import ExactArithmetic

/// A printed number: its exact digits and the half unit in the last shown place (0 for a short
/// integer: the documents print rounded values with four significant digits).
struct PrintedNumber: Equatable {
    let value: Rational
    let halfUnit: Rational
    let text: String
}

/// A parsed member of a printed equation chain, built only from what the TeX shows. Anything
/// that names a quantity (a symbol, a subscript, a partial derivative) makes the member symbolic,
/// and it is not evaluated.
indirect enum PrintedTerm: Equatable {
    case number(PrintedNumber)
    case sum([(plus: Bool, term: PrintedTerm)])
    /// Factors joined by ·, × or juxtaposition (matrix product for arrays).
    case product([PrintedTerm])
    case hadamard([PrintedTerm])
    case quotient(PrintedTerm, PrintedTerm)
    case power(PrintedTerm, PrintedTerm)
    case transpose(PrintedTerm)
    case function(String, PrintedTerm)
    /// Rows of entries; nil entries are elided (⋮ ⋯ ⋱).
    case matrix([[PrintedTerm?]])

    static func == (a: PrintedTerm, b: PrintedTerm) -> Bool { "\(a)" == "\(b)" }
}

/// Why a member was not evaluated.
struct Unevaluable: Error {
    let reason: String
}

/// One token of TeX math.
enum TeXToken: Equatable {
    case command(String)
    case number(String)
    case char(Character)
}

/// A small tokenizer and recursive-descent parser for the math the writers print: numbers,
/// + − · × ⊙, \frac, powers, parentheses, pmatrix, e^{…}, \ln, σ, tanh, ReLU and their
/// derivatives, colour macros and boxes (transparent). It shares no code with the engine or
/// the typesetting: it reads the printed TeX as a reader does.
struct TeXMathParser {
    static func tokens(_ tex: String) -> [TeXToken] {
        var out: [TeXToken] = []
        let chars = Array(tex)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "\\" {
                i += 1
                guard i < chars.count else { break }
                if chars[i].isLetter {
                    var name = ""
                    while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
                    out.append(.command(name))
                } else {
                    out.append(.command(String(chars[i])))
                    i += 1
                }
                continue
            }
            if c.isNumber {
                var text = ""
                while i < chars.count, chars[i].isNumber || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                    text.append(chars[i]); i += 1
                }
                out.append(.number(text))
                continue
            }
            out.append(.char(c))
            i += 1
        }
        return out
    }

    /// Spacing and layout commands that mean nothing for the value.
    static let ignored: Set<String> = [
        ",", ";", "!", " ", "qquad", "displaystyle", "textstyle", "nolimits", "limits",
        "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
    ]
    /// Macros whose argument is the value (colours, boxes).
    static let transparent: Set<String> = ["wt", "act", "inp", "err", "boxed", "mathbf", "boldsymbol", "ensuremath"]

    var tokens: [TeXToken]
    var position = 0

    init(_ tokens: [TeXToken]) {
        self.tokens = tokens.filter { token in
            if case .command(let name) = token { return !Self.ignored.contains(name) }
            return true
        }
    }

    static func parse(_ tokens: [TeXToken]) throws(Unevaluable) -> PrintedTerm {
        var parser = TeXMathParser(tokens)
        let term = try parser.expression()
        guard parser.position == parser.tokens.count else {
            throw Unevaluable(reason: "unparsed \(parser.tokens[parser.position...].prefix(4))")
        }
        return term
    }

    private var peek: TeXToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() throws(Unevaluable) -> TeXToken {
        guard let t = peek else { throw Unevaluable(reason: "unexpected end") }
        position += 1
        return t
    }

    private mutating func expect(_ token: TeXToken) throws(Unevaluable) {
        let t = try next()
        guard t == token else { throw Unevaluable(reason: "expected \(token), found \(t)") }
    }

    /// expression := [±] term (± term)*
    mutating func expression() throws(Unevaluable) -> PrintedTerm {
        var terms: [(plus: Bool, term: PrintedTerm)] = []
        var plus = true
        if peek == .char("-") { position += 1; plus = false } else if peek == .char("+") { position += 1 }
        terms.append((plus, try term()))
        while let t = peek, t == .char("+") || t == .char("-") {
            position += 1
            terms.append((t == .char("+"), try term()))
        }
        return terms.count == 1 && terms[0].plus ? terms[0].term : .sum(terms)
    }

    /// term := factor ((· | × | ⊙ | juxtaposition) factor)*
    mutating func term() throws(Unevaluable) -> PrintedTerm {
        var factors = [try factor()]
        var hadamard: [PrintedTerm] = []
        while let t = peek {
            switch t {
            case .command("cdot"), .command("times"):
                position += 1
                factors.append(try factor())
            case .char("/"):
                position += 1
                let numerator = finish(factors, [])
                factors = [.quotient(numerator, try factor())]
            case .command("hadamard"), .command("odot"):
                position += 1
                hadamard.append(factors.count == 1 ? factors[0] : .product(factors))
                factors = [try factor()]
            case .char("+"), .char("-"), .char(")"), .char("]"), .char("}"), .char("&"), .char("|"),
                 .command("right"), .command("rvert"), .command("\\"), .command("end"):
                return finish(factors, hadamard)
            default:
                factors.append(try factor())
            }
        }
        return finish(factors, hadamard)
    }

    private func finish(_ factors: [PrintedTerm], _ hadamard: [PrintedTerm]) -> PrintedTerm {
        let last = factors.count == 1 ? factors[0] : .product(factors)
        return hadamard.isEmpty ? last : .hadamard(hadamard + [last])
    }

    /// factor := atom (^ group)*; a subscript names a symbol.
    mutating func factor() throws(Unevaluable) -> PrintedTerm {
        var base = try atom()
        while let t = peek {
            if t == .char("^") {
                position += 1
                if peek == .char("{"), position + 1 < tokens.count, tokens[position + 1] == .command("top") {
                    position += 3
                    base = .transpose(base)
                    continue
                }
                let exponent = try group()
                if case .number(let n) = base, n.text == "e" { base = .function("exp", exponent) } else { base = .power(base, exponent) }
            } else if t == .char("_") || t == .char("'") {
                throw Unevaluable(reason: "symbol")
            } else {
                break
            }
        }
        return base
    }

    /// A `{…}` group or a single atom.
    mutating func group() throws(Unevaluable) -> PrintedTerm {
        if peek == .char("{") {
            position += 1
            let e = try expression()
            try expect(.char("}"))
            return e
        }
        return try atom()
    }

    /// A parenthesised argument `(…)` or `\left(…\right)`, or a group.
    mutating func argument() throws(Unevaluable) -> PrintedTerm {
        if peek == .char("(") || peek == .command("left") { return try atom() }
        return try group()
    }

    mutating func atom() throws(Unevaluable) -> PrintedTerm {
        let t = try next()
        switch t {
        case .number(let text):
            let value = try! Rational.parse(text)
            let places = text.split(separator: ".").dropFirst().first?.count ?? 0
            // A rounded value shows four significant digits, so an integer of four or more digits
            // may be rounded (2894); shorter integers (1, 2, 10) are exact.
            let half = places == 0 && text.count < 4 ? Rational(0) : Rational(1, 2) / Rational(BigInt(10).power(places))
            return .number(PrintedNumber(value: value, halfUnit: half, text: text))
        case .char("("):
            let e = try expression()
            try expect(.char(")"))
            return e
        case .char("{"):
            let e = try expression()
            try expect(.char("}"))
            return e
        case .char("e"):
            guard peek == .char("^") else { throw Unevaluable(reason: "symbol e") }
            return .number(PrintedNumber(value: 0, halfUnit: 0, text: "e"))
        case .command("lvert"):
            let e = try expression()
            try expect(.command("rvert"))
            return .function("abs", e)
        case .char("|"):
            let e = try expression()
            try expect(.char("|"))
            return .function("abs", e)
        case .command("left"):
            let open = try next()
            guard open == .char("(") || open == .char("[") else { throw Unevaluable(reason: "\\left\(open)") }
            let e = try expression()
            try expect(.command("right"))
            _ = try next()
            return e
        case .command("frac"), .command("tfrac"), .command("dfrac"):
            let n = try group()
            let d = try group()
            return .quotient(n, d)
        case .command("color"):
            // Markdown's `{\color{#1E8449}{…}}`: the colour, then the value.
            _ = try rawGroup()
            return try group()
        case .command(let name) where Self.transparent.contains(name):
            return try group()
        case .command("ln"), .command("log"):
            return .function("log", try argument())
        case .command("sigma"), .command("tanh"):
            let name = t == .command("sigma") ? "sigma" : "tanh"
            if peek == .char("'") { position += 1; return .function(name + "'", try argument()) }
            if peek == .char("^") || peek == .char("_") { throw Unevaluable(reason: "symbol \(name)") }
            return .function(name, try argument())
        case .command("operatorname"):
            let nameTokens = try rawGroup()
            guard nameTokens == TeXMathParser.tokens("ReLU") else { throw Unevaluable(reason: "operator \(nameTokens)") }
            if peek == .char("'") { position += 1; return .function("relu'", try argument()) }
            return .function("relu", try argument())
        case .command("vdots"), .command("cdots"), .command("ddots"):
            throw Unevaluable(reason: "elision outside an array")
        case .command("begin"):
            let environment = try rawGroup()
            guard environment == TeXMathParser.tokens("pmatrix") else { throw Unevaluable(reason: "environment") }
            return try matrix()
        default:
            throw Unevaluable(reason: "\(t)")
        }
    }

    /// The raw tokens of a `{…}` group.
    private mutating func rawGroup() throws(Unevaluable) -> [TeXToken] {
        try expect(.char("{"))
        var out: [TeXToken] = []
        while let t = peek, t != .char("}") { out.append(t); position += 1 }
        try expect(.char("}"))
        return out
    }

    /// The body of a pmatrix, after `\begin{pmatrix}`.
    private mutating func matrix() throws(Unevaluable) -> PrintedTerm {
        var rows: [[PrintedTerm?]] = []
        var row: [PrintedTerm?] = []
        while true {
            if peek == .command("end") {
                position += 1
                _ = try rawGroup()
                if !row.isEmpty { rows.append(row) }
                break
            }
            if peek == .command("\\") { position += 1; rows.append(row); row = []; continue }
            if let t = peek, [.command("vdots"), .command("cdots"), .command("ddots")].contains(t) {
                position += 1
                row.append(nil)
                continue
            }
            if peek == .char("&") { position += 1; continue }
            row.append(try expression())
        }
        return .matrix(rows)
    }
}
