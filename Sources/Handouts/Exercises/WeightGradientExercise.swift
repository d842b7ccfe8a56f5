import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The gradient of one weight: its active paths, BP3, and a comparison with the focus
/// gradient — of sign and magnitude from the factors (`weight-gradient`), or of magnitude
/// through the number of squashing layers crossed (`deeper-weight`).
/// Generated blocks: `P.paths`, `P.bp3`.
enum WeightGradientExercise {
    static func build(_ d: Derivation, number: Int, prefix: String, weight w: WeightIndex, deeper: Bool) throws -> ExerciseOutput {
        var out = ExerciseOutput()
        let p = w.parameter
        let focus = d.spec.focus
        let display = d.display
        let symbol = d.symbol(p)
        out.statement = [
            "symbol": .string(display.tex(symbol)),
            "derivative": .string(display.tex(.lossGradient(withRespectTo: symbol))),
            "source": .string(display.tex(d.source(layer: w.layer, neuron: w.from))),
            "target": .string(display.tex(.a(d.layer(w.layer), .number(w.to)))),
            "neuron": .number(String(w.to)),
            "layer": .string(d.layerNumber(w.layer)),
            "layerTeX": .string(d.notation.layerTeX(d.layer(w.layer))),
            "delta": .string(display.tex(.delta(d.layer(w.layer)))),
            "focusDerivative": .string(display.tex(d.focusDerivative)),
            "focusLayer": .string(d.layerNumber(focus.layer)),
            "isSameAsFocus": .bool(p == focus),
            // The weight's paths to the loss, one per choice of neuron in each later layer: the
            // architecture's count, no part of the answer.
            "onePath": .bool(d.network.layers[(w.layer + 1)...].reduce(1, *) == 1),
            // Whether a sigmoid or tanh derivative lies on either error's way back from the loss:
            // without one, the comparison cannot be explained by squashing layers.
            "squashes": .bool(d.squashingFactors(inDeltaOfLayer: w.layer) + d.squashingFactors(inDeltaOfLayer: focus.layer) > 0),
        ]

        // (a) The paths.
        let paths = d.pathsDisplay(p)
        out.solutionBlocks["\(prefix).paths"] = paths.block
        var solution: [String: MustacheValue] = [
            "pathsBlock": .string("\(prefix).paths"),
            "bp3Block": .string("\(prefix).bp3"),
            "pathCount": .number(String(paths.count)),
            "activeCount": .number(String(paths.active)),
            "singlePath": .bool(paths.count == 1),
            "allActive": .bool(paths.active == paths.count),
            "noneActive": .bool(paths.active == 0),
            "allListed": .bool(paths.listed == paths.count),
            "listedCount": .number(String(paths.listed)),
        ]

        // (b) BP3.
        let l = w.layer
        let a = d.inputFactor(p)
        let delta = d.trace.deltas[l][w.to - 1]
        let g = d.trace.gradient(of: p)
        let sourceRole: Role = l == 1 ? .input : .activation
        let members: [MathExpression] = [
            .lossGradient(withRespectTo: symbol),
            .cdot(d.source(layer: l, neuron: w.from), .delta(d.layer(l), .number(w.to))),
            .cdot(try display.number(a, role: sourceRole), try display.number(delta, role: .error)),
            try display.number(g, role: .error),
        ]
        out.solutionBlocks["\(prefix).bp3"] = display.chain(members, value: g, boxed: true)
        out.answers.append(try d.answer(number, "dL/dw\(d.layerNumber(l))_\(w.to),\(w.from)", d.plainDerivative(d.plainSymbol(p)), g))

        // (c) The comparison with the focus gradient, all from the values.
        let gf = d.trace.focusGradient
        let af = d.inputFactor(focus)
        let deltaf = d.trace.deltas[focus.layer][focus.neuron - 1]
        let (sg, sf) = (try d.sign(g), try d.sign(gf))
        solution["gradient"] = .string(try display.tex(g, role: .error))
        solution["gradientRelation"] = .string(try display.relation(g))
        solution["focusGradient"] = .string(try display.tex(gf, role: .error))
        solution["focusRelation"] = .string(try display.relation(gf))
        solution["signWord"] = .string(Derivation.signWord(sg))
        solution["focusSignWord"] = .string(Derivation.signWord(sf))
        solution["sameSign"] = .bool(sg == sf && sg != 0)
        solution["oppositeSign"] = .bool(sg == -sf && sg != 0)
        solution["eitherZero"] = .bool(sg == 0 || sf == 0)
        solution["sourceValue"] = .string(try display.tex(a, role: sourceRole))
        solution["sourceSymbol"] = .string(display.tex(d.source(layer: l, neuron: w.from)))
        solution["sourceSign"] = .string(Derivation.signWord(try d.sign(a)))
        solution["deltaSymbol"] = .string(display.tex(.delta(d.layer(l), .number(w.to))))
        solution["deltaValue"] = .string(try display.tex(delta, role: .error))
        solution["deltaRelation"] = .string(try display.relation(delta))
        solution["deltaSign"] = .string(Derivation.signWord(try d.sign(delta)))
        switch focus {
        case .weight(let lf, let jf, let kf):
            solution["focusIsWeight"] = true
            solution["focusSourceSymbol"] = .string(display.tex(d.source(layer: lf, neuron: kf)))
            solution["focusDeltaSymbol"] = .string(display.tex(.delta(d.layer(lf), .number(jf))))
        case .bias(let lf, let jf):
            solution["focusIsWeight"] = false
            solution["focusDeltaSymbol"] = .string(display.tex(.delta(d.layer(lf), .number(jf))))
        }
        solution["focusSourceValue"] = .string(try display.tex(af, role: focus.layer == 1 ? .input : .activation))
        solution["focusSourceSign"] = .string(Derivation.signWord(try d.sign(af)))
        solution["focusDeltaValue"] = .string(try display.tex(deltaf, role: .error))
        solution["focusDeltaRelation"] = .string(try display.relation(deltaf))
        solution["focusDeltaSign"] = .string(Derivation.signWord(try d.sign(deltaf)))
        // The ratio as the product of the factor ratios, so that a ratio of exactly 1 (the same
        // error, inputs of equal size) is known exactly rather than as an enclosure of 1.
        var larger: Int?
        if sg != 0 && sf != 0 {
            // Ratios known to be exactly 1 are taken as 1: their enclosures would straddle 1 at
            // every precision, and the comparison with 1 could never be decided.
            let sameSource: Bool
            if case .weight(let lf, _, let kf) = focus { sameSource = l == lf && w.from == kf } else { sameSource = false }
            let inputRatio = sameSource ? Real(1) : try d.quotient(try d.magnitude(a), try d.magnitude(af))
            let errorRatio = Self.errorsOfEqualMagnitude(d, layer: l, w.to, focus.layer, focus.neuron)
                ? Real(1) : try d.quotient(try d.magnitude(delta), try d.magnitude(deltaf))
            let ratio = d.arithmetic.multiply(inputRatio, errorRatio)
            // Equal magnitudes the code cannot know to be equal stay undecided: the error says which ratio.
            func name(_ q: Focus) -> String {
                switch q {
                case .weight(let l, let j, let k): return "dL/dw\(d.layerNumber(l))_\(j),\(k)"
                case .bias(let l, let j): return "dL/db\(d.layerNumber(l))_\(j)"
                }
            }
            let ratioName = "|\(name(p))| / |\(name(focus))| - 1 (Exercise \(number) compares the two magnitudes)"
            let comparison = try d.sign(d.arithmetic.subtract(ratio, Real(1)), of: ratioName)
            larger = comparison
            // Compared with 1 in the sentence: enough digits to show on which side of 1 it lies.
            let ratioDisplay = try display.distinguishing(ratio, Real(1))
            solution["ratio"] = .string(try ratioDisplay.tex(ratio))
            solution["ratioRelation"] = .string(try ratioDisplay.relation(ratio))
            solution["larger"] = .bool(comparison > 0)
            solution["smaller"] = .bool(comparison < 0)
            solution["equalMagnitude"] = .bool(comparison == 0)
            solution["inputRatio"] = .string(try display.tex(inputRatio))
            solution["inputRatioRelation"] = .string(try display.relation(inputRatio))
            solution["errorRatio"] = .string(try display.tex(errorRatio))
            solution["errorRatioRelation"] = .string(try display.relation(errorRatio))
            solution["comparable"] = true
        }
        if deeper {
            let s = d.squashingFactors(inDeltaOfLayer: l)
            let sfCount = d.squashingFactors(inDeltaOfLayer: focus.layer)
            // Counts in words with their nouns: "one squashing derivative", "two fewer squashing layers".
            solution["squashings"] = .string(Words.cardinal(s) + " squashing " + Words.noun(s, "derivative"))
            solution["focusSquashings"] = .string(Words.cardinal(sfCount))
            solution["squashes"] = .bool(s + sfCount > 0)
            solution["fewerSquashings"] = .bool(s < sfCount)
            solution["moreSquashings"] = .bool(s > sfCount)
            solution["sameSquashings"] = .bool(s == sfCount)
            let difference = abs(s - sfCount)
            solution["squashingDifference"] = .string(Words.cardinal(difference) + " squashing " + Words.noun(difference, "layer"))
            if let bound = d.squashingBound, s + sfCount > 0 {
                solution["bound"] = .string(display.tex(display.number(bound)))
                solution["hasBound"] = true
            }
            // The usual pattern: fewer squashings, larger gradient. Whether it holds here is computed.
            if let larger {
                solution["followsPattern"] = .bool((s < sfCount && larger > 0) || (s > sfCount && larger < 0))
                solution["againstPattern"] = .bool((s < sfCount && larger < 0) || (s > sfCount && larger > 0))
            }
        }
        out.solution = solution
        return out
    }

    /// Whether |δ⁽ˡ⁾ⱼ| = |δ⁽ᵐ⁾ₖ| is known without computing: the same neuron, or the two neurons
    /// of a softmax layer of width 2. Softmax is unchanged when every logit moves by the same
    /// amount, so for any loss its errors sum to 0 (Σⱼ ∂aᵢ/∂zⱼ = 0), and with two outputs
    /// δ₂ = −δ₁ exactly.
    static func errorsOfEqualMagnitude(_ d: Derivation, layer l: Int, _ j: Int, _ m: Int, _ k: Int) -> Bool {
        guard l == m else { return false }
        return j == k || (d.network.activation(ofLayer: l) == .softmax && d.network.layers[l] == 2)
    }
}
