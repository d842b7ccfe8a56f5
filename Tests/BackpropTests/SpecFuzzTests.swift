import TestSupport
import Backprop
import ExactArithmetic
import JSON
import Testing

/// Property tests of the reader: random valid specs, written as text in random ways, read
/// back to the same spec and trace to gradients that agree with finite differences; seeded
/// random mutations of valid texts are accepted or refused with a `SpecError`, never crash
/// or hang, and the engine traces whatever is accepted or fails with an `EngineError`.
@Suite struct SpecFuzzTests {
    static let validSeeds: [UInt64] = Array(1_000..<1_200)

    /// The random spec of `seed`, with a title, learning rate and ε varied too.
    static func randomSpec(_ seed: UInt64) -> Spec {
        var spec = RandomSpecs.make(seed: seed)
        var g = SplitMix64(seed: seed &* 31)
        if Bool.random(using: &g) { spec.title = SpecFuzzText.titles.randomElement(using: &g) }
        spec.learningRate = [Rational(0), Rational(1, 3), Rational(1, 10), Rational(2)].randomElement(using: &g)!
        spec.epsilon = [Rational(1, 100_000), Rational(1, 1_000_000), Rational(1, 2_000_000)].randomElement(using: &g)!
        return spec
    }

    static func text(_ spec: Spec, seed: UInt64) -> String {
        var g = SplitMix64(seed: seed &* 7 &+ 1)
        return JSONWriter(pretty: seed % 2 == 0).write(SpecFuzzText.json(spec, using: &g))
    }

    @Test func randomValidSpecsReadBackExactly() throws {
        for seed in Self.validSeeds {
            let spec = Self.randomSpec(seed)
            let text = Self.text(spec, seed: seed)
            #expect(try SpecReader().read(text) == spec, "seed \(seed):\n\(text)")
        }
        print("SpecFuzz: \(Self.validSeeds.count) random valid specs read back exactly")
    }

    @Test(arguments: Array(Self.validSeeds.prefix(40)))
    func randomValidSpecsTraceToGradientsThatAgreeWithFiniteDifferences(seed: UInt64) throws {
        let spec = try SpecReader().read(Self.text(Self.randomSpec(seed), seed: seed))
        let trace = try Engine(precision: 128).trace(spec)
        // A ReLU pre-activation near 0 puts a kink inside [θ − ε, θ + ε]: no agreement is owed there.
        let nearKink = trace.layers.indices.dropFirst().contains { l in
            spec.network.activation(ofLayer: l) == .relu && trace.layers[l].z!.contains { abs($0.toDouble()) < 1e-3 }
        }
        guard !nearKink else { return }
        let fd = trace.finiteDifference
        let analytic = fd.analytic.toDouble()
        #expect(abs(fd.estimate - analytic) <= 1e-5 * max(1, abs(analytic)), "seed \(seed)")
    }

    /// Texts the mutations start from: the corpus base, the malformed-spec base and a few
    /// random specs, all small so the engine is quick on what survives.
    static let mutationBases: [String] = [SpecCorpus.base, MalformedSpecTests.base]
        + (2_000..<2_006).map { text(randomSpec($0), seed: $0) }

    static let mutationCount = 6_000

    @Test(.timeLimit(.minutes(1)))
    func mutationsAreAcceptedOrRefusedNeverCrashOrHang() {
        var g = SplitMix64(seed: 20_261_125)
        var refused = 0, traced = 0, engineErrors = 0
        var messages: [String: Int] = [:]
        var slowest = Duration.zero
        let clock = ContinuousClock()
        for _ in 0..<Self.mutationCount {
            let text = SpecFuzzText.mutate(Self.mutationBases.randomElement(using: &g)!, using: &g)
            let start = clock.now
            defer { slowest = max(slowest, clock.now - start) }
            let spec: Spec
            do {
                spec = try SpecReader().read(text)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
                #expect(!error.description.unicodeScalars.contains(where: MessageExcerpt.breaksLine), "\(error)")
                messages[String(error.message.prefix(30)), default: 0] += 1
                continue
            }
            do {
                _ = try Engine(precision: 64).trace(spec)
                traced += 1
            } catch {
                engineErrors += 1
            }
        }
        #expect(refused + traced + engineErrors == Self.mutationCount)
        print("SpecFuzz: \(Self.mutationCount) mutated specs: \(refused) refused with a SpecError (\(messages.count) kinds of message), \(traced) accepted and traced, \(engineErrors) accepted with an EngineError; slowest case \(slowest)")
    }

    @Test func mutationsAreDeterministic() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        #expect(SpecFuzzText.mutate(SpecCorpus.base, using: &a) == SpecFuzzText.mutate(SpecCorpus.base, using: &b))
    }

    @Test func tokensJoinBackToTheText() {
        #expect(SpecFuzzText.tokens(SpecCorpus.base).joined() == SpecCorpus.base)
    }
}
