/// Placeholder: derived in a later change.
enum TheoremsSection {
    static func build(_ d: Derivation) throws -> SectionOutput { SectionOutput() }
}
