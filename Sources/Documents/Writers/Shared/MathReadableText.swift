/// TeX math as text a reader can take in without TeX: `w_{1,1}^{(1)}` reads `w₁,₁⁽¹⁾`,
/// `\partial \mathcal{L} / \partial w` reads `∂L / ∂w`, `\frac{1}{2}` reads `1/2`. For places
/// that show no math, such as an image's alt text or an SVG title. Role macros are removed
/// first (`MathMacros.strip`); a control word it does not know is shown by its name.
enum MathReadableText {
    static func text(_ tex: String) -> String {
        var reader = Reader(Array(MathMacros.strip(tex).unicodeScalars))
        let text = reader.list(until: nil)
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Control words shown as a symbol or word.
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
        "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
        "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
        "Omega": "Ω", "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "approx": "≈",
        "neq": "≠", "ne": "≠", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "to": "→",
        "rightarrow": "→", "leftarrow": "←", "sum": "Σ", "prod": "Π", "infty": "∞", "odot": "⊙",
        "in": "∈", "pm": "±", "mp": "∓", "ldots": "…", "cdots": "⋯", "dots": "…", "prime": "′",
        "top": "ᵀ", "circ": "∘", "mid": "|", "vert": "|", "lvert": "|", "rvert": "|", "equiv": "≡",
        "quad": " ", "qquad": " ", "sqrt": "√", "lbrace": "{", "rbrace": "}",
    ]

    /// Control words whose argument is shown as it is (fonts, text, operator names).
    static let transparent: Set<String> = [
        "mathcal", "mathbf", "boldsymbol", "mathrm", "mathit", "mathsf", "mathtt", "mathbb",
        "text", "textbf", "textit", "operatorname", "bm", "hat", "bar", "tilde", "vec", "overline",
        "underline", "mbox",
    ]

    /// Control words left out with their argument-free form (spacing, sizes, delimiters' sizes).
    static let dropped: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle",
        "textstyle", "limits", "nolimits", "tag",
    ]

    static let superscripts: [Unicode.Scalar: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
        "9": "⁹", "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
        "t": "ᵗ", "T": "ᵀ", "ᵀ": "ᵀ", "l": "ˡ", "k": "ᵏ", "j": "ʲ", "x": "ˣ", "y": "ʸ", "′": "′",
        ",": ",", " ": " ",
    ]

    static let subscripts: [Unicode.Scalar: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈",
        "9": "₉", "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ",
        "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ",
        "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ", ",": ",", " ": " ",
    ]

    private struct Reader {
        let tex: [Unicode.Scalar]
        var position = 0

        init(_ tex: [Unicode.Scalar]) { self.tex = tex }

        /// Text up to `closer` (consumed) or the end.
        mutating func list(until closer: Unicode.Scalar?) -> String {
            var out = ""
            while position < tex.count {
                if let closer, tex[position] == closer {
                    position += 1
                    return out
                }
                out += item()
            }
            return out
        }

        /// One token or group as text, with any `^`/`_` after it.
        mutating func item() -> String {
            let scalar = tex[position]
            position += 1
            switch scalar {
            case "{": return list(until: "}")
            case "}": return ""
            case "^": return Self.script(argument(), MathReadableText.superscripts, mark: "^")
            case "_": return Self.script(argument(), MathReadableText.subscripts, mark: "_")
            case "&": return ", "
            case "~": return " "
            case "'": return "′"  // in TeX math an apostrophe is a prime
            case "\\": return command()
            default: return String(scalar)
            }
        }

        /// The argument of `^`, `_` or a command: a group or one token.
        mutating func argument() -> String {
            while position < tex.count, tex[position] == " " { position += 1 }
            guard position < tex.count else { return "" }
            return item()
        }

        mutating func command() -> String {
            guard position < tex.count else { return "" }
            var name = ""
            while position < tex.count, tex[position].properties.isAlphabetic, tex[position].isASCII {
                name.unicodeScalars.append(tex[position])
                position += 1
            }
            if name.isEmpty {
                let symbol = tex[position]
                position += 1
                switch symbol {
                case "\\": return "; "
                case ",", ";", ":", "!", " ": return " "
                default: return String(symbol)
                }
            }
            if let symbol = MathReadableText.symbols[name] { return symbol }
            if MathReadableText.transparent.contains(name) { return argument() }
            if MathReadableText.dropped.contains(name) { return "" }
            switch name {
            case "frac", "tfrac", "dfrac":
                return Self.grouped(argument()) + "/" + Self.grouped(argument())
            case "begin", "end":
                _ = argument()
                return ""
            case "xrightarrow":
                let label = argument()
                return label.isEmpty ? "→" : "→(\(label))"
            default:
                return name
            }
        }

        /// A fraction's part, in parentheses when it is more than one symbol.
        static func grouped(_ text: String) -> String {
            text.unicodeScalars.count <= 1 || text.allSatisfy(\.isNumber) ? text : "(\(text))"
        }

        /// Unicode super- or subscript characters when every character has one, else `^(…)`.
        static func script(_ text: String, _ table: [Unicode.Scalar: Character], mark: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                guard let mapped = table[scalar] else {
                    let bracketed = text.first == "[" && text.last == "]" || text.first == "(" && text.last == ")"
                    return text.unicodeScalars.count == 1 || bracketed ? mark + text : "\(mark)(\(text))"
                }
                out.append(mapped)
            }
            return out
        }
    }
}

extension Inline {
    /// Inlines as text for places that show no markup or math, with math made readable
    /// (`MathReadableText`): an image's alt text, an SVG figure's title.
    static func readableText(_ inlines: [Inline], numbering: Numbering) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .math(let math): return MathReadableText.text(math.tex)
            case .emphasis(let inner), .strong(let inner), .link(let inner, _):
                return readableText(inner, numbering: numbering)
            default: return plainText([inline], numbering: numbering)
            }
        }.joined()
    }
}
