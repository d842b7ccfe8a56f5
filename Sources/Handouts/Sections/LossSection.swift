import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The loss of the sample: its definition, the values substituted, and the result.
/// Generated block: `@@loss.chain`.
enum LossSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let L = d.outputLayer
        let output = d.trace.layers[L].a
        let target = d.spec.sample.target
        let arithmetic = d.arithmetic
        let display = d.display
        var members: [MathExpression] = [.loss]
        switch d.network.loss {
        case .mse:
            // ½ Σ (aᵢ − yᵢ)²: symbolic, substituted, differences, result.
            let half = MathExpression.fraction(.number(NumberLiteral(exactly: Rational(1))), .number(NumberLiteral(exactly: Rational(2))), .tfrac)
            // The output layer's shown neurons; `nil` (a run left out) is written ⋯.
            func squares(_ terms: [MathExpression?]) -> MathExpression {
                .wrappedSum(terms.map { term in
                    term.map { .plus(.power(.parentheses($0), exponent: .number(NumberLiteral(exactly: Rational(2))))) } ?? .plus(.elidedTerms)
                })
            }
            let entries = d.shown[L].entries
            let symbolic = entries.map { entry in
                entry.map { i -> MathExpression in .difference(d.neuron(.activation, layer: L, i + 1), d.target(i + 1)) }
            }
            var substituted: [MathExpression?] = []
            var differences: [MathExpression?] = []
            for entry in entries {
                guard let i = entry else {
                    substituted.append(nil)
                    differences.append(nil)
                    continue
                }
                substituted.append(.difference(try display.number(output[i], role: .activation), display.number(target[i], role: .input)))
                differences.append(try display.number(arithmetic.subtract(output[i], .exact(target[i]))))
            }
            members.append(.product([half, squares(symbolic)], .juxtaposition))
            members.append(.product([half, squares(substituted)], .juxtaposition))
            members.append(.product([half, squares(differences)], .juxtaposition))
        case .crossEntropy:
            members += try crossEntropyMembers(d)
        }
        members.append(try display.number(d.trace.loss, role: .plain))
        return SectionOutput(
            values: [
                "value": .string(try display.tex(d.trace.loss)),
                "relation": .string(try display.relation(d.trace.loss)),
                "label": .string(WorkedSteps(d).loss.label),
            ],
            blocks: ["loss.chain": display.chain(members, value: d.trace.loss, id: "eq:loss", boxed: true)]
        )
    }

    /// −Σ yᵢ ln aᵢ (or the binary form): symbolic, substituted, then only the terms whose
    /// target weight is not zero.
    private static func crossEntropyMembers(_ d: Derivation) throws -> [MathExpression] {
        let L = d.outputLayer
        let output = d.trace.layers[L].a
        let target = d.spec.sample.target
        let display = d.display
        func ln(_ x: MathExpression) -> MathExpression { .apply(.log, x) }
        func negatedSum(_ terms: [MathExpression]) -> MathExpression {
            terms.count == 1 ? .negation(terms[0]) : .negation(.parentheses(.wrappedSum(terms.map { .plus($0) })))
        }
        if d.network.activations.last == .softmax {
            // Terms with yᵢ = 0 vanish; a weight of exactly 1 is not written.
            var symbolic: [MathExpression] = []
            var substituted: [MathExpression] = []
            var kept: [MathExpression] = []
            for i in output.indices {
                symbolic.append(.cdot(d.target(i + 1), ln(d.neuron(.activation, layer: L, i + 1))))
                let a = try display.number(output[i], role: .activation)
                let y = display.number(target[i], role: .input)
                substituted.append(.cdot(y, ln(a)))
                if !target[i].isZero { kept.append(target[i] == Rational(1) ? ln(a) : .cdot(y, ln(a))) }
            }
            let shownAll = d.shown[L].isComplete
            var members: [MathExpression] = shownAll ? [negatedSum(symbolic), negatedSum(substituted)] : []
            if kept.count < output.count || !shownAll { members.append(negatedSum(kept)) }
            return members
        }
        let a = d.neuron(.activation, layer: L, 1)
        let y = d.target(1)
        let one = MathExpression.number(NumberLiteral(exactly: Rational(1)))
        let shownA = try display.number(output[0], role: .activation)
        let shownY = display.number(target[0], role: .input)
        return [
            negatedSum([.cdot(y, ln(a)), .cdot(.parentheses(.difference(one, y)), ln(.parentheses(.difference(one, a))))]),
            negatedSum([.cdot(shownY, ln(shownA)), .cdot(.parentheses(.difference(one, shownY)), ln(.parentheses(.difference(one, shownA))))]),
        ]
    }
}
