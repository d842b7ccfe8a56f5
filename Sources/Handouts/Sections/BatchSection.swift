import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The mini-batch, when the spec gives one: the other samples' passes in tables of the
/// quantities worked for the first, then the averaging step — for the focus parameter term by
/// term and for its layer as (1/m) Σ δ(xᵢ) a(xᵢ)ᵀ. Blocks: `batch.focusMean`, `batch.layerMean`.
enum BatchSection {
    /// Samples listed one by one in the tables; beyond this the first ones and the last.
    static let maximumListedSamples = 8
    /// Entries of a vector in a table cell: the first ones, the focus neuron and the last.
    static let maximumCellEntries = 3
    /// Terms written out in the averaging sums; beyond this the sum is written with Σ.
    static let maximumWrittenTerms = 6

    static func build(_ d: Derivation) throws -> SectionOutput {
        guard let batch = d.trace.batch else { return SectionOutput(values: ["present": false]) }
        let display = d.display
        let m = batch.samples.count
        let L = d.outputLayer
        let listed = ShownIndices(count: m, limit: maximumListedSamples)
        let sampleLoss = { (i: String) in MathExpression.symbol(MathSymbol(.loss, indices: [.letter(i)])) }
        let sampleGradient = { (i: String) in
            MathExpression.colored(.error, .partial(of: sampleLoss(i), withRespectTo: d.focusSymbol, style: .frac))
        }

        func rows(_ cells: (Int) throws -> [String: MustacheValue]) throws -> [MustacheValue] {
            try listed.entries.map { entry in
                guard let i = entry else { return .object(["isGap": true]) }
                var row = try cells(i)
                row["i"] = .number(String(i + 1))
                return .object(row)
            }
        }
        let sampleRows = try rows { i in
            let sample = d.spec.samples[i]
            let pass = batch.samples[i]
            return [
                "x": .string(try rowVector(sample.input.map(Real.exact), layer: 0, role: .input, d)),
                "y": .string(try rowVector(sample.target.map(Real.exact), layer: L, role: .input, d)),
                "output": .string(try rowVector(pass.layers[L].a, layer: L, role: .activation, d)),
                "loss": .string(try display.tex(pass.loss)),
                "gradient": .string(try display.tex(focusValue(pass, d), role: .error)),
            ]
        }
        var layers: [MustacheValue] = []
        for l in 1...L {
            layers.append(.object([
                "layer": .string(d.layerNumber(l)),
                "id": .string("batch-layer-\(l)"),
                "z": .string(display.tex(.z(d.layer(l)))),
                "a": .string(display.tex(.a(d.layer(l)))),
                "delta": .string(display.tex(.delta(d.layer(l)))),
                "rows": .list(try rows { i in
                    let pass = batch.samples[i]
                    return [
                        "z": .string(try rowVector(pass.layers[l].z!, layer: l, role: .plain, d)),
                        "a": .string(try rowVector(pass.layers[l].a, layer: l, role: .activation, d)),
                        "delta": .string(try rowVector(pass.deltas[l], layer: l, role: .error, d)),
                    ]
                }),
            ]))
        }

        // The averaging step for the focus parameter, term by term when there are few.
        let reciprocal = MathExpression.fraction(.number(NumberLiteral(exactly: 1)), .number(NumberLiteral(exactly: Rational(BigInt(m)))), .frac)
        let mean = d.trace.meanFocusGradient
        var members: [MathExpression] = [d.focusDerivative]
        if m <= maximumWrittenTerms {
            members.append(.juxtapose(reciprocal, .parentheses(.sum((1...m).map { .plus(sampleGradient(String($0))) }))))
            members.append(.juxtapose(reciprocal, .parentheses(.sum(try batch.samples.map { .plus(try display.number(focusValue($0, d), role: .error)) }))))
        } else {
            members.append(.juxtapose(reciprocal, .summation(below: .symbol(MathSymbol(.other("i=1"))), above: .number(NumberLiteral(exactly: Rational(BigInt(m)))), body: sampleGradient("i"))))
        }
        members.append(try display.number(mean, role: .error))
        var blocks: [String: Block] = ["batch.focusMean": display.chain(members, value: mean, id: "eq:batch-mean", boxed: true)]

        // The whole layer of the focus parameter: (1/m) Σ δ(xᵢ) a(xᵢ)ᵀ, or (1/m) Σ δ(xᵢ).
        let l = d.spec.focus.layer
        let delta = "\\err{\\boldsymbol{\\delta}^{\(d.notation.layerTeX(d.layer(l)))}(\\mathbf{x}_{i})}"
        let sumBody: MathExpression
        let layerSymbol: MathExpression
        let layerMatrix: MathExpression
        let truth: ChainTruth
        var isWeight = false
        switch d.spec.focus {
        case .weight:
            isWeight = true
            layerSymbol = .lossGradient(withRespectTo: .w(d.layer(l)))
            sumBody = .symbol(MathSymbol(.other(delta + "\\,\\act{\\mathbf{a}^{\(d.notation.layerTeX(d.layer(l - 1)))}(\\mathbf{x}_{i})}^{\(d.notation.transposeTeX)}")))
            layerMatrix = try SGDStepExercise.shownMatrix(batch.weightGradients[l - 1], layer: l, role: .error, d)
            truth = ChainTruth(matrix: batch.weightGradients[l - 1])
        case .bias:
            layerSymbol = .lossGradient(withRespectTo: .b(d.layer(l)))
            sumBody = .symbol(MathSymbol(.other(delta)))
            layerMatrix = try ShownNeurons(layer: l, d).column(batch.biasGradients[l - 1], role: .error, d)
            truth = ChainTruth(column: batch.biasGradients[l - 1])
        }
        blocks["batch.layerMean"] = display.chain(
            [layerSymbol, .juxtapose(reciprocal, .summation(below: .symbol(MathSymbol(.other("i=1"))), above: .number(NumberLiteral(exactly: Rational(BigInt(m)))), body: sumBody)), layerMatrix],
            truth: truth
        )

        return SectionOutput(values: [
            "present": true,
            "sampleCount": .number(String(m)),
            "others": .string(m == 2 ? "the other sample" : "the other \(m - 1) samples"),
            "summarised": .bool(!listed.isComplete),
            "listedText": .string(IndexList.text(listed.indices.map { $0 + 1 })),
            "samples": .list(sampleRows),
            "layers": .list(layers),
            "isWeight": .bool(isWeight),
            "focusLayer": .string(d.layerNumber(l)),
            "writesTerms": .bool(m <= maximumWrittenTerms),
            "cellEntries": .number(String(maximumCellEntries)),
            "anyWide": .bool(d.shown.contains { $0.indices.count > maximumCellEntries }),
        ], blocks: blocks)
    }

