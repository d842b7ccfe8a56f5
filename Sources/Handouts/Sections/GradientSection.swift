/// Placeholder: derived in a later change.
enum GradientSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
