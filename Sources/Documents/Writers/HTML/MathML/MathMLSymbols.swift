/// The TeX control words the MathML translator knows, by what they become: the subset the
/// typesetting printer (`TeXPrinter`), the handout code and the built-in templates write, plus
/// close relatives (`\leq` beside `\le`). Anything else is an error, never raw TeX in a page.
enum MathMLSymbols {
    /// Letter-like symbols, written as `<mi>`: Greek letters and ordinary symbols.
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "partial": "∂", "ell": "ℓ",
    ]

    /// Upright letter-like symbols (`<mi mathvariant="normal">`): capital Greek and signs.
    static let uprightIdentifiers: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "nabla": "∇", "top": "⊤", "infty": "∞", "square": "□",
    ]

    /// Operators and relations, written as `<mo>`; the browser's operator dictionary spaces them.
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "pm": "±", "mp": "∓", "odot": "⊙", "circ": "∘", "ast": "∗",
        "approx": "≈", "in": "∈", "notin": "∉", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
        "ne": "≠", "neq": "≠", "equiv": "≡", "sim": "∼", "propto": "∝", "mid": "∣",
        "to": "→", "rightarrow": "→", "longrightarrow": "⟶", "leftarrow": "←", "gets": "←",
        "Rightarrow": "⇒", "implies": "⟹", "mapsto": "↦",
        "cdots": "⋯", "ldots": "…", "vdots": "⋮", "ddots": "⋱",
    ]

    /// Large operators whose limits go below and above in display style.
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏"]

    /// Named functions, written upright as one `<mi>`.
    static let functions: Set<String> = [
        "ln", "log", "exp", "max", "min", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arg", "det",
    ]

    /// Horizontal space commands and their widths in em.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", " ": "0.3333em",
        "quad": "1em", "qquad": "2em",
    ]

    /// Control symbols that stand for a literal character (`\%`, `\{`).
    static let escapedCharacters: Set<Character> = ["%", "$", "#", "&", "_", "{", "}"]

    /// Delimiters that may follow `\left`, `\right`, `\bigl` …: TeX name or character → Unicode.
    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", ".": "",
        "\\{": "{", "\\}": "}", "\\|": "‖",
        "\\lvert": "|", "\\rvert": "|", "\\vert": "|", "\\lVert": "‖", "\\rVert": "‖", "\\Vert": "‖",
        "\\langle": "⟨", "\\rangle": "⟩", "\\lbrack": "[", "\\rbrack": "]",
    ]

    /// Fixed delimiter heights of `\bigl` and kin, as KaTeX and Temml size them.
    static let delimiterSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em",
        "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em",
    ]

    /// Matrix environments and their delimiters.
    static let matrices: [String: (open: String, close: String)] = [
        "matrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
        "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
    ]

    /// A math alphabet selected by `\mathbf`, `\boldsymbol`, `\mathcal`, `\mathbb`, `\mathrm`.
    enum Alphabet: Hashable {
        case italic, upright, bold, boldItalic, script, doubleStruck

        init?(command: String) {
            switch command {
            case "mathbf": self = .bold
            case "boldsymbol", "bm": self = .boldItalic
            case "mathcal", "mathscr": self = .script
            case "mathbb": self = .doubleStruck
            case "mathrm": self = .upright
            default: return nil
            }
        }
    }

    /// `character` (a Latin letter, digit or Greek letter) in `alphabet`, as the Unicode
    /// mathematical alphanumeric character; nil when the alphabet has no such letter.
    static func styled(_ character: Character, _ alphabet: Alphabet) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        let value = scalar.value
        let upper = (0x41...0x5A).contains(value), lower = (0x61...0x7A).contains(value)
        let digit = (0x30...0x39).contains(value)
        let greekLower = (0x3B1...0x3C9).contains(value), greekUpper = (0x391...0x3A9).contains(value)
        func at(_ code: UInt32) -> Character? { Unicode.Scalar(code).map(Character.init) }
        switch alphabet {
        case .italic, .upright:
            return character
        case .bold:
            if upper { return at(0x1D400 + value - 0x41) }
            if lower { return at(0x1D41A + value - 0x61) }
            if digit { return at(0x1D7CE + value - 0x30) }
            if greekUpper { return at(0x1D6A8 + value - 0x391) }
            if greekLower { return at(0x1D6C2 + value - 0x3B1) }
            return nil
        case .boldItalic:
            if upper { return at(0x1D468 + value - 0x41) }
            if lower { return at(0x1D482 + value - 0x61) }
            if digit { return at(0x1D7CE + value - 0x30) }
            if greekUpper { return at(0x1D71C + value - 0x391) }
            if greekLower { return at(0x1D736 + value - 0x3B1) }
            return nil
        case .script:
            let letterlike: [Character: Character] = [
                "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
            ]
            if let special = letterlike[character] { return special }
            if upper { return at(0x1D49C + value - 0x41) }
            return nil
        case .doubleStruck:
            let letterlike: [Character: Character] = [
                "C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ",
            ]
            if let special = letterlike[character] { return special }
            if upper { return at(0x1D538 + value - 0x41) }
            if digit { return at(0x1D7D8 + value - 0x30) }
            return nil
        }
    }
}
