/// Placeholder: derived in a later change.
enum DerivativesSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
