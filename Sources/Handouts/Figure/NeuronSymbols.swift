import Typesetting

extension Derivation {
    /// The symbol of neuron `j` (1-based) of layer `l`: `x_j` for the input layer, `a^{(L)}`
    /// without an index for a single output neuron (as seed 000 writes it), else `a^{(l)}_j`.
    func neuronSymbol(layer l: Int, neuron j: Int) -> MathExpression {
        if l == 0 { return .x(.number(j)) }
        if isSingleOutput(l) { return .symbol(MathSymbol(.activation, layer: layer(l))) }
        return .a(layer(l), .number(j))
    }

    /// The same symbol as plain Unicode text (`x₁`, `a₂⁽¹⁾`, `a⁽³⁾`).
    func neuronPlainLabel(layer l: Int, neuron j: Int) -> String {
        if l == 0 { return PlainText.label("x", indices: [j], notation: notation) }
        return PlainText.label("a", layer: layerNumber(l), indices: isSingleOutput(l) ? [] : [j], notation: notation)
    }

    /// The symbol of the weight from neuron `k` of layer `l − 1` to neuron `j` of layer `l`.
    func weightPlainLabel(layer l: Int, to j: Int, from k: Int) -> String {
        PlainText.label("w", layer: layerNumber(l), indices: [j, k], notation: notation)
    }

    /// Whether layer `l` is an output layer of one neuron.
    private func isSingleOutput(_ l: Int) -> Bool { l == outputLayer && network.layers[l] == 1 }
}
