/// How user text is made literal for the place it goes: Mustache interpolation and every
/// writer's plain text use these, so each target's rules live in exactly one place.
public enum TextEscaping: String, CaseIterable, Hashable, Sendable {
    /// HTML: `& < > " '` become entities (the Mustache specification's escaping).
    case html
    /// LaTeX: every special character becomes a command or an escaped character, so no
    /// text can run a TeX command, open a group or change catcodes; ligatures that would print
    /// other characters are broken, and invisible format characters are dropped.
    case latex
    /// Markdown: ASCII punctuation that could start markup is backslash-escaped, wherever it
    /// stands. For text interpolated into templates (section templates read back by
    /// `MarkdownReader`, user shells), where the surroundings are unknown; the Markdown writer
    /// escapes its own text where it stands instead (`MarkdownTextEscaping`).
    case markdown
    /// No escaping.
    case none

    /// Returns `text` made literal for this target.
    public func callAsFunction(_ text: String) -> String {
        switch self {
        case .html: return Self.escapeHTML(text)
        case .latex: return Self.escapeLaTeX(text)
        case .markdown: return Self.escapeMarkdown(text)
        case .none: return text
        }
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func escapeLaTeX(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar?
        for ch in text.unicodeScalars {
            defer { previous = ch }
            // `--`, `,,` and `''` are ligatures in TeX's text fonts (an en dash, low and closing
            // quotes); an empty box between the two characters keeps both, in both engines.
            if ch == previous, ch == "-" || ch == "," || ch == "'" { out += "\\mbox{}" }
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "_": out += "\\_"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\"": out += "\\textquotedbl{}"
            // A backquote is an opening quote in TeX's text fonts (and starts `!``, `?`` ligatures).
            case "`": out += "\\textasciigrave{}"
            case "\n", "\r", "\t": out += " "
            default:
                // Other control characters have no meaning in a document and could confuse TeX;
                // invisible format characters (bidi controls, zero-width joiners) stop pdfLaTeX
                // with "Unicode character not set up".
                if ch.value < 0x20 || ch.value == 0x7F || ch.properties.generalCategory == .format { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Characters that can start or end Markdown (CommonMark, GFM, Pandoc) constructs, plus
    /// `$` (math) and `@` (this project's generated-block lines).
    static let markdownSpecials: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|",
        "<", ">", "$", "~", "^", "&", ":", "@", "\"", "'", "=",
    ]

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            if markdownSpecials.contains(ch) {
                out += "\\"
                out.unicodeScalars.append(ch)
            } else if ch == "\n" || ch == "\r" || ch == "\t" {
                out += " "
            } else if ch.value < 0x20 || ch.value == 0x7F {
                continue
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
