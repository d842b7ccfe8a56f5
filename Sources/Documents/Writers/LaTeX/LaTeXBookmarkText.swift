/// Plain Unicode text for math in a heading, for the PDF outline (bookmarks), which takes no
/// TeX: `\err{\boldsymbol{\delta}^{(3)}}` reads `δ⁽³⁾`, `\frac{\partial \mathcal{L}}{\partial
/// w^{(1)}_{1,2}}` reads `∂ℒ/∂w₁,₂⁽¹⁾`. Without it hyperref drops the math's tokens one by one
/// with a "Token not allowed in a PDF string" warning each and the outline shows a fragment.
///
/// It knows the TeX the typesetter prints (letters, Greek, fonts, scripts, fractions,
/// operators); any other control word is left out.
enum LaTeXBookmarkText {
    /// The plain-text reading of math `tex`.
    static func text(_ tex: String) -> String {
        var reader = Reader(Array(MathMacros.strip(tex).unicodeScalars))
        return reader.read()
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func read() -> String {
            var out = ""
            while position < scalars.count { out += next() }
            return out
        }

        /// The text of the next token, with its arguments.
        private mutating func next() -> String {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "{": return group()
            case "}": return ""
            case "^": return scripted(argument(), superscript: true)
            case "_": return scripted(argument(), superscript: false)
            case " ", "\n", "~": return ""
            case "\\": return command()
            case "+", "-", "=", "<", ">": return " " + String(scalar) + " "
            default: return String(scalar)
            }
        }

        /// The rest of a `{…}` group whose `{` was read.
        private mutating func group() -> String {
            var out = ""
            while position < scalars.count, scalars[position] != "}" { out += next() }
            position += 1
            return out
        }

        /// One argument: a group or a single token.
        private mutating func argument() -> String {
            while position < scalars.count, scalars[position] == " " { position += 1 }
            guard position < scalars.count else { return "" }
            return next()
        }

        private mutating func command() -> String {
            var name = ""
            while position < scalars.count, ("a"..."z").contains(scalars[position]) || ("A"..."Z").contains(scalars[position]) {
                name.unicodeScalars.append(scalars[position])
                position += 1
            }
            if name.isEmpty, position < scalars.count {
                // A control symbol: `\,`, `\{`, `\\`.
                let symbol = scalars[position]
                position += 1
                return ",;:! \\".unicodeScalars.contains(symbol) ? "" : String(symbol)
            }
            if let symbol = Self.symbols[name] { return Self.spaced.contains(name) ? " " + symbol + " " : symbol }
            switch name {
            case "frac", "tfrac", "dfrac":
                let numerator = argument()
                let denominator = argument()
                return Self.operand(numerator) + "/" + Self.operand(denominator)
            case "mathcal", "mathscr":
                let inner = argument()
                return inner == "L" ? "ℒ" : inner
            case "sqrt": return "√" + Self.operand(argument())
            case "begin", "end": _ = argument(); return ""
            default:
                // Fonts, colours, `\text`, `\operatorname`, sizes: their argument's text.
                return Self.takesArgument.contains(name) ? argument() : ""
            }
        }

        /// A fraction's part, parenthesised when it has more than one term.
        private static func operand(_ text: String) -> String {
            text.contains(" ") ? "(" + text + ")" : text
        }

        private func scripted(_ text: String, superscript: Bool) -> String {
            let table = superscript ? Self.superscripts : Self.subscripts
            var out = ""
            for scalar in text.unicodeScalars {
                guard let mapped = table[scalar] else {
                    let simple = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                    let plain = simple || text.hasPrefix("[") ? text : "(" + text + ")"
                    return (superscript ? "^" : "_") + plain
                }
                out += mapped
            }
            return out
        }

        /// Operators and relations printed with a space on each side.
        private static let spaced: Set<String> = [
            "cdot", "times", "odot", "approx", "neq", "leq", "geq", "le", "ge", "to", "rightarrow", "leftarrow", "in", "pm",
        ]

        private static let takesArgument: Set<String> = [
            "mathbf", "boldsymbol", "bm", "mathrm", "mathit", "mathsf", "mathtt", "text", "textrm", "textbf",
            "textit", "operatorname", "mathbb", "emph", "hat", "bar", "tilde", "vec", "overline", "underline",
        ]

        private static let superscripts: [Unicode.Scalar: String] = {
            var table: [Unicode.Scalar: String] = ["(": "⁽", ")": "⁾", "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼",
                                                   "T": "ᵀ", "n": "ⁿ", "i": "ⁱ", "′": "′", " ": ""]
            for (digit, mark) in zip("0123456789".unicodeScalars, ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]) {
                table[digit] = mark
            }
            return table
        }()

        private static let subscripts: [Unicode.Scalar: String] = {
            var table: [Unicode.Scalar: String] = ["(": "₍", ")": "₎", "+": "₊", "-": "₋", "−": "₋", "=": "₌",
                                                   ",": ",", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "n": "ₙ", " ": ""]
            for digit in 0...9 { table[Unicode.Scalar(48 + UInt32(digit))!] = String(Unicode.Scalar(0x2080 + UInt32(digit))!) }
            return table
        }()

        private static let symbols: [String: String] = {
            var table: [String: String] = [
                "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "odot": "⊙", "approx": "≈", "neq": "≠",
                "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "to": "→", "rightarrow": "→", "leftarrow": "←",
                "sum": "Σ", "prod": "Π", "infty": "∞", "in": "∈", "pm": "±", "prime": "′", "ell": "ℓ",
                "ldots": "…", "cdots": "⋯", "dots": "…", "quad": "  ", "qquad": "  ", "lVert": "‖", "rVert": "‖",
                "Vert": "‖", "lvert": "|", "rvert": "|", "top": "ᵀ", "ln": "ln", "exp": "exp", "log": "log",
                "tanh": "tanh", "max": "max", "min": "min", "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ",
            ]
            let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                         "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon",
                         "phi", "chi", "psi", "omega"]
            for (offset, name) in greek.enumerated() {
                table[name] = String(Unicode.Scalar(0x03B1 + UInt32(offset))!)
            }
            for (name, letter) in [("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
                                   ("Pi", "Π"), ("Sigma", "Σ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω")] {
                table[name] = letter
            }
            return table
        }()
    }
}
