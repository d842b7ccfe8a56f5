import Backprop
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
struct PrecisionShortfall: Error {}
