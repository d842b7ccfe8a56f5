import Typesetting

/// The names users give notation choices on the command line and in build manifests.
public enum NotationChoice {
    /// `standard` (seed 000: w^(l), input layer 0, 𝓛) or `lecture-notes` (seed 004: w^[l], input layer 1, C).
    public static let presets: [(name: String, notation: Notation)] = [
        ("standard", Notation()), ("lecture-notes", .lectureNotes),
    ]
    /// `paren` for w^(l), `bracket` for w^[l].
    public static let superscripts: [(name: String, style: Notation.LayerStyle)] = [
        ("paren", .parenthesized), ("bracket", .bracketed),
    ]
    /// Which number the weight-gradient equation has.
    public static let weightTheorems: [(name: String, numbering: Notation.GradientNumbering)] = [
        ("BP3", .weightFirst), ("BP4", .biasFirst),
    ]
    /// The loss symbol.
    public static let lossSymbols: [(name: String, symbol: Notation.LossSymbol)] = [
        ("L", .italicL), ("script-L", .calligraphicL), ("C", .c),
    ]

    /// The value named `name` in `table`, or `nil`.
    public static func lookup<T>(_ name: String, in table: [(name: String, T)]) -> T? {
        table.first { $0.name == name }?.1
    }

    /// The names of `table`, for messages: `paren or bracket`.
    public static func names<T>(_ table: [(name: String, T)]) -> String {
        let names = table.map(\.name)
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
    }
}
