import ExactArithmetic

/// How two consecutive members of a printed chain are related.
enum PrintedRelation: Equatable {
    case equals
    case approximately
    /// `\leftarrow`, `<`, `\to` …: not checked.
    case other
}

/// An equation chain as printed: members (TeX tokens) and the relations between them.
struct PrintedChain {
    var members: [[TeXToken]]
    var relations: [PrintedRelation]
    /// The math it was read from, for messages.
    var source: String
}

/// One step `lhs rel rhs` of a chain with both sides read from the printed TeX (nil where a
/// side is symbolic or not understood). Later checks (issue 16: redo each single-number step
/// from its printed operands) start from these.
struct PrintedStep {
    var relation: PrintedRelation
    var lhs: Result<PrintedTerm, Unevaluable>
    var rhs: Result<PrintedTerm, Unevaluable>
    var chain: PrintedChain
    var index: Int
}

/// Reads the equation chains a LaTeX document prints: every display and inline formula,
/// split at top-level `=` and `\approx`.
enum PrintedChains {
    /// The math of every `\( … \)`, `\[ … \]` and `equation`/`equation*` environment after
    /// `\begin{document}`.
    static func formulas(inLaTeX document: String) -> [String] {
        let body = document.range(of: "\\begin{document}").map { String(document[$0.upperBound...]) } ?? document
        let chars = Array(body)
        var out: [String] = []
        var i = 0
        func hasPrefix(_ s: String, at j: Int) -> Bool {
            let p = Array(s)
            return j + p.count <= chars.count && Array(chars[j..<(j + p.count)]) == p
        }
        func find(_ s: String, from j: Int) -> Int? {
            var k = j
            while k < chars.count {
                if chars[k] == "\\" && k + 1 < chars.count && chars[k + 1] == "\\" && !s.hasPrefix("\\\\") { k += 2; continue }
                if hasPrefix(s, at: k) { return k }
                k += 1
            }
            return nil
        }
        let pairs = [("\\(", "\\)"), ("\\[", "\\]"), ("\\begin{equation*}", "\\end{equation*}"), ("\\begin{equation}", "\\end{equation}")]
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "\\" { i += 2; continue }
            var matched = false
            for (open, close) in pairs where hasPrefix(open, at: i) {
                let start = i + open.count
                guard let end = find(close, from: start) else { break }
                out.append(String(chars[start..<end]))
                i = end + close.count
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// The math of every `$$ … $$` and `$ … $` of a Markdown document (a `\$` is no delimiter).
    static func formulas(inMarkdown document: String) -> [String] {
        let chars = Array(document)
        var out: [String] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            guard chars[i] == "$" else { i += 1; continue }
            let display = i + 1 < chars.count && chars[i + 1] == "$"
            let start = i + (display ? 2 : 1)
            var k = start
            var end: Int? = nil
            while k < chars.count {
                if chars[k] == "\\" { k += 2; continue }
                if chars[k] == "$" && (!display || (k + 1 < chars.count && chars[k + 1] == "$")) { end = k; break }
                k += 1
            }
            guard let end else { break }
            out.append(String(chars[start..<end]))
            i = end + (display ? 2 : 1)
        }
        return out
    }

    static let otherRelations: Set<String> = ["leftarrow", "to", "longrightarrow", "rightarrow", "xrightarrow", "leq", "geq", "neq", "lt", "gt", "mid", "in", "ll", "gg", "mapsto", "Rightarrow"]
    static let separators: Set<String> = ["quad", "text", "hfill", "label", "tag", "notag"]

    /// The chains of one formula: split at top-level relations; `\quad`, text and commas
    /// separate independent statements.
    static func chains(in formula: String) -> [PrintedChain] {
        let tokens = unwrapped(TeXMathParser.tokens(formula))
        var chains: [PrintedChain] = []
        var members: [[TeXToken]] = []
        var relations: [PrintedRelation] = []
        var current: [TeXToken] = []
        var depth = 0
        func close() {
            if !current.isEmpty || !members.isEmpty { members.append(current) }
            if relations.count >= 1 && members.count == relations.count + 1 && members.allSatisfy({ !$0.isEmpty }) {
                chains.append(PrintedChain(members: members, relations: relations, source: formula))
            }
            members = []; relations = []; current = []
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t {
            case .char("{"), .char("("), .char("["), .command("left"):
                depth += 1
            case .char("}"), .char(")"), .char("]"), .command("right"):
                depth = max(0, depth - 1)
            default: break
            }
            if case .command("begin") = t, i + 3 < tokens.count {
                // \begin{aligned} is layout; other environments (pmatrix) nest.
                let name = tokens[(i + 2)...].prefix { $0 != .char("}") }
                if Array(name) == TeXMathParser.tokens("aligned") { i += 2 + name.count + 1; continue }
                depth += 1
            }
            if case .command("end") = t, i + 3 < tokens.count {
                let name = tokens[(i + 2)...].prefix { $0 != .char("}") }
                if Array(name) == TeXMathParser.tokens("aligned") { i += 2 + name.count + 1; continue }
                depth = max(0, depth - 1)
            }
            if depth == 0 {
                switch t {
                case .char("="):
                    members.append(current); current = []; relations.append(.equals); i += 1; continue
                case .command("approx"):
                    members.append(current); current = []; relations.append(.approximately); i += 1; continue
                case .char("<"), .char(">"), .char(":"):
                    members.append(current); current = []; relations.append(.other); i += 1; continue
                case .command(let name) where otherRelations.contains(name):
                    members.append(current); current = []; relations.append(.other); i += 1; continue
                case .command(let name) where separators.contains(name):
                    close()
                    // Skip the command's argument, if any.
                    i += 1
                    if i < tokens.count, tokens[i] == .char("{") {
                        var level = 0
                        repeat {
                            if tokens[i] == .char("{") { level += 1 }
                            if tokens[i] == .char("}") { level -= 1 }
                            i += 1
                        } while i < tokens.count && level > 0
                    }
                    continue
                case .char(","), .char(";"):
                    close(); i += 1; continue
                case .char("&"), .command("\\"), .char("."):
                    i += 1; continue
                default: break
                }
            }
            current.append(t)
            i += 1
        }
        close()
        return chains
    }

    /// Layout macros that wrap a whole display: `\wbfit[room]{math}` scales it to the line.
    static let layoutWrappers: Set<String> = ["wbfit"]

    /// The tokens with layout wrappers removed (their optional argument and the braces of
    /// their argument), so the chain inside is at the top level.
    static func unwrapped(_ tokens: [TeXToken]) -> [TeXToken] {
        var out: [TeXToken] = []
        var skipCloses: [Int] = []  // brace levels whose closing brace is dropped
        var level = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if case .command(let name) = t, layoutWrappers.contains(name) {
                i += 1
                if i < tokens.count, tokens[i] == .char("[") {
                    while i < tokens.count, tokens[i] != .char("]") { i += 1 }
                    i += 1
                }
                if i < tokens.count, tokens[i] == .char("{") {
                    level += 1
                    skipCloses.append(level)
                    i += 1
                }
                continue
            }
            if t == .char("{") { level += 1 }
            if t == .char("}") {
                if skipCloses.last == level {
                    skipCloses.removeLast()
                    level -= 1
                    i += 1
                    continue
                }
                level -= 1
            }
            out.append(t)
            i += 1
        }
        return out
    }

