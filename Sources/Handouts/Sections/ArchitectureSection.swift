import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The network's architecture (`{{architecture.…}}`): the widths and activations in prose,
/// the glossary's symbols under the current notation, the parameter table, the sample, and
/// the network figure (`@@architecture.figure`).
enum ArchitectureSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let network = d.network
        let L = d.outputLayer
        var parameters: [MustacheValue] = []
        for l in 1...L {
            let weights = d.display.summarisedMatrix(rows: d.shown[l], columns: d.shown[l - 1]) { i, k in
                d.display.number(network.weights[l - 1][i][k], role: .weight)
            }
            let biases = d.display.summarisedMatrix(rows: d.shown[l], columns: .all(1)) { i, _ in
                d.display.number(network.biases[l - 1][i], role: .weight)
            }
            parameters.append(.object([
                "layer": .string(d.layerNumber(l)),
                "weights": .string(d.display.tex(.w(d.layer(l))) + " = " + d.display.tex(weights.matrix)),
                "biases": .string(d.display.tex(.b(d.layer(l))) + " = " + d.display.tex(biases.matrix)),
                "shape": .string("\(network.layers[l]) \\times \(network.layers[l - 1])"),
            ]))
        }
        let input = d.display.summarisedMatrix(rows: d.shown[0], columns: .all(1)) { i, _ in
            d.display.number(d.spec.sample.input[i], role: .input)
        }
        let targetValues = d.spec.sample.target
        let target = d.display.summarisedMatrix(rows: d.shown[L], columns: .all(1)) { i, _ in
            d.display.number(targetValues[i], role: .input)
        }
        let elided = (0...L).filter { !d.shown[$0].isComplete }
        let targetTeX = targetValues.count == 1
            ? d.display.tex(.y(role: .input)) + " = " + d.display.tex(d.display.number(targetValues[0], role: .input))
            : d.display.tex(.y(shape: .vector, role: .input)) + " = " + d.display.tex(target.matrix)

        let paths = ActivePaths(d)
        let figureContext: MustacheValue = .object([
            "net": .object(try NetworkFacts.build(d).values),
            "paths": .object(try PathsSection.build(d).values),
            "focusPlain": .string(focusPlainLabel(d)),
            "layers": .list((0...L).map { l in
                .object([
                    "number": .string(d.layerNumber(l)),
                    "isInput": .bool(l == 0), "isHidden": .bool(l > 0 && l < L), "isOutput": .bool(l == L),
                    "hiddenIndex": .number(String(l)),
                ])
            }),
        ])
        let wording = try FigureWording(context: figureContext, templatesDirectory: d.options.templatesDirectory)
        let figure = try NetworkFigure.build(d, paths: paths, wording: wording)

        return SectionOutput(
            values: [
                "hiddenGroups": .list(hiddenGroups(network.layers.dropFirst().dropLast())),
                "inputWidthWord": .string(Words.cardinal(network.layers[0])),
                "inputSingleNeuron": .bool(network.layers[0] == 1),
                "outputWidthWord": .string(Words.cardinal(network.layers[L])),
                "activationGroups": .list(activationGroups(d)),
                "parameters": .list(parameters),
                "input": .string(d.display.tex(.x(role: .input)) + " = " + d.display.tex(input.matrix)),
                "target": .string(targetTeX),
                "summarised": .bool(!elided.isEmpty),
                "elidedLayers": .list(ShownNeurons.elidedLayers(d)),
                "symbols": symbols(d),
            ],
            blocks: ["architecture.figure": .figure(figure)]
        )
    }

    /// Consecutive hidden layers of equal width, for "two hidden layers of two neurons each".
    private static func hiddenGroups(_ widths: ArraySlice<Int>) -> [MustacheValue] {
        var groups: [(width: Int, count: Int)] = []
        for width in widths {
            if let last = groups.last, last.width == width {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((width, 1))
            }
        }
        return groups.enumerated().map { index, group in
            .object([
                "countWord": .string(Words.cardinal(group.count)),
                "several": .bool(group.count > 1),
                "widthWord": .string(Words.cardinal(group.width)),
                "singleNeuron": .bool(group.width == 1),
                "isLast": .bool(index == groups.count - 1),
            ])
        }
    }

    /// Consecutive layers sharing an activation: "layers 1–2: sigmoid; layer 3: linear".
    private static func activationGroups(_ d: Derivation) -> [MustacheValue] {
        var groups: [(activation: Activation, first: Int, last: Int)] = []
        for (index, activation) in d.network.activations.enumerated() {
            if let last = groups.last, last.activation == activation {
                groups[groups.count - 1].last = index + 1
            } else {
                groups.append((activation, index + 1, index + 1))
            }
        }
        return groups.enumerated().map { index, group in
            let layers = group.first == group.last
                ? d.layerNumber(group.first)
                : d.layerNumber(group.first) + "–" + d.layerNumber(group.last)
            return .object([
                "layers": .string(layers),
                "several": .bool(group.first != group.last),
                "includesOutput": .bool(group.last == d.outputLayer),
                "isLast": .bool(index == groups.count - 1),
                "activation": NetworkFacts.activationFacts(group.activation, d),
            ])
        }
    }

    /// The focus parameter as plain Unicode text, for the figure's legend.
    private static func focusPlainLabel(_ d: Derivation) -> String {
        switch d.spec.focus {
        case .weight(let l, let j, let k): return d.weightPlainLabel(layer: l, to: j, from: k)
        case .bias(let l, let j): return PlainText.label("b", layer: d.layerNumber(l), indices: [j], notation: d.notation)
        }
    }

    /// The glossary's symbols as TeX under the current notation (`{{{architecture.symbols.weight}}}`).
    private static func symbols(_ d: Derivation) -> MustacheValue {
        let l = LayerIndex.symbol("l")
        let next = LayerIndex.symbol("l", offset: 1)
        let tex = d.display.tex
        let activation = d.generalActivationSymbol
        let u = MathExpression.symbol(MathSymbol(.other("u"), shape: .vector))
        let v = MathExpression.symbol(MathSymbol(.other("v"), shape: .vector))
        return .object([
            "weight": .string(tex(.w(l, "j", "k"))),
            "activation": .string(tex(.a(l, "j"))),
            "activationIsFunction": .string(
                tex(.a(l, "j")) + " = " + tex(.apply(.activation(activation), .z(l, "j"))) ),
            "preActivation": .string(tex(.z(l, "j"))),
            "error": .string(tex(.delta(l, "j"))),
            "errorDefinition": .string(
                tex(.delta(l, "j")) + " = " + tex(.colored(.error, .partial(of: .loss, withRespectTo: .z(l, "j"), style: .slash)))),
            "weightMatrix": .string(tex(.w(l))),
            "biasVector": .string(tex(.b(l))),
            "target": .string(tex(.y(role: .input))),
            "errorVector": .string(tex(.delta(l))),
            "errorComponent": .string("[" + tex(.delta(l)) + "]_j"),
            "hadamard": .string(hadamardMacro),
            "hadamardDefinition": .string(
                "[" + tex(.hadamard([u, v])) + "]_i = " + tex(.juxtapose(.symbol(MathSymbol(.other("u"), indices: ["i"])), .symbol(MathSymbol(.other("v"), indices: ["i"]))))),
            "transpose": .string(tex(.transpose(.parentheses(.tex("\\cdot"))))),
            "propagation": .string(tex(.transpose(.w(next)))),
            "layerSuperscript": .string(d.notation.layerTeX(l)),
            "input": .string(tex(.x("k"))),
            "lossGradient": .string(tex(.colored(.error, .partial(of: .loss, withRespectTo: .symbol(MathSymbol(.weight, role: .plain)), style: .slash)))),
            "activationFunction": .string(activation.tex),
            "activationDerivative": .string(activation.derivativeTeX),
            "loss": .string(d.notation.lossTeX),
            "outputLayerIndex": .string(d.layerNumber(d.outputLayer)),
            "inputLayerIndex": .string(d.layerNumber(0)),
        ])
    }
}
