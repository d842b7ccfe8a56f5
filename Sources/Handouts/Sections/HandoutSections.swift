/// One section's contribution to the handout: its key in the template context (the template
/// reads `{{forward.…}}`) and how it is derived.
struct HandoutSection: Sendable {
    let key: String
    let build: @Sendable (Derivation) throws -> SectionOutput
}

/// The sections, in the order their values are derived (the layout template decides the
/// order they appear in). Each lives in its own file, beside its template in `Templates/handout/`.
enum HandoutSections {
    static let all: [HandoutSection] = [
        HandoutSection(key: "net", build: NetworkFacts.build),
        HandoutSection(key: "architecture", build: ArchitectureSection.build),
        HandoutSection(key: "handCheck", build: HandCheckSection.build),
        HandoutSection(key: "paths", build: PathsSection.build),
        HandoutSection(key: "theorems", build: TheoremsSection.build),
        HandoutSection(key: "forward", build: ForwardSection.build),
        HandoutSection(key: "loss", build: LossSection.build),
        HandoutSection(key: "derivatives", build: DerivativesSection.build),
        HandoutSection(key: "backward", build: BackwardSection.build),
        HandoutSection(key: "gradient", build: GradientSection.build),
        HandoutSection(key: "batch", build: BatchSection.build),
        HandoutSection(key: "verification", build: VerificationSection.build),
        HandoutSection(key: "update", build: UpdateSection.build),
        HandoutSection(key: "summary", build: SummarySection.build),
        HandoutSection(key: "reference", build: ReferenceSection.build),
        HandoutSection(key: "exercises", build: HandoutExercisesSection.build),
        HandoutSection(key: "cost", build: CostSection.build),
        HandoutSection(key: "appendix", build: AppendixSection.build),
    ]

    /// The sections of the symbolic handout (`--symbolic`): none reads a value of the trace.
    static let symbolic: [HandoutSection] = [
        HandoutSection(key: "net", build: NetworkFacts.build),
        HandoutSection(key: "theorems", build: TheoremsSection.build),
        HandoutSection(key: "symbolic", build: SymbolicSection.build),
        HandoutSection(key: "summary", build: { d in SectionOutput(values: ["symbols": GeneralSymbols.values(d)]) }),
        HandoutSection(key: "cost", build: CostSection.build),
        HandoutSection(key: "appendix", build: AppendixSection.build),
    ]
}
