import Typesetting

/// Plain-text forms for places without TeX: the network figure's node labels (Unicode, drawn
/// as SVG text) and its node values (ASCII, also placed as LaTeX text in TikZ).
enum PlainText {
    /// A symbol such as `a₁⁽²⁾`, `x₃`, `w₁,₁⁽¹⁾` under the notation's layer style; a bracketed
    /// layer reads `a₁^[2]` since Unicode has no superscript brackets.
    static func label(_ letter: String, layer: String? = nil, indices: [Int], notation: Notation) -> String {
        var text = letter + indices.map { subscripted(String($0)) }.joined(separator: ",")
        if let layer {
            switch notation.layerStyle {
            case .parenthesized: text += "⁽" + superscripted(layer) + "⁾"
            case .bracketed: text += "^[" + layer + "]"
            }
        }
        return text
    }

    /// A displayed number in ASCII: `0.5622`, `-1`, `8.497e-10`, `1/3`.
    static func number(_ literal: NumberLiteral) -> String {
        let sign = literal.negative ? "-" : ""
        switch literal.form {
        case .decimal(let significand, let exponent):
            return sign + significand + (exponent.map { "e\($0)" } ?? "")
        case .fraction(let numerator, let denominator):
            return sign + numerator + "/" + denominator
        }
    }

    private static func subscripted(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "0"..."9": Character(Unicode.Scalar(0x2080 + UInt32(character.wholeNumberValue!))!)
            default: character
            }
        })
    }

    private static func superscripted(_ text: String) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(text.map { $0.wholeNumberValue.map { digits[$0] } ?? $0 })
    }
}
