import Typesetting

extension Derivation {
    /// The activation (or input) symbol of neuron `j` of layer `l`, with the subscript dropped
    /// for a one-neuron layer like every other neuron symbol (`neuron(_:layer:_:)`).
    func neuronSymbol(layer l: Int, neuron j: Int) -> MathExpression {
        neuron(.activation, layer: l, j)
    }

    /// The same symbol as plain Unicode text (`x₁`, `a₂⁽¹⁾`, `a⁽³⁾`).
    func neuronPlainLabel(layer l: Int, neuron j: Int) -> String {
        let indices = network.layers[l] == 1 ? [] : [j]
        if l == 0 { return PlainText.label("x", indices: indices, notation: notation) }
        return PlainText.label("a", layer: layerNumber(l), indices: indices, notation: notation)
    }

    /// The symbol of the weight from neuron `k` of layer `l − 1` to neuron `j` of layer `l`.
    func weightPlainLabel(layer l: Int, to j: Int, from k: Int) -> String {
        PlainText.label("w", layer: layerNumber(l), indices: [j, k], notation: notation)
    }
}
