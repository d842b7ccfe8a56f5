/// Text from a document as an error message repeats it: cut to its first `maximumLength`
/// characters (marked with "…") so a hostile document cannot flood the terminal, and with
/// quotes, backslashes and invisible or terminal-controlling characters escaped as in JSON
/// (`\u001B`, `\u202E`), so what is printed is exactly what the document says.
public enum MessageExcerpt {
    /// The most characters of document text a message repeats.
    public static let maximumLength = 40

    /// `text` escaped and cut for a message, without surrounding quotes. O(`maximumLength`).
    public static func of(_ text: String) -> String {
        var out = ""
        for (i, character) in text.enumerated() {
            if i == maximumLength { return out + "…" }
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if breaksLine(scalar) || scalar.properties.generalCategory == .format {
                        for unit in String(scalar).utf16 {
                            let hex = String(unit, radix: 16, uppercase: true)
                            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        }
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return out
    }

    /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: what
    /// may not appear inside one line of text.
    public static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
