import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// Learning, when the spec asks for `training`: the first gradient-descent step worked out
/// (the working of the sgd-step exercise, `SGDStepExercise`), and with more than one step a
/// table of the loss per step, the loss curve and what it shows, all computed.
/// Blocks: `update.*` from the step, `update.curve` (the figure).
enum UpdateSection {
    /// Steps listed one by one in the table; beyond this the first and last are listed.
    static let maximumListedSteps = 16

    static func build(_ d: Derivation) throws -> SectionOutput {
        guard let run = d.trace.training else { return SectionOutput(values: ["present": false]) }
        let step = try SGDStepExercise.build(d, number: 0, prefix: "update")
        var values = step.solution
        var blocks = step.solutionBlocks
        let samples = d.spec.samples.count
        let update = d.trace.update
        values["present"] = true
        values["lossNew"] = step.statement["lossNew"]
        values["eta"] = .string(d.display.tex(d.display.number(d.spec.learningRate)))
        values["stepSamples"] = .string(sampleWords(update.samples, of: samples))
        values["averages"] = .bool(update.samples.count > 1)
        values["isBatch"] = .bool(d.spec.isBatch)
        values["sampleCount"] = .number(String(samples))
        if d.spec.isBatch {
            blocks["update.loss"] = try meanLossChain(d, update.sampleLosses)
        }
        if run.training.steps > 1 {
            let curve = try LossCurve(d, run)
            values["curve"] = .object(curve.values)
            blocks["update.curve"] = .figure(curve.figure)
        }
        return SectionOutput(values: values, blocks: blocks)
    }

    /// 𝓛_new = (1/m)(𝓛₁ + … + 𝓛ₘ) with the samples' new losses, when they are few enough to add
    /// by hand; else 𝓛_new = (1/m) Σ 𝓛ᵢ.
    private static func meanLossChain(_ d: Derivation, _ losses: [Real]) throws -> Block {
        let display = d.display
        let m = losses.count
        let lossNew = MathExpression.symbol(MathSymbol(.other("\(d.notation.lossTeX)_{\\text{new}}")))
        let reciprocal = MathExpression.fraction(.number(NumberLiteral(exactly: Rational(1))), .number(NumberLiteral(exactly: Rational(BigInt(m)))), .frac)
        let sampleLoss = { (i: Int) in MathExpression.symbol(MathSymbol(.other("\(d.notation.lossTeX)_{\(i)}"))) }
        var members: [MathExpression] = [lossNew]
        if m <= 6 {
            members.append(.juxtapose(reciprocal, .parentheses(.sum((1...m).map { .plus(sampleLoss($0)) }))))
            members.append(.juxtapose(reciprocal, .parentheses(.sum(try losses.map { .plus(try display.number($0)) }))))
        } else {
            members.append(.juxtapose(reciprocal, .summation(below: .symbol(MathSymbol(.other("i=1"))), above: .number(NumberLiteral(exactly: Rational(BigInt(m)))), body: .symbol(MathSymbol(.other("\(d.notation.lossTeX)_{i}"))))))
        }
        members.append(try display.number(d.trace.update.loss))
        return display.chain(members, value: d.trace.update.loss, boxed: true)
    }

    /// "the sample", "sample 2", "samples 1 and 2", "all 3 samples", "samples 1–5 and 7".
    static func sampleWords(_ indices: [Int], of count: Int) -> String {
        if count == 1 { return "the sample" }
        if indices.count == count && Set(indices).count == count { return "all \(count) samples" }
        let runs = IndexList.text(indices.map { $0 + 1 })
        return (indices.count == 1 ? "sample " : "samples ") + runs
    }
}
