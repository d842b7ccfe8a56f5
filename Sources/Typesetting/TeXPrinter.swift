/// Prints `MathExpression` trees as TeX with the role macros (`\inp{}`, `\wt{}`, `\act{}`,
/// `\err{}`, `\hadamard`), using the fewest parentheses that keep the reading unambiguous.
///
/// Colour rule: the outermost role wins. Inside a coloured subtree (a `.colored` node, a matrix
/// whose entries share a role, or a power of a coloured symbol) leaves are not wrapped again,
/// as in the seeds' `\wt{(W^{(3)})^T}` and `\act{\begin{pmatrix} 0.5 \\ 0.5622 \end{pmatrix}}`.
/// Output depends only on the tree and the notation.
public struct TeXPrinter: Sendable {
    public var notation: Notation

    public init(notation: Notation = Notation()) {
        self.notation = notation
    }

    /// The TeX of `expression`.
    public func tex(_ expression: MathExpression) -> String {
        render(expression, colored: false)
    }

    /// The TeX of a symbol with its role macro.
    public func tex(_ symbol: MathSymbol) -> String {
        symbol.role.wrap(symbolTeX(symbol))
    }

    // MARK: Nodes

    func render(_ e: MathExpression, colored: Bool) -> String {
        switch e {
        case .number(let literal):
            return color(literal.role, colored, (literal.negative ? "-" : "") + literal.magnitudeTeX)
        case .symbol(let symbol):
            return color(symbol.role, colored, symbolTeX(symbol))
        case .sum(let terms):
            return renderSum(terms, colored: colored)
        case .product(let factors, let op):
            return renderProduct(factors, op, colored: colored)
        case .hadamard(let factors):
            let operands = Layout.flattenHadamard(factors)
            return operands.enumerated().map { i, f in
                let wrap = Layout.precedence(f) <= .product || (i > 0 && Layout.leadingMinus(f))
                return wrap ? parenthesized(f, colored: colored) : render(f, colored: colored)
            }.joined(separator: " \(hadamardMacro) ")
        case .negation(let x):
            let wrap = Layout.precedence(x) <= .sum || Layout.leadingMinus(x)
            return "-" + (wrap ? parenthesized(x, colored: colored) : render(x, colored: colored))
        case .fraction(let n, let d, let style):
            return renderFraction(render(n, colored: colored), render(d, colored: colored), n, d, style, colored: colored)
        case .parentheses(let x):
            return parenthesized(x, colored: colored)
        case .power(let base, let exponent):
            return renderPostfix(base, "{\(render(exponent, colored: colored))}", colored: colored)
        case .transpose(let base):
            return renderPostfix(base, "{\(notation.transposeTeX)}", colored: colored)
        case .apply(let function, let argument):
            return renderApplication(function, argument, colored: colored)
        case .matrix(let rows):
            return renderMatrix(rows, colored: colored)
        case .partial(let of, let wrt, let style):
            let top = "\\partial " + atomic(of, colored: colored)
            let bottom = "\\partial " + atomic(wrt, colored: colored)
            switch style {
            case .frac: return "\\frac{\(top)}{\(bottom)}"
            case .tfrac: return "\\tfrac{\(top)}{\(bottom)}"
            case .slash: return "\(top) / \(bottom)"
            }
        case .gradient(let of, let wrt):
            return "\\nabla_{\(render(wrt, colored: colored))} " + atomic(of, colored: colored)
        case .summation(let below, let above, let body):
            var head = "\\sum"
            if let below { head += "_{\(render(below, colored: colored))}" }
            if let above { head += "^{\(render(above, colored: colored))}" }
            let wrap = Layout.precedence(body) <= .sum
            return head + " " + (wrap ? parenthesized(body, colored: colored) : render(body, colored: colored))
        case .absoluteValue(let x):
            return "\\lvert \(render(x, colored: colored)) \\rvert"
        case .norm(let x):
            return "\\lVert \(render(x, colored: colored)) \\rVert"
        case .colored(let role, let x):
            if colored { return render(x, colored: true) }
            return role.wrap(render(x, colored: true))
        case .boxed(let x):
            return "\\boxed{\(render(x, colored: colored))}"
        case .underbrace(let x, let label):
            return "\\underbrace{\(render(x, colored: colored))}_{\(render(label, colored: colored))}"
        case .text(let text):
            return "\\text{\(Self.escapeText(text))}"
        case .tex(let tex):
            return tex
        case .chain(let first, let steps):
            return renderChain(first, steps, colored: colored)
        }
    }

