import Backprop
import Documents
import Typesetting

/// The TeX of the symbols the appendix's proofs use beyond the general ones: the diagonal
/// matrices D⁽ˡ⁾, the softmax Jacobian, layer l's pre-activations as a function of the layer
/// before, and the partial derivatives of the gradient proofs.
enum ProofSymbols {
    static func values(_ d: Derivation) -> [String: MustacheValue] {
        let (l, next, previous, L) = (GeneralSymbols.Layers.l, GeneralSymbols.Layers.next, GeneralSymbols.Layers.previous, GeneralSymbols.Layers.output)
        let h = d.hiddenActivationSymbol
        let fOut = d.activationSymbol(ofLayer: d.outputLayer)
        func dLoss(_ x: MathExpression) -> MathExpression { .lossGradient(withRespectTo: x) }
        func partial(_ a: MathExpression, _ b: MathExpression) -> MathExpression { .partial(of: a, withRespectTo: b, style: .frac) }
        let a = MathExpression.a(L)
        let jacobian = MathExpression.symbol(MathSymbol(.other("J"), shape: .matrix, layer: L, role: .activation))
        let symbols: [String: MathExpression] = [
            "daLidzLjSlash": .partial(of: .a(L, "i"), withRespectTo: .z(L, "j"), style: .slash),
            "DL": diagonal(L), "Dl": diagonal(l), "JL": jacobian,
            "softmaxJacobian": .difference(.apply(.other("\\operatorname{diag}"), a), .juxtapose(a, .transpose(a))),
            "fL": .apply(.activation(fOut), .z(L)),
            "diagFPrimeL": .apply(.other("\\operatorname{diag}"), .colored(.activation, .apply(.activationDerivative(fOut), .z(L)))),
            "diagFPrimel": .apply(.other("\\operatorname{diag}"), .colored(.activation, .apply(.activationDerivative(h), .z(l)))),
            "zNext": .z(next), "WNext": .w(next), "bNext": .b(next), "hl": .apply(.activation(h), .z(l)),
            "dzNextdzl": partial(.z(next), .z(l)),
            "zli": .z(l, "i"), "wlir": .w(l, "i", "r"), "aPrevr": .a(previous, "r"), "bli": .b(l, "i"),
            "deltali": .delta(l, "i"), "dLdzli": dLoss(.z(l, "i")),
            "dzlidblj": partial(.z(l, "i"), .b(l, "j")), "dzlidwljk": partial(.z(l, "i"), .w(l, "j", "k")),
            "dLdblj": dLoss(.b(l, "j")), "dLdwljk": dLoss(.w(l, "j", "k")),
            "dLdbl": dLoss(.b(l)), "dLdWl": dLoss(.w(l)),
            "outerProduct": .juxtapose(.delta(l), .transpose(.a(previous))),
            "aPrev": .a(previous), "Wl": .w(l), "bl": .b(l),
            "inputActivation": .a(.number(0)), "x": .symbol(MathSymbol(.input, shape: .vector)),
        ]
        var values = symbols.mapValues { MustacheValue.string(d.display.tex($0)) }
        values["T"] = .string(d.notation.transposeTeX)
        values["hTeX"] = .string(h.tex)
        values["hPrimeTeX"] = .string(h.derivativeTeX)
        values["fOutTeX"] = .string(fOut.tex)
        values["fOutPrimeTeX"] = .string(fOut.derivativeTeX)
        return values
    }

    /// D⁽ˡ⁾, the diagonal matrix of a layer's activation slopes (green, bold like a matrix).
    static func diagonal(_ layer: LayerIndex) -> MathExpression {
        .symbol(MathSymbol(.other("D"), shape: .matrix, layer: layer, role: .activation))
    }
}
