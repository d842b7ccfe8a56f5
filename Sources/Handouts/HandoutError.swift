import Backprop
import ExactArithmetic
import Documents

/// Why a handout could not be generated.
public enum HandoutError: Error, Sendable, CustomStringConvertible {
    /// A template (built-in or the user's) is wrong: `file:line:column: message`.
    case template(String)
    /// The rendered document is inconsistent (an unknown reference, a duplicate label).
    case document(String)
    /// A value could not be certified to the digits shown.
    case computation(String)
    /// The options cannot apply to this spec (`--full` on a layer too wide to show).
    case options(String)

    public var description: String {
        switch self {
        case .template(let m), .document(let m), .computation(let m), .options(let m): return m
        }
    }
}

/// Raised while deriving when a number's enclosure is too wide for the digits shown: the
/// handout is derived again from a more precise trace.
struct PrecisionShortfall: Error {
    /// The value that could not be shown, when known: named in the error if even the most
    /// precise trace does not settle it.
    var value: Real?
    /// What the value is, in words, when the thrower knows: "|∂L/∂w₂,₁| / |∂L/∂w₁,₁| − 1".
    var name: String?

    init(value: Real? = nil, name: String? = nil) {
        self.value = value
        self.name = name
    }

    /// The error when the most precise trace still falls short: it names the value by what is
    /// known of it.
    static func error(_ last: PrecisionShortfall?, after error: Error) -> HandoutError {
        guard let value = last?.value else { return .computation(String(describing: error)) }
        let format = DecimalFormat(.significantDigits(3), scientificBelow: Rational(1, 1000), scientificFrom: Rational(100_000))
        func text(_ r: Rational) -> String { r.formatted(format).text }
        let what = last?.name.map { "the value of \($0)" } ?? "the last value short of digits"
        return .computation("\(error): \(what), at \(Engine.precisionLadder.last!) bits, is only known to lie in [\(text(value.lowerBound)), \(text(value.upperBound))]")
    }
}
