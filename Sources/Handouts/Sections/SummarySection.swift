/// Placeholder: derived in a later change.
enum SummarySection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
