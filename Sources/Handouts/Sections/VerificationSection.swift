/// Placeholder: derived in a later change.
enum VerificationSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