    /// Every step of every chain in a LaTeX document.
    static func steps(inLaTeX document: String) -> (chains: Int, steps: [PrintedStep]) {
        steps(in: formulas(inLaTeX: document))
    }

    /// Every step of every chain in some formulas.
    static func steps(in formulas: [String]) -> (chains: Int, steps: [PrintedStep]) {
        var count = 0
        var steps: [PrintedStep] = []
        for formula in formulas {
            for chain in chains(in: formula) {
                count += 1
                let terms = chain.members.map { tokens in Result { () throws(Unevaluable) in try TeXMathParser.parse(tokens) } }
                for (k, relation) in chain.relations.enumerated() {
                    steps.append(PrintedStep(relation: relation, lhs: terms[k], rhs: terms[k + 1], chain: chain, index: k))
                }
            }
        }
        return (count, steps)
    }
}

/// What the check of the printed chains found.
struct ChainCheckReport {
    var documents = 0
    var chains = 0
    var steps = 0
    /// Steps with both sides evaluated and their relation checked.
    var checked = 0
    /// Steps with a symbolic side: nothing to evaluate from printed numbers.
    var symbolic = 0
    /// Steps whose numeric sides could not be compared (shapes of summarised arrays).
    var incomparable = 0
    var incomparableSamples: [String] = []
    var failures: [String] = []
    /// Issue 16: steps whose result is one printed number and whose other side is computed
    /// from printed numbers; those a reader redoing them by hand gets right; the others.
    var singleNumberSteps = 0
    var reproducible = 0
    var irreproducible: [String] = []
    /// Decimal digits of all printed numbers (`PrintedHandCheck.digitCount`).
    var printedDigits = 0

