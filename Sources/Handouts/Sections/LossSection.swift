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
            func squares(_ terms: [MathExpression]) -> MathExpression {
                .sum(terms.map { .plus(.power(.parentheses($0), exponent: .number(NumberLiteral(exactly: Rational(2))))) })
            }
            let indices = output.indices
            let symbolic = indices.map { i -> MathExpression in
                .difference(d.neuron(.activation, layer: L, i + 1), d.target(i + 1))
            }
            var substituted: [MathExpression] = []
            var differences: [MathExpression] = []
            for i in indices {
                substituted.append(.difference(try display.number(output[i], role: .activation), display.number(target[i], role: .input)))
                differences.append(try display.number(arithmetic.subtract(output[i], .exact(target[i]))))
            }
            members.append(.product([half, squares(symbolic)], .juxtaposition))
            members.append(.product([half, squares(substituted)], .juxtaposition))
            members.append(.product([half, squares(differences)], .juxtaposition))
        case .crossEntropy:
            break
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
}
