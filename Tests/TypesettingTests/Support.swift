import ExactArithmetic
@testable import Typesetting

/// A displayed number from its text: "0.5622", "-1.0", "8.497e-10".
func literal(_ text: String, exact: Bool = true, role: Role = .plain) -> NumberLiteral {
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: "e", maxSplits: 1).map(String.init)
    return NumberLiteral(negative: negative, significand: parts[0], exponent: parts.count > 1 ? Int(parts[1]) : nil,
                         isExact: exact, role: role)
}

/// A displayed number as an expression.
func num(_ text: String, exact: Bool = true, role: Role = .plain) -> MathExpression {
    .number(literal(text, exact: exact, role: role))
}

/// A rounded displayed number.
func rounded(_ text: String, role: Role = .plain) -> MathExpression {
    num(text, exact: false, role: role)
}

func rational(_ text: String) -> Rational {
    try! Rational.parse(text)
}

let defaultPrinter = TeXPrinter()
let lecturePrinter = TeXPrinter(notation: .lectureNotes)