    /// Checks every `=` and `\approx` step of `document`: `=` holds exactly (or, for
    /// transcendental values, to double precision: "in truth"); `\approx` is not between sides
    /// that are exactly equal, and is consistent with the shown rounding (the sets of values
    /// that round to each side's digits overlap).
    mutating func check(latex document: String, name: String) {
        check(formulas: PrintedChains.formulas(inLaTeX: document), name: name)
    }

    /// The same check of a Markdown document's math.
    mutating func check(markdown document: String, name: String) {
        check(formulas: PrintedChains.formulas(inMarkdown: document), name: name)
    }

    private mutating func check(formulas: [String], name: String) {
        documents += 1
        printedDigits += PrintedHandCheck.digitCount(formulas)
        let (chainCount, found) = PrintedChains.steps(in: formulas)
        chains += chainCount
        for step in found where step.relation != .other {
            steps += 1
            guard case .success(let lhs) = step.lhs, case .success(let rhs) = step.rhs else { symbolic += 1; continue }
            let plain = PrintedEvaluator(widened: false), wide = PrintedEvaluator(widened: true)
            guard let a = try? plain.value(lhs), let b = try? plain.value(rhs),
                  let wa = try? wide.value(lhs), let wb = try? wide.value(rhs),
                  let pairs = Self.pairs(a, b), let widePairs = Self.pairs(wa, wb) else {
                incomparable += 1
                incomparableSamples.append("\(name): step \(step.index + 1) of \(step.chain.source.prefix(300))")
                continue
            }
            checked += 1
            if case .scalar(let value) = a, PrintedHandCheck.result(lhs) == nil, let result = PrintedHandCheck.result(rhs) {
                singleNumberSteps += 1
                if PrintedHandCheck.reproduces(value, result) == true {
                    reproducible += 1
                } else {
                    irreproducible.append("\(name): step \(step.index + 1) of \(step.chain.source.prefix(400))")
                }
            }
            let equal = pairs.allSatisfy { $0.sameNumber(as: $1) }
            let where_ = "\(name): step \(step.index + 1) of \(step.chain.source.prefix(300))"
            switch step.relation {
            case .equals:
                if !equal { failures.append("`=` between different numbers — \(where_)") }
            case .approximately:
                if equal { failures.append("`≈` between equal sides — \(where_)") }
                let consistent = widePairs.allSatisfy { x, y in
                    let slack = 1e-12 * max(1, abs(x.lo), abs(y.lo))
                    return x.lo <= y.hi + slack && y.lo <= x.hi + slack
                }
                if !consistent { failures.append("`≈` inconsistent with the shown rounding — \(where_)") }
            case .other:
                break
            }
        }
    }

    /// Entry pairs of two values of one shape (elided entries skipped), nil for other shapes.
    static func pairs(_ a: PrintedValue, _ b: PrintedValue) -> [(Enclosure, Enclosure)]? {
        let x = a.rows, y = b.rows
        guard x.count == y.count, zip(x, y).allSatisfy({ $0.count == $1.count }) else { return nil }
        var out: [(Enclosure, Enclosure)] = []
        for (r, s) in zip(x, y) {
            for (p, q) in zip(r, s) {
                if let p, let q { out.append((p, q)) }
            }
        }
        return out
    }
}
