/// Placeholder: derived in a later change.
enum ArchitectureSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
