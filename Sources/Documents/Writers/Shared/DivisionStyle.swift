/// The frame colour of each kind of box, shared by the LaTeX boxes and the HTML CSS; a
/// verification is coloured by its outcome.
enum DivisionStyle {
    /// The style key of a division: its kind, or for a verification its outcome.
    static func key(_ division: Division) -> String {
        guard division.kind == .verification, let outcome = division.outcomeText else { return division.kind.rawValue }
        return "verification-" + outcome
    }

    /// Every style key with its frame colour `RRGGBB`, in a fixed order.
    static let frames: [(key: String, hex: String)] = [
        ("theorem", RolePalette.hex(.weight)),
        ("remark", "6C757D"),
        ("key-observation", "B9770E"),
        ("verification", "6C757D"),
        ("verification-passed", RolePalette.passed),
        ("verification-failed", RolePalette.failed),
        ("algorithm", "34495E"),
        ("exercise", "7D3C98"),
        ("solution", "117A65"),
        ("note", "6C757D"),
    ]
}

extension RolePalette {
    /// `\definecolor` lines for the role colours, their tints, the edge grey and the box frames.
    static var latexDefinitions: String {
        var lines: [String] = []
        for role in roles {
            lines.append("\\definecolor{\(latexName(role))}{HTML}{\(hex(role))}")
            lines.append("\\definecolor{\(latexTintName(role))}{HTML}{\(tint(role))}")
        }
        lines.append("\\definecolor{wbedgegrey}{HTML}{\(EdgeStyle.colour(.normal))}")
        for frame in DivisionStyle.frames {
            lines.append("\\definecolor{\(latexBoxName(frame.key))}{HTML}{\(frame.hex)}")
        }
        return lines.joined(separator: "\n")
    }

    /// The LaTeX colour name of a box style key (`wbbox-key-observation` → `wbboxkeyobservation`).
    static func latexBoxName(_ key: String) -> String { "wbbox" + key.filter(\.isLetter) }
}
