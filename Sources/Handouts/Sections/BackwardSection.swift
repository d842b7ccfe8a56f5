/// Placeholder: derived in a later change.
enum BackwardSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
