import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// One step of gradient descent with the spec's learning rate: new weights and biases of every
/// layer, the forward pass with them, the new loss, and whether (and by how much) it fell.
/// Generated blocks: `P.wL`, `P.bL`, `P.zL`, `P.aL` for each layer, `P.loss`, `P.change`.
/// The step is the trace's `update`: on the worked sample's gradient, or on a batch's mean
/// gradient (then the bias step reads ∂L/∂b, not δ, and the losses are batch means). The
/// handout's update section shows the same working.
enum SGDStepExercise {
    static func build(_ d: Derivation, number: Int, prefix: String) throws -> ExerciseOutput {
        var out = ExerciseOutput()
        let display = d.display
        let update = d.trace.update
        let oldLoss = d.trace.batch?.loss ?? d.trace.loss
        let L = d.outputLayer
        let eta = display.number(d.spec.learningRate)
        let new = SubscriptIndex.letter("\\text{new}")
        func newSymbol(_ base: MathSymbol.Base, _ shape: MathSymbol.Shape, _ l: Int) -> MathExpression {
            .symbol(MathSymbol(base, shape: shape, layer: d.layer(l), indices: [new]))
        }
        let lossNew = MathExpression.symbol(MathSymbol(.other("\(d.notation.lossTeX)_{\\text{new}}")))
        out.statement = [
            "layers": .string((1...L).map(d.layerNumber).joined(separator: ", ")),
            "outputLayer": .string(d.layerNumber(L)),
            "lossNew": .string(display.tex(lossNew)),
        ]
        var layers: [MustacheValue] = []
        for l in 1...L {
            let (w, b, z, a) = ("\(prefix).w\(l)", "\(prefix).b\(l)", "\(prefix).z\(l)", "\(prefix).a\(l)")
            // The neurons the document shows (the layers' one decision): rows of layer l,
            // columns of layer l − 1. More than two columns: the old weights and the step
            // η·∂L/∂W on separate lines.
            let weights = d.network.weights[l - 1]
            let oldWeights = display.summarisedMatrix(rows: d.shown[l], columns: d.shown[l - 1]) { j, k in
                display.number(weights[j][k], role: .weight)
            }.matrix
            let step = MathExpression.juxtapose(eta, try shownMatrix(update.weightGradients[l - 1], layer: l, role: .error, d))
            out.solutionBlocks[w] = display.chain([
                newSymbol(.weight, .matrix, l),
                .difference(.w(d.layer(l)), .juxtapose(.symbol(MathSymbol(.other("\\eta"))), .lossGradient(withRespectTo: .w(d.layer(l))))),
                .wrappedSum([.plus(oldWeights), .minus(step)], perLine: (weights.first?.count ?? 0) > 2 ? 1 : 2),
                try shownMatrix(update.weights[l - 1], layer: l, role: .weight, d),
            ], matrix: update.weights[l - 1], rows: d.shown[l], columns: d.shown[l - 1])
            out.solutionBlocks[b] = display.chain([
                newSymbol(.bias, .vector, l),
                .difference(.b(d.layer(l)), .juxtapose(.symbol(MathSymbol(.other("\\eta"))),
                                                      d.spec.isBatch ? .lossGradient(withRespectTo: .b(d.layer(l))) : .delta(d.layer(l)))),
                .difference(ShownNeurons(layer: l, d).column { display.number(d.network.biases[l - 1][$0 - 1], role: .weight) },
                            .juxtapose(eta, try ShownNeurons(layer: l, d).column(update.biasGradients[l - 1], role: .error, d))),
                try ShownNeurons(layer: l, d).column(update.biases[l - 1], role: .weight, d),
            ], column: update.biases[l - 1], rows: d.shown[l])
            out.solutionBlocks[z] = display.chain([
                newSymbol(.preActivation, .vector, l),
                .sum(.juxtapose(newSymbol(.weight, .matrix, l), l == 1 ? .x() : newSymbol(.activation, .vector, l - 1)),
                     newSymbol(.bias, .vector, l)),
                try ShownNeurons(layer: l, d).column(update.layers[l].z!, role: .plain, d),
            ], column: update.layers[l].z!, rows: d.shown[l])
            out.solutionBlocks[a] = display.chain([
                newSymbol(.activation, .vector, l),
                .apply(.activation(d.activationSymbol(ofLayer: l)), newSymbol(.preActivation, .vector, l)),
                try ShownNeurons(layer: l, d).column(update.layers[l].a, role: .activation, d),
            ], column: update.layers[l].a, rows: d.shown[l])
            layers.append(.object([
                "layer": .string(d.layerNumber(l)), "isOutput": .bool(l == L),
                "weights": .string(w), "biases": .string(b), "z": .string(z), "a": .string(a),
            ]))
            for (j, row) in update.weights[l - 1].enumerated() {
                for (k, value) in row.enumerated() {
                    out.answers.append(try d.answer(number, "w\(d.layerNumber(l))_\(j + 1),\(k + 1)new",
                                                    "{" + d.plain("w", layer: l, [j + 1, k + 1]) + "}_{\\text{new}}", value))
                }
            }
            for (j, value) in update.biases[l - 1].enumerated() {
                out.answers.append(try d.answer(number, "b\(d.layerNumber(l))_\(j + 1)new",
                                                "{" + d.plain("b", layer: l, [j + 1]) + "}_{\\text{new}}", value))
            }
        }
        out.solutionBlocks["\(prefix).loss"] = display.chain(
            [lossNew, try display.number(update.loss)], value: update.loss, boxed: true
        )
        let change = update.change
        // L_new − L cancels: a step that moves the loss by 10⁻²⁶⁰⁶ (σ(3000)) needs more bits than
        // the most precise trace has. There the key says what is known instead of stopping —
        // at once, without climbing the precision ladder, when the mean value theorem proves
        // the change far below what even its top rung resolves.
        let changeKnown: Bool
        var farBelow: Real?
        do {
            _ = try display.number(change)
            _ = try d.sign(change)
            changeKnown = true
        } catch {
            farBelow = farBelowResolution(d, loss: oldLoss)
            guard farBelow != nil || d.trace.precision >= Engine.precisionLadder.last! else { throw PrecisionShortfall(value: change) }
            changeKnown = false
        }
        out.answers.append(try d.answer(number, "Lnew", "\(d.notation.lossTeX)_{\\text{new}}", update.loss))
        // Whether some matrix or vector above leaves entries out (the answer key lists them all).
        let elided = ShownNeurons.elidedLayers(d)
        let lossDisplay = try display.distinguishing(oldLoss, update.loss)
        var solution: [String: MustacheValue] = [
            "layers": .list(layers),
            "summarised": .bool(!elided.isEmpty),
            "elidedLayers": .list(elided),
            "lossBlock": .string("\(prefix).loss"),
            // "The loss decreased from … to …": both with enough digits to differ.
            "loss": .string(try lossDisplay.tex(oldLoss)),
            "lossRelation": .string(try lossDisplay.relation(oldLoss)),
            "newLoss": .string(try lossDisplay.tex(update.loss)),
            "newLossRelation": .string(try lossDisplay.relation(update.loss)),
            // Even the most digits a comparison may add show the two losses alike.
            "lossesAlike": .bool(try lossDisplay.literal(oldLoss).value == lossDisplay.literal(update.loss).value),
        ]
        guard changeKnown else {
            solution["unresolved"] = .object(try unresolvedChange(change, d, proven: farBelow))
            out.solution = solution
            return out
        }
        out.solutionBlocks["\(prefix).change"] = display.chain([
            .difference(lossNew, .loss),
            .difference(try display.number(update.loss), try display.number(oldLoss)),
            try display.number(change),
        ], value: change)
        out.answers.append(try d.answer(number, "change", "\(d.notation.lossTeX)_{\\text{new}} - \(d.notation.lossTeX)", change))
        let direction = try d.sign(change)
        solution["changeBlock"] = .string("\(prefix).change")
        solution["decreased"] = .bool(direction < 0)
        solution["increased"] = .bool(direction > 0)
        solution["unchanged"] = .bool(direction == 0)
        if direction != 0 {
            let amount = try d.magnitude(change)
            // A change the sentence calls a decrease or increase is never shown as 0.
            let amountDisplay = try display.distinguishing(amount, Real(0))
            solution["amount"] = .string(try amountDisplay.tex(amount))
            solution["amountRelation"] = .string(try amountDisplay.relation(amount))
            if try d.sign(oldLoss) > 0 {
                let percent = d.arithmetic.multiply(try d.quotient(amount, oldLoss), Real(100))
                let coarse = d.display(.significantDigits(3))
                solution["percent"] = .string(try coarse.tex(percent))
                solution["percentRelation"] = .string(try coarse.relation(percent))
                solution["hasPercent"] = true
            }
        }
        out.solution = solution
        return out
    }
}

