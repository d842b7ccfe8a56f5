/// Placeholder: derived in a later change.
enum ReferenceSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
