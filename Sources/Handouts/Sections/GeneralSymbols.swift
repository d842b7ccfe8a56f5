import Backprop
import Documents
import Typesetting

/// The TeX of the symbols and equations that statements about every layer use (layer `l`, output
/// layer `L`), printed under the handout's notation: superscript style, bold vectors, transpose,
/// loss symbol, theorem numbers. The quick-reference algorithm and the appendix read them as
/// `{{summary.symbols.…}}`.
enum GeneralSymbols {
    /// The symbolic layers statements use: l, l + 1, l − 1 and the output layer L.
    enum Layers {
        static let l = LayerIndex.symbol("l")
        static let next = LayerIndex.symbol("l", offset: 1)
        static let previous = LayerIndex.symbol("l", offset: -1)
        static let output = LayerIndex.symbol("L")
    }


    static func values(_ d: Derivation) -> MustacheValue { .object(symbols(d)) }

    /// The symbols and equations by name, for sections that add their own.
    static func symbols(_ d: Derivation) -> [String: MustacheValue] {
        let (l, next, previous, L) = (Layers.l, Layers.next, Layers.previous, Layers.output)
        let f = d.generalActivationSymbol
        let fOut = d.activationSymbol(ofLayer: d.outputLayer)
        // Statements about a hidden layer l use the hidden layers' activation.
        let h = d.hiddenActivationSymbol
        func fPrime(_ x: MathExpression, _ symbol: ActivationSymbol) -> MathExpression {
            .colored(.activation, .apply(.activationDerivative(symbol), x))
        }
        func dLoss(_ x: MathExpression) -> MathExpression { .lossGradient(withRespectTo: x) }
        let nablaA = MathExpression.colored(.error, .gradient(of: .loss, withRespectTo: .a(L)))
        let jacobian = MathExpression.partial(of: .a(L), withRespectTo: .z(L), style: .frac)

        let symbols: [String: MathExpression] = [
            // Output layer, component j.
            "deltaLj": .delta(L, "j"), "aLj": .a(L, "j"), "zLj": .z(L, "j"),
            "dLdzLj": dLoss(.z(L, "j")), "dLdaLj": dLoss(.a(L, "j")),
            "fLj": .apply(.activation(fOut), .z(L, "j")), "fPrimeLj": fPrime(.z(L, "j"), fOut),
            "aLi": .a(L, "i"), "dLdaLi": dLoss(.a(L, "i")),
            "daLidzLj": .partial(of: .a(L, "i"), withRespectTo: .z(L, "j"), style: .frac),
            // Output layer, vectors.
            "deltaL": .delta(L), "aL": .a(L), "zL": .z(L), "nablaA": nablaA, "jacobianL": jacobian,
            "fPrimeL": fPrime(.z(L), fOut),
            // Hidden layer l and the layer after it.
            "deltalk": .delta(l, "k"), "dLdzlk": dLoss(.z(l, "k")), "zlk": .z(l, "k"), "alk": .a(l, "k"),
            "flk": .apply(.activation(h), .z(l, "k")), "fPrimelk": fPrime(.z(l, "k"), h),
            "deltaNextj": .delta(next, "j"), "dLdzNextj": dLoss(.z(next, "j")), "zNextj": .z(next, "j"),
            "wNextjk": .w(next, "j", "k"), "bNextj": .b(next, "j"),
            "dzNextdzlk": .partial(of: .z(next, "j"), withRespectTo: .z(l, "k"), style: .frac),
            "deltal": .delta(l), "deltaNext": .delta(next), "WNextT": .transpose(.w(next)),
            "fPrimel": fPrime(.z(l), h), "zl": .z(l), "al": .a(l),
            "aPrevk": .a(previous, "k"), "wljk": .w(l, "j", "k"), "blj": .b(l, "j"), "deltalj": .delta(l, "j"),
            "dLdzlj": dLoss(.z(l, "j")),
        ]
        var values = symbols.mapValues { MustacheValue.string(d.display.tex($0)) }

        // The equations, each `lhs = rhs` with symbols only (so `=` is exact).
        func equation(_ lhs: MathExpression, _ rhs: MathExpression) -> MustacheValue {
            .string(d.display.tex(lhs) + " = " + d.display.tex(rhs))
        }
        values["forwardZ"] = equation(.z(l), .sum(.juxtapose(.w(l), .a(previous)), .b(l)))
        values["forwardA"] = equation(.a(l), .apply(.activation(f), .z(l)))
        let jacobianForm = d.options.errorForm == .jacobian
        values["bp1"] = d.network.activation(ofLayer: d.outputLayer) == .softmax
            ? equation(.delta(L), .juxtapose(.transpose(jacobian), nablaA))
            : jacobianForm ? equation(.delta(L), .juxtapose(ProofSymbols.diagonal(L), nablaA))
            : equation(.delta(L), .hadamard([nablaA, fPrime(.z(L), fOut)]))
        values["bp2"] = jacobianForm
            ? equation(.delta(l), .juxtapose(ProofSymbols.diagonal(l), .transpose(.w(next)), .delta(next)))
            : equation(.delta(l), .hadamard([.juxtapose(.transpose(.w(next)), .delta(next)), fPrime(.z(l), h)]))
        values["bp1Hadamard"] = equation(.delta(L), .hadamard([nablaA, fPrime(.z(L), fOut)]))
        values["bp2Hadamard"] = equation(.delta(l), .hadamard([.juxtapose(.transpose(.w(next)), .delta(next)), fPrime(.z(l), h)]))
        values["weightGradient"] = equation(dLoss(.w(l, "j", "k")), .juxtapose(.a(previous, "k"), .delta(l, "j")))
        values["biasGradient"] = equation(dLoss(.b(l, "j")), .delta(l, "j"))
        values["softmaxCrossEntropy"] = equation(.delta(L), .difference(.a(L), .y(shape: .vector, role: .input)))
        values["loss"] = .string(d.notation.lossTeX)
        values["bp1Label"] = .string(d.notation.theoremLabel(.outputError))
        values["bp2Label"] = .string(d.notation.theoremLabel(.errorPropagation))
        values["weightGradientLabel"] = .string(d.notation.theoremLabel(.weightGradient))
        values["biasGradientLabel"] = .string(d.notation.theoremLabel(.biasGradient))
        values["weightGradientFirst"] = .bool(d.notation.gradientNumbering == .weightFirst)
        values["firstLayer"] = .string(d.layerNumber(1))
        values["outputIsSoftmax"] = .bool(d.network.activation(ofLayer: d.outputLayer) == .softmax)
        values["fTeX"] = .string(f.tex)
        values["fPrimeTeX"] = .string(f.derivativeTeX)
        return values
    }
}
