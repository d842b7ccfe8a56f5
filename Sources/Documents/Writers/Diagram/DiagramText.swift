/// Text drawn in a diagram, typeset as a reader expects: a number's sign is the minus sign
/// U+2212 (`−0.5`, `8.5e−10`), not the shorter hyphen `-` of the plain values a diagram is
/// given. Hyphens between words (`cross-entropy`) stay.
enum DiagramText {
    static func minusSigns(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "-", index + 1 < scalars.count, startsNumber(scalars, at: index + 1) else {
                out.append(scalar)
                continue
            }
            let before = index > 0 ? scalars[index - 1] : nil
            let isSign = before.map { !isWordCharacter($0) || isExponentMark(scalars, at: index - 1) } ?? true
            out.append(isSign ? "\u{2212}" : scalar)
        }
        return String(out)
    }

    /// A digit, or a decimal point followed by one.
    private static func startsNumber(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        if isDigit(scalars[index]) { return true }
        return scalars[index] == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])
    }

    /// The `e` of `8.5e-10`: an `e` right after a digit.
    private static func isExponentMark(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        scalars[index] == "e" && index > 0 && isDigit(scalars[index - 1])
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar)
    }
}
