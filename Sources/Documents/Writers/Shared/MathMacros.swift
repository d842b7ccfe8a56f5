/// The semantic math macros the TeX printer uses (`\inp{x}`, `\wt{w}`, `\act{a}`, `\err{δ}`,
/// `\hadamard`), defined once here and given to each format in its own form: `\newcommand`s
/// in the LaTeX preamble, KaTeX `macros` in the HTML shell, and textual expansion in Markdown,
/// whose renderers cannot share definitions.
public enum MathMacros {
    /// One macro: its name without the backslash and what it stands for.
    public struct Macro: Hashable, Sendable {
        public enum Meaning: Hashable, Sendable {
            /// One argument, typeset in the colour of a role.
            case colour(LayeredDiagram.Role)
            /// No argument, replaced by fixed TeX.
            case symbol(String)
        }
        public var name: String
        public var meaning: Meaning
    }

    /// Every macro, in the order they are defined.
    public static let all: [Macro] = [
        Macro(name: "inp", meaning: .colour(.input)),
        Macro(name: "wt", meaning: .colour(.weight)),
        Macro(name: "act", meaning: .colour(.activation)),
        Macro(name: "err", meaning: .colour(.error)),
        Macro(name: "hadamard", meaning: .symbol("\\odot")),
    ]

    private static let byName: [String: Macro] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The colour of a role as a TeX/CSS colour: `#RRGGBB`.
    static func cssColour(_ role: LayeredDiagram.Role) -> String { "#" + RolePalette.hex(role) }

    /// The body a coloured argument expands to where `\color` takes a CSS colour (KaTeX, MathJax).
    private static func colourExpansion(colour: String, argument: String) -> String {
        "{\\color{\(colour)}{\(argument)}}"
    }

    /// LaTeX preamble lines: the `\newcommand`s, using the role colours that
    /// `RolePalette.latexDefinitions` defines.
    public static var latexDefinitions: String {
        var lines: [String] = []
        for macro in all {
            switch macro.meaning {
            case .colour(let role):
                lines.append("\\newcommand{\\\(macro.name)}[1]{\\textcolor{\(RolePalette.latexName(role))}{#1}}")
            case .symbol(let tex):
                lines.append("\\newcommand{\\\(macro.name)}{\(tex)}")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A JavaScript object literal for KaTeX's `macros` option, one macro per line, with the
    /// print colours written into the coloured macros.
    public static var katexMacros: String {
        // In a macro body `#` introduces a parameter; `##` stands for a literal `#`.
        katexObject(colouring: { role in colourExpansion(colour: "#" + cssColour(role), argument: "#1") })
    }

    /// KaTeX `macros` where a coloured macro puts its argument in a class (`wb-error`), so the
    /// page's palette colours it in light and dark mode (`\htmlClass`, which the page trusts).
    public static var katexClassMacros: String {
        katexObject(colouring: { role in "\\htmlClass{wb-\(role.rawValue)}{#1}" })
    }

    private static func katexObject(colouring: (LayeredDiagram.Role) -> String) -> String {
        let entries = all.map { macro -> String in
            let body: String
            switch macro.meaning {
            case .colour(let role): body = colouring(role)
            case .symbol(let tex): body = tex
            }
            return "  \(javaScriptString("\\" + macro.name)): \(javaScriptString(body))"
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n}"
    }

    /// A double-quoted JavaScript string literal that is also safe inside an HTML `<script>`.
    private static func javaScriptString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `tex` with every role macro replaced by what it stands for, recursively, for renderers
    /// that cannot be given definitions. A coloured macro becomes `{\color{#RRGGBB}{…}}`, which
    /// KaTeX and MathJax 2 and 3 all read alike. Other TeX is copied unchanged.
    public static func expand(_ tex: String) -> String {
        var scanner = TeXScanner(Array(tex.unicodeScalars), colours: true)
        return scanner.expandAll()
    }

    /// `tex` with the role macros removed: coloured ones leave their argument, symbols their
    /// TeX. For plain-text places (alt text, titles) where colour means nothing.
    public static func strip(_ tex: String) -> String {
        var scanner = TeXScanner(Array(tex.unicodeScalars), colours: false)
        return scanner.expandAll()
    }

    /// A minimal TeX tokenizer: enough to find control words and their brace-group arguments.
    private struct TeXScanner {
        let text: [Unicode.Scalar]
        /// Whether coloured macros become `\color` groups or just their argument.
        let colours: Bool
        var position = 0

        init(_ text: [Unicode.Scalar], colours: Bool) {
            self.text = text
            self.colours = colours
        }

        mutating func expandAll() -> String {
            var out = ""
            while position < text.count {
                let scalar = text[position]
                guard scalar == "\\", position + 1 < text.count else {
                    out.unicodeScalars.append(scalar)
                    position += 1
                    continue
                }
                let name = controlWord(at: position + 1)
                guard !name.isEmpty, let macro = MathMacros.byName[name] else {
                    // A control symbol (`\\`, `\{`) or another control word: copy it whole.
                    let length = max(name.unicodeScalars.count, 1)
                    out.unicodeScalars.append(contentsOf: text[position...(position + length)])
                    position += 1 + length
                    continue
                }
                position += 1 + name.unicodeScalars.count
                switch macro.meaning {
                case .symbol(let replacement):
                    out += replacement
                    // Keep a following letter from joining the replacement's control word.
                    if position < text.count, Self.isLetter(text[position]) { out += " " }
                case .colour(let role):
                    guard let argument = readArgument() else {
                        out += "\\" + name
                        continue
                    }
                    var inner = TeXScanner(argument, colours: colours)
                    let expanded = inner.expandAll()
                    out += colours ? MathMacros.colourExpansion(colour: MathMacros.cssColour(role), argument: expanded) : expanded
                }
            }
            return out
        }

        func controlWord(at start: Int) -> String {
            var end = start
            while end < text.count, Self.isLetter(text[end]) { end += 1 }
            var name = ""
            name.unicodeScalars.append(contentsOf: text[start..<end])
            return name
        }

        /// Reads one macro argument: a balanced `{…}` group (without its braces), a control
        /// sequence, or a single character. Returns nil at the end of the text.
        mutating func readArgument() -> [Unicode.Scalar]? {
            while position < text.count, text[position] == " " || text[position] == "\n" { position += 1 }
            guard position < text.count else { return nil }
            if text[position] == "{" {
                var depth = 0
                var index = position
                while index < text.count {
                    switch text[index] {
                    case "\\": index += 1  // skip the escaped character, e.g. `\{`
                    case "{": depth += 1
                    case "}":
                        depth -= 1
                        if depth == 0 {
                            let argument = Array(text[(position + 1)..<index])
                            position = index + 1
                            return argument
                        }
                    default: break
                    }
                    index += 1
                }
                // Unbalanced: take the rest, as TeX would complain anyway.
                let argument = Array(text[(position + 1)...])
                position = text.count
                return argument
            }
            if text[position] == "\\" {
                let name = controlWord(at: position + 1)
                let length = 1 + max(name.unicodeScalars.count, 1)
                let argument = Array(text[position..<min(position + length, text.count)])
                position += length
                return argument
            }
            defer { position += 1 }
            return [text[position]]
        }

        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
    }
}
