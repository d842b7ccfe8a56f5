import Backprop
import ExactArithmetic
import Testing
import TestSupport

/// The mean-value bound on the SGD step's change of the loss (`Engine.stepChangeBound`) holds
/// wherever the change itself is certified, and is available exactly when the gradient over
/// the step's box can be bounded.
@Suite struct StepChangeBoundTests {
    /// On random networks of every activation and loss, |L_new − L| (certified by the trace)
    /// never exceeds the bound: its proven lower end lies below the bound's upper end.
    @Test(arguments: 1...40)
    func boundsTheCertifiedChange(seed: UInt64) throws {
        let spec = RandomSpecs.make(seed: seed)
        let engine = Engine(precision: 256)
        let trace = try engine.trace(spec)
        guard let bound = engine.stepChangeBound(trace) else {
            // Only a ReLU's sign inside the box may prevent a bound.
            #expect(spec.network.activations.contains(.relu), "no bound for seed \(seed)")
            return
        }
        let arithmetic = RealArithmetic(precision: 256)
        let change = arithmetic.magnitude(trace.update.change)
        #expect(bound.lowerBound >= 0)
        #expect(change.lowerBound <= bound.upperBound, "seed \(seed): |ΔL| ≥ \(change.lowerBound.formatted(.init(.significantDigits(4))).text) > bound \(bound.upperBound.formatted(.init(.significantDigits(4))).text)")
    }

    /// For a small step the bound is close to the first-order change η‖∇L‖²: with η = 10⁻⁶ on
    /// a sigmoid network, within a factor 1.01 of |L_new − L|.
    @Test func isTightForASmallStep() throws {
        var spec = RandomSpecs.make(seed: 3, activations: [.sigmoid], loss: .mse)
        spec.learningRate = Rational(1, 1_000_000)
        let engine = Engine(precision: 256)
        let trace = try engine.trace(spec)
        let bound = try #require(engine.stepChangeBound(trace))
        let change = RealArithmetic(precision: 256).magnitude(trace.update.change)
        #expect(change.lowerBound > 0)
        #expect(bound.upperBound <= change.lowerBound * Rational(101, 100))
    }
}