    private func color(_ role: Role, _ colored: Bool, _ body: String) -> String {
        colored ? body : role.wrap(body)
    }

    /// `(x)`, sized with `\left( \right)` when `x` is tall; a coloured leaf keeps its
    /// parentheses inside the macro: `\inp{(-1.0)}`.
    func parenthesized(_ x: MathExpression, colored: Bool) -> String {
        let (open, close) = Layout.isTall(x) ? ("\\left(", "\\right)") : ("(", ")")
        if !colored, let role = Layout.leafRole(x), role != .plain {
            return role.wrap(open + render(x, colored: true) + close)
        }
        return open + render(x, colored: colored) + close
    }

    /// `x` as an operand that must read as one unit (after `\partial`, `\nabla`).
    private func atomic(_ x: MathExpression, colored: Bool) -> String {
        Layout.precedence(x) == .atom ? render(x, colored: colored) : parenthesized(x, colored: colored)
    }

    private func renderSum(_ terms: [Term], colored: Bool) -> String {
        var out = ""
        for (i, term) in Layout.flattenSum(terms).enumerated() {
            var negative = term.sign == .minus
            var x = term.expression
            if !negative, let magnitude = Layout.strippingMinus(x) {
                negative = true
                x = magnitude
            }
            let wrap = term.sign == .minus
                ? Layout.precedence(x) <= .sum || Layout.leadingMinus(x)
                : Layout.precedence(x) < .sum
            let body = wrap ? parenthesized(x, colored: colored) : render(x, colored: colored)
            if i == 0 {
                out += (negative ? "-" : "") + body
            } else if term.breaksLine {
                out += " \\\\ &\\qquad " + (negative ? "-" : "+ ") + body
            } else {
                out += (negative ? " - " : " + ") + body
            }
        }
        return out
    }

    private func renderProduct(_ factors: [MathExpression], _ op: ProductOperator, colored: Bool) -> String {
        var out = ""
        for (i, f) in factors.enumerated() {
            let isLast = i == factors.count - 1
            let wrap = Layout.precedence(f) < .product
                || (i > 0 && Layout.leadingMinus(f))
                || Layout.isHadamard(f)
                || (!isLast && Layout.isSummation(f))
            if i > 0 {
                switch op {
                case .cdot: out += " \\cdot "
                case .times: out += " \\times "
                case .juxtaposition: out += !wrap && Layout.startsWithNumber(f) ? " \\cdot " : " "
                }
            }
            out += wrap ? parenthesized(f, colored: colored) : render(f, colored: colored)
        }
        return out
    }

    private func renderFraction(_ top: String, _ bottom: String, _ n: MathExpression, _ d: MathExpression,
                                _ style: FractionStyle, colored: Bool) -> String {
        switch style {
        case .frac: return "\\frac{\(top)}{\(bottom)}"
        case .tfrac: return "\\tfrac{\(top)}{\(bottom)}"
        case .slash:
            let numerator = Layout.precedence(n) < .product ? parenthesized(n, colored: colored) : top
            let denominator = Layout.precedence(d) <= .product || Layout.leadingMinus(d)
                ? parenthesized(d, colored: colored) : bottom
            return "\(numerator) / \(denominator)"
        }
    }