    /// The focus parameter's gradient in one sample's pass.
    static func focusValue(_ pass: SampleValues, _ d: Derivation) -> Real {
        switch d.spec.focus {
        case .weight(let l, let j, let k): pass.weightGradients[l - 1][j - 1][k - 1]
        case .bias(let l, let j): pass.biasGradients[l - 1][j - 1]
        }
    }

    /// A vector of layer `l` (0 for the input) in a table cell: one number, or `(v₁, v₂, …, vₙ)`
    /// over at most `maximumCellEntries` of the layer's shown entries: the first, the focus
    /// neuron in its layer, and the last.
    static func rowVector(_ values: [Real], layer l: Int, role: Role, _ d: Derivation) throws -> String {
        if values.count == 1 { return try d.display.tex(values[0], role: role) }
        let layer = d.shown[l]
        var shown = layer
        if layer.indices.count > maximumCellEntries {
            var kept: Set<Int> = [values.count - 1]
            if l == d.spec.focus.layer { kept.insert(d.spec.focus.neuron - 1) }
            for i in layer.indices where kept.count < maximumCellEntries { kept.insert(i) }
            shown = ShownIndices(count: values.count, kept: kept)
        }
        let entries = try shown.entries.map { entry throws -> String in
            guard let i = entry else { return "\\dots" }
            return try d.display.tex(values[i], role: role)
        }
        return "\\bigl(" + entries.joined(separator: ", ") + "\\bigr)"
    }
}
