import Backprop
import Documents
import Typesetting

/// Which chain-rule paths from the focus parameter to the loss carry signal. A path is
/// inactive when it runs through a neuron whose activation derivative is exactly 0 (a dead
/// ReLU); its term in the sum over paths vanishes whatever the other factors are.
struct ActivePaths {
    /// The focus parameter's layer (as in the spec).
    let focusLayer: Int
    let focusNeuron: Int
    /// Every path (saturates at `Int.max`).
    let count: Int
    /// The paths through no dead neuron (saturates at `Int.max`).
    let activeCount: Int
    /// The paths written out one by one: the first `maximumShownPaths` in lexicographic order.
    let shown: [GradientPath]
    /// `dead[l]`: 1-based neurons of layer l whose derivative is exactly 0.
    let dead: [Set<Int>]

    init(_ d: Derivation) {
        focusLayer = d.spec.focus.layer
        focusNeuron = d.spec.focus.neuron
        dead = d.trace.layers.map { values in
            guard case .diagonal(let derivatives)? = values.derivative else { return [] }
            return Set(derivatives.indices.filter { derivatives[$0].exactValue?.isZero ?? false }.map { $0 + 1 })
        }
        count = d.trace.paths.count
        let widths = d.network.layers
        var active = dead[focusLayer].contains(focusNeuron) ? 0 : 1
        for m in (focusLayer + 1)..<widths.count {
            let alive = widths[m] - dead[m].count
            let (product, overflow) = active.multipliedReportingOverflow(by: alive)
            active = overflow ? Int.max : product
        }
        activeCount = active
        shown = Array(d.trace.paths.listed.prefix(d.options.maximumShownPaths))
    }

    /// The first dead neuron on `path`, as (layer, 1-based neuron), or nil when it is active.
    func deadNeuron(on path: GradientPath) -> (layer: Int, neuron: Int)? {
        for (offset, neuron) in path.neurons.enumerated() where dead[focusLayer + offset].contains(neuron) {
            return (focusLayer + offset, neuron)
        }
        return nil
    }

    /// Whether the edge from neuron `from` of layer `l` to neuron `to` of layer `l + 1`
    /// (1-based) lies on an active path. Every combination of live neurons after the focus
    /// neuron is a path, so this needs no listing.
    func isOnActivePath(layer l: Int, from: Int, to: Int) -> Bool {
        guard activeCount > 0, l >= focusLayer, l > focusLayer || from == focusNeuron else { return false }
        return !dead[l].contains(from) && !dead[l + 1].contains(to)
    }
}

/// The active paths of the focus parameter (`{{paths.…}}`): each listed path as TeX
/// (`x_1 \xrightarrow{w} a^{(1)}_1 \xrightarrow{w} … \longrightarrow \mathcal{L}`), whether it
/// is active and why not, and the counts when there are more than `maximumShownPaths`.
enum PathsSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let paths = ActivePaths(d)
        let shown = paths.shown.enumerated().map { index, path -> MustacheValue in
            var facts: [String: MustacheValue] = [
                "name": .string(name(index, of: paths.shown.count)),
                "tex": .string(tex(path, d)),
                "isActive": .bool(paths.deadNeuron(on: path) == nil),
            ]
            if let (layer, neuron) = paths.deadNeuron(on: path) {
                let derivative = MathExpression.colored(
                    .activation, .apply(.activationDerivative(d.activationSymbol(ofLayer: layer)), .z(d.layer(layer), .number(neuron))))
                facts["deadNeuron"] = .string(d.display.tex(d.neuronSymbol(layer: layer, neuron: neuron)))
                facts["deadDerivative"] = .string(d.display.tex(derivative))
                // z = 0 exactly: ReLU's kink, where the slope 0 is a convention.
                facts["deadAtKink"] = .bool(d.trace.layers[layer].z?[neuron - 1].exactValue?.isZero == true)
            }
            return .object(facts)
        }
        let l = paths.focusLayer
        let nextLayer = l < d.outputLayer
            ? (1...d.network.layers[l + 1]).map { d.display.tex(d.neuronSymbol(layer: l + 1, neuron: $0)) }
            : []
        var output = SectionOutput(values: [
            "count": .number(String(paths.count)),
            "countWord": .string(Words.cardinal(paths.count)),
            "single": .bool(paths.count == 1),
            "activeCount": .number(String(paths.activeCount)),
            "activeCountWord": .string(Words.cardinal(paths.activeCount)),
            "allActive": .bool(paths.activeCount == paths.count),
            "noneActive": .bool(paths.activeCount == 0),
            "singleActive": .bool(paths.activeCount == 1),
            "singleInactive": .bool(paths.count - paths.activeCount == 1),
            "singleShown": .bool(shown.count == 1),
            "singleMore": .bool(paths.count - shown.count == 1),
            "inactiveCount": .number(String(paths.count - paths.activeCount)),
            "shown": .list(shown),
            "shownCount": .number(String(shown.count)),
            "hasMore": .bool(paths.count > shown.count),
            "moreCount": .number(String(paths.count - shown.count)),
            "focusNeuron": .string(d.display.tex(d.neuronSymbol(layer: l, neuron: paths.focusNeuron))),
            "focusInOutputLayer": .bool(l == d.outputLayer),
            "nextLayer": .string(nextLayer.joined(separator: ", ")),
            "nextLayerWidth": .number(String(nextLayer.count)),
        ])
        output.values.merge(try KinkFacts(d).values) { _, new in new }
        return output
    }

    /// "A", "B", … for up to 26 paths, else "1", "2", ….
    private static func name(_ index: Int, of count: Int) -> String {
        count <= 26 ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
    }

    /// The path as a chain of arrows labelled with the weights it crosses.
    private static func tex(_ path: GradientPath, _ d: Derivation) -> String {
        let l = d.spec.focus.layer
        var parts: [String] = []
        switch d.spec.focus {
        case .weight(_, let j, let k):
            parts.append(d.display.tex(d.neuronSymbol(layer: l - 1, neuron: k)))
            parts.append("\\xrightarrow{\(d.display.tex(.w(d.layer(l), .number(j), .number(k))))}")
        case .bias(_, let j):
            parts.append(d.display.tex(.b(d.layer(l), .number(j))))
            parts.append("\\longrightarrow")
        }
        for (offset, neuron) in path.neurons.enumerated() {
            let layer = l + offset
            if offset > 0 {
                let weight = MathExpression.w(d.layer(layer), .number(neuron), .number(path.neurons[offset - 1]))
                parts.append("\\xrightarrow{\(d.display.tex(weight))}")
            }
            parts.append(d.display.tex(d.neuronSymbol(layer: layer, neuron: neuron)))
        }
        parts.append("\\longrightarrow " + d.notation.lossTeX)
        return parts.joined(separator: " ")
    }
}
