import Backprop
import Documents
import Typesetting

/// The network figure: every neuron with its label and value (inputs exact, activations
/// rounded by the display), the focus weight and the edges of the active paths emphasised,
/// the focus neuron highlighted. A summarised layer shows the neurons of its one decision
/// (`Derivation.shown`: the focus neuron, its paths, the first and the last), a ⋮ node for
/// each run left out.
enum NetworkFigure {
    static func build(_ d: Derivation, paths: ActivePaths, wording: FigureWording) throws -> Figure {
        let L = d.outputLayer
        let shown = d.shown
        var columns: [LayeredDiagram.Column] = []
        for l in 0...L {
            var nodes: [LayeredDiagram.Node] = []
            for entry in shown[l].entries {
                guard let index = entry else {
                    nodes.append(LayeredDiagram.Node(label: "\\vdots", plainLabel: "⋮", role: .plain))
                    continue
                }
                nodes.append(try node(d, layer: l, neuron: index + 1))
            }
            columns.append(LayeredDiagram.Column(title: l < wording.titles.count ? wording.titles[l] : "", nodes: nodes))
        }
        var edges: [LayeredDiagram.Edge] = []
        for l in 0..<L {
            for (from, source) in shown[l].entries.enumerated() {
                for (to, target) in shown[l + 1].entries.enumerated() {
                    guard let source, let target else { continue }
                    edges.append(LayeredDiagram.Edge(
                        column: l, from: from, to: to,
                        emphasis: emphasis(d, paths, layer: l + 1, to: target + 1, from: source + 1)))
                }
            }
        }
        var legend: [LayeredDiagram.LegendEntry] = []
        if edges.contains(where: { $0.emphasis == .focus }), let text = wording.focusLegend {
            legend.append(.init(emphasis: .focus, text: text))
        }
        if edges.contains(where: { $0.emphasis == .path }), let text = wording.pathLegend {
            legend.append(.init(emphasis: .path, text: text))
        }
        return Figure(
            id: "fig:network", caption: wording.caption,
            diagram: LayeredDiagram(columns: columns, edges: edges, legend: legend))
    }

    private static func node(_ d: Derivation, layer l: Int, neuron j: Int) throws -> LayeredDiagram.Node {
        let value: NumberLiteral = l == 0
            ? NumberLiteral(exactly: d.spec.sample.input[j - 1])
            : try d.display.literal(d.trace.layers[l].a[j - 1])
        let isFocus = l == d.spec.focus.layer && j == d.spec.focus.neuron
        return LayeredDiagram.Node(
            label: Math(d.display.tex(d.neuronSymbol(layer: l, neuron: j).withoutRole)),
            plainLabel: d.neuronPlainLabel(layer: l, neuron: j),
            value: PlainText.number(value),
            role: l == 0 ? .input : .activation,
            highlighted: isFocus)
    }

    /// The weight from neuron `from` of layer `l − 1` to neuron `to` of layer `l`: the focus
    /// weight, on an active path, or neither.
    private static func emphasis(
        _ d: Derivation, _ paths: ActivePaths, layer l: Int, to: Int, from: Int
    ) -> LayeredDiagram.Edge.Emphasis {
        if case .weight(l, to, from) = d.spec.focus { return .focus }
        return paths.isOnActivePath(layer: l - 1, from: from, to: to) ? .path : .normal
    }
}

extension MathExpression {
    /// The symbol without its colour, for places that colour it themselves (a figure's node).
    var withoutRole: MathExpression {
        guard case .symbol(var symbol) = self else { return self }
        symbol.role = .plain
        return .symbol(symbol)
    }
}
