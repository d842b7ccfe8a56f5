import Testing

@Suite struct LossSectionTests {
    /// The seed's loss, correctly rounded, and `≈` where rounding happened.
    @Test func seedLossIsCorrectlyRounded() throws {
        let latex = try HandoutFixtures.handout(HandoutFixtures.seed000, .latex)
        #expect(latex.contains("\\boxed{0.06105}"))
        #expect(latex.contains("&\\approx \\boxed{0.06105}"))
        #expect(!latex.contains("0.0611"))
    }
}
