import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// Facts about the network that every section's wording uses (`{{net.…}}`): the architecture,
/// the layers and their activations, the loss, the focus parameter, η and ε.
enum NetworkFacts {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let network = d.network
        let L = d.outputLayer
        let activations = network.activations
        let uniform = Set(activations).count == 1
        var values: [String: MustacheValue] = [
            "architecture": .string("[" + network.layers.map(String.init).joined(separator: ", ") + "]"),
            "layerCount": .number(String(network.layers.count)),
            "layerCountWord": .string(Words.cardinal(network.layers.count)),
            "hiddenCount": .number(String(L - 1)),
            "hasHidden": .bool(L > 1),
            "outputLayer": .string(d.layerNumber(L)),
            "outputLayerTeX": .string(d.notation.layerTeX(d.layer(L))),
            "inputLayer": .string(d.layerNumber(0)),
            "inputWidth": .number(String(network.layers[0])),
            "outputWidth": .number(String(network.layers[L])),
            "singleOutput": .bool(network.layers[L] == 1),
            "symbolic": .bool(d.options.symbolic),
            "uniformActivation": .bool(uniform),
            "activation": activationFacts(activations[0], d),
            "outputActivation": activationFacts(activations[L - 1], d),
            "lossSymbol": .string(d.notation.lossTeX),
            "learningRate": .string(d.display.tex(d.display.number(d.spec.learningRate))),
            "epsilon": .string(d.display.tex(d.display.number(d.spec.epsilon))),
        ]
        values["layers"] = .list((0...L).map { l in
            var layer: [String: MustacheValue] = [
                "number": .string(d.layerNumber(l)),
                "width": .number(String(network.layers[l])),
                "isInput": .bool(l == 0),
                "isHidden": .bool(l > 0 && l < L),
                "isOutput": .bool(l == L),
                "layerTeX": .string(d.notation.layerTeX(d.layer(l))),
            ]
            if l > 0 { layer["activation"] = activationFacts(activations[l - 1], d) }
            return .object(layer)
        })
        values["activationPhrase"] = .string(activationPhrase(d))
        values["loss"] = lossFacts(d)
        values["focus"] = try focusFacts(d)
        return SectionOutput(values: values)
    }

    /// The activations in prose: "sigmoid activations", "a ReLU hidden layer and a linear
    /// output layer", "ReLU and tanh hidden layers and a softmax output layer".
    static func activationPhrase(_ d: Derivation) -> String {
        let activations = d.network.activations
        if Set(activations).count == 1 { return activations[0].displayName + " " + Words.noun(activations.count, "activation") }
        let hidden = activations.dropLast()
        var names: [String] = []
        for activation in hidden where !names.contains(activation.displayName) { names.append(activation.displayName) }
        let hiddenPart = (hidden.count == 1 ? "a " : "") + Words.list(names) + " hidden " + Words.noun(hidden.count, "layer")
        let output = activations.last!.displayName
        return hiddenPart + " and " + (output.first.map { "aeiou".contains($0.lowercased()) } == true ? "an " : "a ") + output + " output layer"
    }

    /// Name, formula and derivative identity of an activation, for the wording.
    static func activationFacts(_ activation: Activation, _ d: Derivation) -> MustacheValue {
        let formula: String
        let derivative: String
        switch activation {
        case .sigmoid:
            formula = "\\sigma(t) = \\frac{1}{1+e^{-t}}"
            derivative = "\\sigma'(t) = \\sigma(t)\\,(1 - \\sigma(t))"
        case .tanh:
            formula = "\\tanh(t) = \\frac{e^{t}-e^{-t}}{e^{t}+e^{-t}}"
            derivative = "\\tanh'(t) = 1 - \\tanh^2(t)"
        case .relu:
            formula = "\\operatorname{ReLU}(t) = \\max(0, t)"
            derivative = "\\operatorname{ReLU}'(t) = 1 \\text{ for } t > 0,\\ 0 \\text{ for } t \\le 0"
        case .linear:
            formula = "f(t) = t"
            derivative = "f'(t) = 1"
        case .softmax:
            formula = "\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}"
            derivative = "\\frac{\\partial a_i}{\\partial z_j} = a_i\\,(\\delta_{ij} - a_j)"
        }
        return .object([
            "name": .string(activation.displayName),
            "formula": .string(formula),
            "derivativeIdentity": .string(derivative),
            "isSigmoid": .bool(activation == .sigmoid),
            "isTanh": .bool(activation == .tanh),
            "isReLU": .bool(activation == .relu),
            "isLinear": .bool(activation == .linear),
            "isSoftmax": .bool(activation == .softmax),
            "isSquashing": .bool(activation == .sigmoid || activation == .tanh),
        ])
    }

    static func lossFacts(_ d: Derivation) -> MustacheValue {
        let loss = d.notation.lossTeX
        let L = d.notation.layerTeX(d.layer(d.outputLayer))
        let single = d.network.layers[d.outputLayer] == 1
        let a = single ? "a^{\(L)}" : "\\mathbf{a}^{\(L)}"
        switch d.network.loss {
        case .mse:
            return .object([
                "isMSE": true, "name": "mean squared error",
                "definition": .string(single ? "\(loss) = \\tfrac{1}{2}(\(a) - y)^2" : "\(loss) = \\tfrac{1}{2}\\lVert \(a) - \\mathbf{y} \\rVert^2"),
                "gradient": .string(single ? "\\nabla_a \(loss) = \(a) - y" : "\\nabla_a \(loss) = \(a) - \\mathbf{y}"),
            ])
        case .crossEntropy:
            let categorical = d.network.activations.last == .softmax
            return .object([
                "isCrossEntropy": true, "isCategorical": .bool(categorical), "isBinary": .bool(!categorical),
                "name": .string(categorical ? "categorical cross-entropy" : "binary cross-entropy"),
                "definition": .string(categorical
                    ? "\(loss) = -\\sum_i y_i \\ln a^{\(L)}_i"
                    : "\(loss) = -\\bigl(y \\ln a^{\(L)} + (1 - y)\\ln(1 - a^{\(L)})\\bigr)"),
                "gradient": .string(categorical
                    ? "\\frac{\\partial \(loss)}{\\partial a^{\(L)}_i} = -\\frac{y_i}{a^{\(L)}_i}"
                    : "\\frac{\\partial \(loss)}{\\partial a^{\(L)}} = \\frac{a^{\(L)} - y}{a^{\(L)}(1 - a^{\(L)})}"),
            ])
        }
    }

    static func focusFacts(_ d: Derivation) throws -> MustacheValue {
        let l = d.spec.focus.layer
        let j = d.spec.focus.neuron
        var facts: [String: MustacheValue] = [
            "symbol": .string(d.display.tex(d.focusSymbol)),
            "derivative": .string(d.display.tex(d.focusDerivative)),
            "inlineDerivative": .string(d.display.tex(.lossGradient(withRespectTo: d.focusSymbol, style: .slash))),
            "layer": .string(d.layerNumber(l)),
            "neuron": .number(String(j)),
            "isInFirstLayer": .bool(l == 1),
            "target": .string(d.display.tex(.a(d.layer(l), .number(j)))),
            "gradient": .string(try d.display.tex(d.trace.focusGradient, role: .error)),
            "relation": .string(try d.display.relation(d.trace.focusGradient)),
            // The gradient of the loss as a whole: the batch mean for a batch.
            "meanGradient": .string(try d.display.tex(d.trace.meanFocusGradient, role: .error)),
            "meanRelation": .string(try d.display.relation(d.trace.meanFocusGradient)),
        ]
        switch d.spec.focus {
        case .weight(_, _, let k):
            facts["isWeight"] = true
            facts["from"] = .number(String(k))
            facts["source"] = .string(d.display.tex(l == 1 ? .x(.number(k)) : .a(d.layer(l - 1), .number(k))))
            facts["kind"] = "weight"
        case .bias:
            facts["isBias"] = true
            facts["kind"] = "bias"
        }
        return .object(facts)
    }
}

/// Numbers as words, for prose ("a four-layer network").
enum Words {
    static func cardinal(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                     "nineteen", "twenty"]
        return n < words.count ? words[n] : String(n)
    }

    /// Items joined as prose: "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// `singular` for a count of 1, else `plural` (or `singular` + "s").
    static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// Math items as a template list, each with the separator that follows it (", ", " and ",
    /// or none): `{{#items}}${{{tex}}}${{separator}}{{/items}}` reads "$a$, $b$ and $c$".
    static func separatedList(_ texs: [String]) -> MustacheValue {
        .list(texs.enumerated().map { i, tex in
            let separator = i == texs.count - 1 ? "" : i == texs.count - 2 ? " and " : ", "
            return .object(["tex": .string(tex), "separator": .string(separator)])
        })
    }
}

extension Activation {
    /// The activation's name in prose: "sigmoid", "tanh", "ReLU", "linear", "softmax".
    var displayName: String {
        switch self {
        case .relu: "ReLU"
        default: rawValue
        }
    }
}
