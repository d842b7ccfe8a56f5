/// The colours of the HTML page for each colour scheme. The role colours and box frames of
/// `RolePalette` and `DivisionStyle` are made for print on white; on screen every role colour
/// and box label must keep a contrast of at least 4.5:1 (WCAG AA for body text) against the
/// page, a box body and a box title bar, in light and in dark mode, so each scheme has its own
/// shade. `HTMLPaletteTests` recomputes those contrasts.
enum HTMLPalette {
    enum Scheme: CaseIterable, Hashable, Sendable {
        case light, dark

        /// The page background, `RRGGBB`.
        var background: String { self == .light ? "FFFFFF" : "14161A" }
        /// The body text colour, `RRGGBB`.
        var foreground: String { self == .light ? "1B1B1B" : "E6E6E6" }
    }

    /// How much of the frame colour a box body and a box title bar mix into the background.
    static let bodyTint = 0.05
    static let titleTint = 0.16

    /// The text colour of a role in `scheme`, `RRGGBB`.
    static func colour(_ role: LayeredDiagram.Role, _ scheme: Scheme) -> String {
        switch (role, scheme) {
        case (.input, .light): return "A54200"
        case (.weight, .light): return "1C64A1"
        case (.activation, .light): return "196F3E"
        case (.error, .light): return "B13528"
        case (.plain, .light): return "555555"
        case (.input, .dark): return "F76200"
        case (.weight, .dark): return "4096DE"
        case (.activation, .dark): return "26A55B"
        case (.error, .dark): return "DD7267"
        case (.plain, .dark): return "919191"
        }
    }

    /// The colour of a box's label ("Theorem 1") on its title bar, `RRGGBB`, by style key.
    static func label(_ key: String, _ scheme: Scheme) -> String {
        let light: [String: String] = [
            "theorem": "1D67A5", "remark": "5F676E", "key-observation": "8E5C0B", "verification": "5F676E",
            "verification-passed": "1A7340", "verification-failed": "B33528", "algorithm": "34495E",
            "exercise": "7D3C98", "solution": "10715E", "note": "5F676E",
        ]
        let dark: [String: String] = [
            "theorem": "3992DD", "remark": "879097", "key-observation": "CA820F", "verification": "879097",
            "verification-passed": "25A35A", "verification-failed": "DB695D", "algorithm": "6A8BAD",
            "exercise": "AF72C8", "solution": "16A084", "note": "879097",
        ]
        return (scheme == .light ? light : dark)[key] ?? scheme.foreground
    }

    private static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    /// The page's colour rules: custom properties per scheme, a class per role for the MathML
    /// (`<mrow class="wb-error">`), and the frame and label colour of each box style.
    static var css: String {
        func properties(_ scheme: Scheme) -> String {
            var list: [String] = []
            for role in RolePalette.roles { list.append("--wb-\(role.rawValue):#\(colour(role, scheme));") }
            for frame in DivisionStyle.frames { list.append("--wb-label-\(frame.key):#\(label(frame.key, scheme));") }
            return ":root{" + list.joined() + "}"
        }
        var frames = ["--wb-body-tint:\(percent(bodyTint));--wb-title-tint:\(percent(titleTint));"]
        for frame in DivisionStyle.frames { frames.append("--wb-box-\(frame.key):#\(frame.hex);") }
        var rules = [":root{" + frames.joined() + "}", properties(.light)]
        rules.append("@media (prefers-color-scheme:dark){" + properties(.dark) + "}")
        for frame in DivisionStyle.frames {
            rules.append(".box-\(frame.key){--wb-frame:var(--wb-box-\(frame.key));--wb-label:var(--wb-label-\(frame.key))}")
        }
        for role in RolePalette.roles { rules.append(".wb-\(role.rawValue){color:var(--wb-\(role.rawValue))}") }
        return rules.joined(separator: "\n")
    }
}
