import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// A layer's full weight-gradient matrix: each entry by BP3, the outer product
/// δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ, and one entry checked by a centred finite difference in IEEE double.
/// Generated blocks: `P.entryJ.K` (when the matrix is small enough), `P.outer`, `P.fd`.
enum GradientMatrixExercise {
    /// Relative error below which the finite difference is said to agree.
    static let agreement = Rational(1, 1_000_000)

    static func build(_ d: Derivation, number: Int, prefix: String, layer l: Int, row r: Int, column c: Int) throws -> ExerciseOutput {
        var out = ExerciseOutput()
        let display = d.display
        let rows = d.network.layers[l]
        let columns = d.network.layers[l - 1]
        let checked = Focus.weight(layer: l, to: r, from: c)
        let matrixSymbol = MathExpression.lossGradient(withRespectTo: .w(d.layer(l)))
        let sourceRole: Role = l == 1 ? .input : .activation
        out.statement = [
            "layer": .string(d.layerNumber(l)),
            "layerTeX": .string(d.notation.layerTeX(d.layer(l))),
            "rows": .number(String(rows)),
            "columns": .number(String(columns)),
            "matrix": .string(display.tex(matrixSymbol)),
            "entryCount": .number(String(rows * columns)),
            "singleEntry": .bool(rows * columns == 1),
            "source": .string(display.tex(d.sourceVector(layer: l))),
            "sourceEntry": .string(display.tex(d.source(layer: l, neuron: 0).replacingIndex)),
            "isFirstLayer": .bool(l == 1),
            "delta": .string(display.tex(.delta(d.layer(l)))),
            "checked": .string(display.tex(d.symbol(checked))),
            "checkedDerivative": .string(display.tex(.lossGradient(withRespectTo: d.symbol(checked)))),
        ]
        let gradients = d.trace.weightGradients[l - 1]
        let deltas = d.trace.deltas[l]
        let sources = d.trace.layers[l - 1].a

        // (a) Entry by entry, when the matrix is small enough to list.
        var entries: [MustacheValue] = []
        if rows * columns <= d.options.maximumShownDimension * 2 {
            for j in 1...rows {
                for k in 1...columns {
                    let g = gradients[j - 1][k - 1]
                    let name = "\(prefix).entry\(j).\(k)"
                    out.solutionBlocks[name] = display.chain([
                        .lossGradient(withRespectTo: d.symbol(.weight(layer: l, to: j, from: k))),
                        .cdot(d.source(layer: l, neuron: k), .delta(d.layer(l), .number(j))),
                        .cdot(try display.number(sources[k - 1], role: sourceRole), try display.number(deltas[j - 1], role: .error)),
                        try display.number(g, role: .error),
                    ], value: g)
                    entries.append(.object(["block": .string(name)]))
                }
            }
        }
        for j in 1...rows {
            for k in 1...columns {
                out.answers.append(try d.answer(number, "dL/dW\(d.layerNumber(l))_\(j),\(k)",
                                                d.plainDerivative(d.plain("w", layer: l, [j, k])), gradients[j - 1][k - 1]))
            }
        }
        var solution: [String: MustacheValue] = [
            "entries": .list(entries),
            "listsEntries": .bool(!entries.isEmpty),
            "outerBlock": .string("\(prefix).outer"),
            "fdBlock": .string("\(prefix).fd"),
        ]

        // (b) The outer product, of the neurons the document shows (the layers' one decision).
        let shownRows = d.shown[l]
        let shownColumns = d.shown[l - 1]
        let deltaColumn = try display.summarisedMatrix(rows: shownRows, columns: .all(1)) { j, _ throws(PrecisionShortfall) in
            try display.number(deltas[j], role: .error)
        }
        let sourceRow = try display.summarisedMatrix(rows: .all(1), columns: shownColumns) { _, k throws(PrecisionShortfall) in
            try display.number(sources[k], role: sourceRole)
        }
        let product = try display.summarisedMatrix(rows: shownRows, columns: shownColumns) { j, k throws(PrecisionShortfall) in
            try display.number(gradients[j][k], role: .error)
        }
        out.solutionBlocks["\(prefix).outer"] = display.chain([
            matrixSymbol,
            .juxtapose(.delta(d.layer(l)), .transpose(d.sourceVector(layer: l))),
            .juxtapose(deltaColumn.matrix, sourceRow.matrix),
            product.matrix,
        ], matrix: gradients, rows: shownRows, columns: shownColumns)
        solution["summarised"] = .bool(!product.isComplete)
        let omittedCount = shownRows.omitted.count + shownColumns.omitted.count
        solution["bothOmitted"] = .bool(!shownRows.isComplete && !shownColumns.isComplete)
        solution["omitsOneInAll"] = .bool(omittedCount == 1)
        solution["omittedRows"] = .object(ShownNeurons(layer: l, d).values)
        solution["omittedColumns"] = .object(ShownNeurons(layer: l - 1, d).values.merging(["isInput": .bool(l == 1)]) { _, new in new })

        // (c) The finite-difference check of one entry, as double-precision code computes it.
        let check: FiniteDifferenceCheck
        do {
            check = try d.trace.finiteDifference(of: checked)
        } catch {
            throw HandoutError.computation(error.description)
        }
        let fine = d.display(.significantDigits(12))
        let doubles = DoubleDisplay(d)
        // A loss that is not a finite double (±∞, NaN) is shown as IEEE arithmetic names it.
        func loss(_ x: Double) throws(PrecisionShortfall) -> (tex: String, relation: String) {
            guard let exact = Rational(exactly: x) else { return (try doubles.tex(x), "=") }
            return (fine.tex(fine.number(exact)), exact.formatted(fine.format).isExact ? "=" : "\\approx")
        }
        let (lossPlus, lossMinus) = (try loss(check.lossPlus), try loss(check.lossMinus))
        solution["lossPlus"] = .string(lossPlus.tex)
        solution["lossMinus"] = .string(lossMinus.tex)
        solution["lossPlusRelation"] = .string(lossPlus.relation)
        solution["lossMinusRelation"] = .string(lossMinus.relation)
        solution["analytic"] = .string(try display.tex(check.analytic, role: .error))
        solution["analyticRelation"] = .string(try display.relation(check.analytic))
        // What double cannot represent here: the handout's one decision, not a comparison.
        let limitation = try DoubleLimitationText.statement(check, parameter: d.symbol(checked), d)
        if let limitation { solution["limitation"] = .object(["text": .string(limitation)]) }
        if let estimate = Rational(exactly: check.estimate) {
            let epsilon = display.number(d.spec.epsilon)
            out.solutionBlocks["\(prefix).fd"] = display.chain([
                // Symbols, not fixed TeX, so the chain can tell `=` from `≈` (fixed TeX may hide digits).
                .fraction(.difference(.symbol(MathSymbol(.other("\(d.notation.lossTeX)^{+}"))), .symbol(MathSymbol(.other("\(d.notation.lossTeX)^{-}")))),
                          .cdot(display.number(Rational(2)), .symbol(MathSymbol(.other("\\varepsilon")))), .frac),
                .fraction(.difference(fine.number(Rational(exactly: check.lossPlus)!), fine.number(Rational(exactly: check.lossMinus)!)),
                          .cdot(display.number(Rational(2)), epsilon), .frac),
                display.number(estimate, role: .error),
            ], value: .exact(estimate))
            solution["hasEstimate"] = true
            out.answers.append(try d.answer(number, "fd\(d.layerNumber(l))_\(r),\(c)",
                                            "(\(d.notation.lossTeX)^{+} - \(d.notation.lossTeX)^{-}) / (2\\varepsilon)", .exact(estimate)))
        }
        if limitation == nil {
            guard let relative = check.relativeError ?? check.symmetricRelativeError else {
                throw HandoutError.computation("the relative error of the finite-difference check of \(d.plainSymbol(checked)) is undefined")
            }
            let coarse = d.display(.significantDigits(2))
            solution["usesSymmetric"] = .bool(check.relativeError == nil)
            solution["relativeError"] = .string(try coarse.tex(relative))
            solution["relativeErrorRelation"] = .string(try coarse.relation(relative))
            solution["threshold"] = .string(display.tex(display.number(agreement)))
            let agrees = try d.sign(d.arithmetic.subtract(relative, .exact(agreement))) < 0
            solution["agrees"] = .bool(agrees)
            solution["disagrees"] = .bool(!agrees)
        }
        out.solution = solution
        return out
    }
}

private extension MathExpression {
    /// `x_k` / `a^{(l)}_k` with the letter k as its index, for the statement's general entry.
    var replacingIndex: MathExpression {
        guard case .symbol(var symbol) = self else { return self }
        symbol.indices = ["k"]
        return .symbol(symbol)
    }
}
