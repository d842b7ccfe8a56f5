/// Placeholder: derived in a later change.
enum ForwardSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
