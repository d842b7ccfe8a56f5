/// Plain text for LaTeX: escaped by `TextEscaping.latex`, then the Unicode that pdfLaTeX cannot
/// typeset from its text fonts (sub- and superscript digits, Greek letters, arrows and math
/// symbols, common in labels such as `w₁,₁⁽¹⁾`) spelled as commands both engines know.
///
/// A run of more than `longestUnbrokenRun` characters without a space (a URL, a pasted hash)
/// gets an optional line break after every that many characters; TeX would otherwise run it
/// off the page, where no reader sees it.
enum LaTeXText {
    static let longestUnbrokenRun = 30

    static func text(_ text: String) -> String {
        var out = ""
        var chunk = ""
        var run = 0
        for character in text {
            chunk.append(character)
            run = character.isWhitespace ? 0 : run + 1
            if run == longestUnbrokenRun {
                out += escaped(chunk) + "\\allowbreak{}"
                chunk = ""
                run = 0
            }
        }
        return out + escaped(chunk)
    }

    /// Inline code: plain text that may also break after `.`, `,`, `/`, `_` and `(`, since
    /// identifiers such as `net.forward(x)` have no spaces or hyphens where TeX could break
    /// them and would otherwise run past the margin.
    static func code(_ code: String) -> String {
        var pieces: [String] = []
        var piece = ""
        for character in code {
            piece.append(character)
            if ".,/_(".contains(character) {
                pieces.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty || pieces.isEmpty { pieces.append(piece) }
        return pieces.map(text).joined(separator: "\\allowbreak{}")
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        var script: (command: String, content: String)?
        func closeScript() {
            if let open = script { out += "\\\(open.command){\(open.content)}" }
            script = nil
        }
        for scalar in TextEscaping.latex(text).unicodeScalars {
            if let (command, character) = scriptForm(scalar) {
                if script?.command != command { closeScript() }
                script = (command, (script?.content ?? "") + character)
                continue
            }
            closeScript()
            if let math = mathSymbols[scalar] {
                out += "\\ensuremath{\(math)}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        closeScript()
        return out
    }

    private static func scriptForm(_ scalar: Unicode.Scalar) -> (String, String)? {
        let value = scalar.value
        switch value {
        case 0x2080...0x2089: return ("textsubscript", String(value - 0x2080))
        case 0x208A: return ("textsubscript", "+")
        case 0x208B: return ("textsubscript", "-")
        case 0x208C: return ("textsubscript", "=")
        case 0x208D: return ("textsubscript", "(")
        case 0x208E: return ("textsubscript", ")")
        case 0x2070: return ("textsuperscript", "0")
        case 0x00B9: return ("textsuperscript", "1")
        case 0x00B2: return ("textsuperscript", "2")
        case 0x00B3: return ("textsuperscript", "3")
        case 0x2074...0x2079: return ("textsuperscript", String(value - 0x2070))
        case 0x207A: return ("textsuperscript", "+")
        case 0x207B: return ("textsuperscript", "-")
        case 0x207C: return ("textsuperscript", "=")
        case 0x207D: return ("textsuperscript", "(")
        case 0x207E: return ("textsuperscript", ")")
        case 0x207F: return ("textsuperscript", "n")
        default: return nil
        }
    }

    private static let mathSymbols: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let greek = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
            "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        ]
        for (offset, name) in greek.enumerated() where name != "o" {
            table[Unicode.Scalar(0x03B1 + UInt32(offset))!] = "\\" + name
        }
        let capitals: [(UInt32, String)] = [
            (0x0393, "Gamma"), (0x0394, "Delta"), (0x0398, "Theta"), (0x039B, "Lambda"), (0x039E, "Xi"),
            (0x03A0, "Pi"), (0x03A3, "Sigma"), (0x03A6, "Phi"), (0x03A8, "Psi"), (0x03A9, "Omega"),
        ]
        for (code, name) in capitals { table[Unicode.Scalar(code)!] = "\\" + name }
        let symbols: [(UInt32, String)] = [
            (0x2192, "\\rightarrow"), (0x2190, "\\leftarrow"), (0x2248, "\\approx"), (0x2264, "\\leq"),
            (0x2265, "\\geq"), (0x2260, "\\neq"), (0x2299, "\\odot"), (0x00D7, "\\times"), (0x22C5, "\\cdot"),
            (0x2212, "-"), (0x2202, "\\partial"), (0x2207, "\\nabla"), (0x2032, "{}^{\\prime}"), (0x2211, "\\sum"),
            (0x221E, "\\infty"), (0x2208, "\\in"), (0x2713, "\\checkmark"), (0x220E, "\\blacksquare"), (0x2717, "\\times"), (0x00B1, "\\pm"),
        ]
        for (code, tex) in symbols { table[Unicode.Scalar(code)!] = tex }
        return table
    }()
}
