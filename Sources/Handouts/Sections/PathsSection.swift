/// Placeholder: derived in a later change.
enum PathsSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