extension SGDStepExercise {
    /// Certified values of layer l's weight shape, rows and columns as the document shows them.
    static func shownMatrix(_ values: [[Real]], layer l: Int, role: Role, _ d: Derivation) throws -> MathExpression {
        try d.display.summarisedMatrix(rows: d.shown[l], columns: d.shown[l - 1]) { j, k throws(PrecisionShortfall) in
            try d.display.number(values[j][k], role: role)
        }.matrix
    }

    /// The mean-value bound on |L_new − L| (`Engine.stepChangeBound`) when it lies below
    /// |L| · 2^−(b + 64) for b the precision ladder's top: no working precision tried would
    /// certify the change, so trying them is pointless. nil otherwise.
    static func farBelowResolution(_ d: Derivation, loss: Real) -> Real? {
        guard let bound = Engine(precision: d.trace.precision).stepChangeBound(d.trace) else { return nil }
        let scaled = d.arithmetic.multiply(bound, .exact(Rational(BigInt(1) << (Engine.precisionLadder.last! + 64))))
        return d.arithmetic.subtract(loss, scaled).knownSignum == 1 ? bound : nil
    }

    /// What is known of a change L_new − L that no trace certifies: a bound on its size
    /// (rounded up, so the sentence stays true) — the mean-value bound `proven` with the
    /// resolution of the top precision it lies below, else the enclosure's at the top
    /// precision — and the first-order term −η‖∇L‖², which has no cancellation.
    static func unresolvedChange(_ change: Real, _ d: Derivation, proven: Real?) throws(PrecisionShortfall) -> [String: MustacheValue] {
        let arithmetic = d.arithmetic
        let largest = proven?.upperBound ?? max(change.lowerBound.magnitude, change.upperBound.magnitude)
        let coarse = d.display(.significantDigits(2))
        // Two significant digits round by at most 5 %: 1.1 · |bound| still lies above it.
        let bound = coarse.tex(coarse.number(largest * Rational(11, 10)))
        let gradients = d.trace.weightGradients.flatMap { $0.flatMap { $0 } } + d.trace.biasGradients.flatMap { $0 }
        let firstOrder = arithmetic.multiply(.exact(d.spec.learningRate), arithmetic.dot(gradients, gradients))
        var values: [String: MustacheValue] = [
            "bits": .number(String(d.trace.precision)),
            "bound": .string(bound),
            "firstOrder": .string(try d.display.tex(firstOrder)),
            "firstOrderRelation": .string(try d.display.relation(firstOrder)),
            "proven": .bool(proven != nil),
        ]
        if proven != nil {
            let top = Engine.precisionLadder.last!
            let oldLoss = d.trace.batch?.loss ?? d.trace.loss
            let resolution = arithmetic.multiply(oldLoss, .exact(Rational(BigInt(1), BigInt(1) << top)))
            values["topBits"] = .number(String(top))
            values["resolution"] = .string(try coarse.tex(resolution))
            values["resolutionRelation"] = .string(try coarse.relation(resolution))
        }
        return values
    }
}