    /// `base^{…}`; the base is parenthesised unless it is a safe atom, and a coloured leaf
    /// base colours the whole postfix expression: `\wt{(\mathbf{W}^{(3)})^{\top}}`.
    private func renderPostfix(_ base: MathExpression, _ superscript: String, colored: Bool) -> String {
        if !colored, let role = Layout.leafRole(base), role != .plain {
            return role.wrap(renderPostfix(base, superscript, colored: true))
        }
        let shownBase = Layout.isSafeBase(base) ? render(base, colored: colored) : parenthesized(base, colored: colored)
        return shownBase + "^" + superscript
    }

    private func renderApplication(_ function: MathFunction, _ argument: MathExpression, colored: Bool) -> String {
        let name: String
        switch function {
        case .exp:
            return "e^{\(render(argument, colored: colored))}"
        case .activation(let symbol): name = (symbol ?? notation.activation).tex
        case .activationDerivative(let symbol): name = (symbol ?? notation.activation).derivativeTeX
        case .log: name = "\\ln"
        case .other(let tex): name = tex
        }
        if case .parentheses = argument { return name + render(argument, colored: colored) }
        return name + parenthesized(argument, colored: colored)
    }

    private func renderMatrix(_ rows: [[MathExpression]], colored: Bool) -> String {
        let entries = rows.flatMap { $0 }
        let roles = Set(entries.map { Layout.leafRole($0) })
        if !colored, roles.count == 1, let role = roles.first!, role != .plain {
            return role.wrap(renderMatrix(rows, colored: true))
        }
        let body = rows.map { row in row.map { render($0, colored: colored) }.joined(separator: " & ") }
            .joined(separator: " \\\\ ")
        return "\\begin{pmatrix} \(body) \\end{pmatrix}"
    }

    private func renderChain(_ first: MathExpression, _ steps: [ChainStep], colored: Bool) -> String {
        let aligned = steps.contains { $0.lineBreak }
        var out = render(first, colored: colored)
        for (i, step) in steps.enumerated() {
            let relation = step.relation.tex
            let rhs = render(step.expression, colored: colored)
            if aligned && i == 0 {
                out += " &\(relation) \(rhs)"
            } else if aligned && step.lineBreak {
                out += " \\\\ &\(relation) \(rhs)"
            } else {
                out += " \(relation) \(rhs)"
            }
        }
        return aligned ? "\\begin{aligned} \(out) \\end{aligned}" : out
    }

    // MARK: Symbols

    /// The symbol's TeX without role macro: `w_{1,1}^{(1)}`, `\boldsymbol{\delta}^{(2)}`.
    func symbolTeX(_ symbol: MathSymbol) -> String {
        let bold = symbol.shape != .scalar && notation.boldVectors
        var out: String
        switch symbol.base {
        case .weight: out = symbol.shape == .scalar ? "w" : bold ? "\\mathbf{W}" : "W"
        case .bias: out = bold ? "\\mathbf{b}" : "b"
        case .preActivation: out = bold ? "\\mathbf{z}" : "z"
        case .activation: out = bold ? "\\mathbf{a}" : "a"
        case .input: out = bold ? "\\mathbf{x}" : "x"
        case .target: out = bold ? "\\mathbf{y}" : "y"
        case .error: out = bold ? "\\boldsymbol{\\delta}" : "\\delta"
        case .loss: out = notation.lossTeX
        case .other(let tex): out = bold ? "\\boldsymbol{\(tex)}" : tex
        }
        if !symbol.indices.isEmpty {
            let separator = symbol.indices.count > 1 ? notation.weightIndexSeparator : ""
            out += "_{" + symbol.indices.map(\.tex).joined(separator: separator) + "}"
        }
        if let layer = symbol.layer {
            out += "^{" + notation.layerTeX(layer) + "}"
        }
        return out
    }

    /// Text for `\text{}`: TeX specials escaped.
    static func escapeText(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "%", "_": out += "\\\(c)"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            default: out.append(c)
            }
        }
        return out
    }
}
