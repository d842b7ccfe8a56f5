/// The colour code of the handouts, one hex value per role, shared by the math macros, the
/// TikZ figure, the SVG figure and the HTML styles so every format shows the same colours.
enum RolePalette {
    /// The strong colour of a role (text, strokes), as `RRGGBB`.
    static func hex(_ role: LayeredDiagram.Role) -> String {
        switch role {
        case .input: return "D35400"       // orange
        case .weight: return "1F6FB2"      // blue
        case .activation: return "1E8449"  // green
        case .error: return "C0392B"       // red
        case .plain: return "555555"       // grey
        }
    }

    /// A light tint of a role for node fills, as `RRGGBB`.
    static func tint(_ role: LayeredDiagram.Role) -> String {
        switch role {
        case .input: return "FBE5D6"
        case .weight: return "DCEAF7"
        case .activation: return "DDF1E4"
        case .error: return "F7DDDA"
        case .plain: return "EEEEEE"
        }
    }

    /// The name LaTeX defines for a role's colour (`\definecolor{wbinput}{HTML}{…}`).
    static func latexName(_ role: LayeredDiagram.Role) -> String { "wb" + role.rawValue }

    /// The name LaTeX defines for a role's tint.
    static func latexTintName(_ role: LayeredDiagram.Role) -> String { "wb" + role.rawValue + "tint" }

    /// Every role, in a fixed order.
    static let roles: [LayeredDiagram.Role] = [.input, .weight, .activation, .error, .plain]

    /// Verification outcome colours, `RRGGBB`.
    static let passed = "1E8449"
    static let failed = "C0392B"
}
