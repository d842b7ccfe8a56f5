import ExactArithmetic
import JSON

/// Reads and validates a spec: JSON text in, a `Spec` or the first `SpecError` out.
///
/// Every rule a spec must satisfy is checked here, each error naming the JSON path and what
/// was expected; sizes are checked against `SpecLimits` before anything is built from them.
public struct SpecReader: Sendable {
    /// Whether the spec is for a symbolic derivation (`handout --symbolic`): then only the layers,
    /// activations, loss and focus are needed; absent weights, biases and sample are read as
    /// zeros (a softmax cross-entropy target as its first class), which no symbolic document shows.
    public var symbolic: Bool

    public init(symbolic: Bool = false) {
        self.symbolic = symbolic
    }

    /// The message for a value only a symbolic derivation can do without.
    private static func missingValues(_ what: String) -> String {
        "missing; a numeric document needs \(what) (only `handout --symbolic` works without them)"
    }

    /// Parses and validates spec text.
    public func read(_ text: String) throws(SpecError) -> Spec {
        guard text.utf8.count <= SpecLimits.maximumSpecBytes else {
            throw SpecError("", "the spec is \(text.utf8.count) bytes; at most \(SpecLimits.maximumSpecBytes) are accepted")
        }
        let json: JSONValue
        do {
            json = try JSONParser(maximumDepth: SpecLimits.maximumJSONDepth, maximumValueCount: SpecLimits.maximumJSONValues).parse(text)
        } catch {
            throw SpecError("", "invalid JSON at \(error.description)")
        }
        return try read(json)
    }

    /// Validates an already parsed spec.
    public func read(_ json: JSONValue) throws(SpecError) -> Spec {
        let root = try Field(json, path: "").object(allowing: Self.topLevelKeys)
        let network = try readNetwork(try root.required("network"))
        let samples = try readData(root, network: network)
        let focus = try root.optional("focus").map { f throws(SpecError) in try readFocus(f, network: network) }
            ?? .weight(layer: 1, to: 1, from: 1)
        let learningRate = try root.optional("learningRate")?.number() ?? Rational(1, 2)
        if learningRate.signum() < 0 {
            throw SpecError("learningRate", "expected a learning rate ≥ 0, got \(learningRate)")
        }
        let epsilonField = root.optional("epsilon")
        let epsilon = try epsilonField?.number() ?? Rational(1, 100_000)
        if epsilon.signum() <= 0 || epsilon > Rational(1) {
            throw SpecError("epsilon", "expected 0 < ε ≤ 1, got \(epsilon)")
        }
        return Spec(
            title: try root.optional("title")?.text(),
            subtitle: try root.optional("subtitle")?.text(),
            author: try root.optional("author")?.text(),
            course: try root.optional("course")?.text(),
            date: try root.optional("date")?.text(),
            network: network, sample: samples.list[0], batch: samples.isBatch ? samples.list : nil, focus: focus,
            learningRate: learningRate, epsilon: epsilon,
            exercises: try root.optional("exercises").map { f throws(SpecError) in try readExercises(f, network: network) },
            training: try root.optional("training").map { f throws(SpecError) in
                try readTraining(f, sampleCount: samples.list.count, network: network)
            }
        )
    }

    static let topLevelKeys = [
        "title", "subtitle", "author", "course", "date", "network", "sample", "batch", "focus", "learningRate", "epsilon",
        "exercises", "training",
    ]
    static let networkKeys = ["layers", "activation", "activations", "loss", "weights", "biases"]

    private func readNetwork(_ field: Field) throws(SpecError) -> Network {
        let object = try field.object(allowing: Self.networkKeys)
        let layersField = try object.required("layers")
        let layerCount = try layersField.count()
        guard layerCount >= 2 else {
            throw SpecError(layersField.path, "expected at least 2 layers (the input and an output layer), got \(layerCount)")
        }
        guard layerCount <= SpecLimits.maximumLayerCount else {
            throw SpecError(layersField.path, "expected at most \(SpecLimits.maximumLayerCount) layers, got \(layerCount)")
        }
        var layers: [Int] = []
        for width in try layersField.array() {
            let n = try width.integer()
            guard n >= 1 else { throw SpecError(width.path, "expected a layer width ≥ 1, got \(n)") }
            guard n <= SpecLimits.maximumLayerWidth else {
                throw SpecError(width.path, "expected a layer width ≤ \(SpecLimits.maximumLayerWidth), got \(n)")
            }
            layers.append(n)
        }
        let parameterCount = (1..<layers.count).reduce(0) { $0 + layers[$1] * (layers[$1 - 1] + 1) }
        guard parameterCount <= SpecLimits.maximumParameterCount else {
            throw SpecError(layersField.path, "these layers have \(parameterCount) parameters; at most \(SpecLimits.maximumParameterCount) are accepted")
        }

        let activations = try readActivations(object, layers: layers)
        let lossField = try object.required("loss")
        let loss = try lossField.choice(of: Loss.self)
        try checkLoss(loss, activations: activations, layers: layers, at: lossField.path)

        let zeroWeights = (1..<layers.count).map { l in Array(repeating: Array(repeating: Rational(0), count: layers[l - 1]), count: layers[l]) }
        let zeroBiases = (1..<layers.count).map { l in Array(repeating: Rational(0), count: layers[l]) }
        guard let weightsField = object.optional("weights") else {
            guard symbolic else { throw SpecError(object.path("weights"), Self.missingValues("every weight")) }
            return Network(layers: layers, activations: activations, loss: loss, weights: zeroWeights, biases: zeroBiases)
        }
        let weightLayers = try weightsField.array(count: layers.count - 1, what: "weight matrices (one per layer after the input)")
        var weights: [[[Rational]]] = []
        for (i, matrixField) in weightLayers.enumerated() {
            let l = i + 1
            let rows = try matrixField.array(count: layers[l], what: "rows (layer \(l) has \(layers[l]) neurons)")
            var matrix: [[Rational]] = []
            for row in rows {
                let entries = try row.array(count: layers[l - 1], what: "entries (layer \(l - 1) has \(layers[l - 1]) neurons)")
                var values: [Rational] = []
                for entry in entries { values.append(try entry.number()) }
                matrix.append(values)
            }
            weights.append(matrix)
        }
        guard let biasesField = object.optional("biases") else {
            guard symbolic else { throw SpecError(object.path("biases"), Self.missingValues("every bias")) }
            return Network(layers: layers, activations: activations, loss: loss, weights: weights, biases: zeroBiases)
        }
        let biasLayers = try biasesField.array(count: layers.count - 1, what: "bias vectors (one per layer after the input)")
        var biases: [[Rational]] = []
        for (i, vectorField) in biasLayers.enumerated() {
            let l = i + 1
            let entries = try vectorField.array(count: layers[l], what: "entries (layer \(l) has \(layers[l]) neurons)")
            var values: [Rational] = []
            for entry in entries { values.append(try entry.number()) }
            biases.append(values)
        }
        return Network(layers: layers, activations: activations, loss: loss, weights: weights, biases: biases)
    }

    private func readActivations(_ object: ObjectField, layers: [Int]) throws(SpecError) -> [Activation] {
        let single = object.optional("activation")
        let perLayer = object.optional("activations")
        let activations: [Activation]
        switch (single, perLayer) {
        case (nil, nil):
            throw SpecError(object.path("activation"), "missing; give \"activation\" (one for all layers) or \"activations\" (one per layer)")
        case (.some, .some):
            throw SpecError(object.path("activations"), "conflicts with \"activation\"; give one of the two")
        case (let field?, nil):
            let activation = try field.choice(of: Activation.self)
            if activation == .softmax && layers.count > 2 {
                throw SpecError(field.path, "softmax is only for the output layer; use \"activations\" to give it to the output layer alone")
            }
            activations = Array(repeating: activation, count: layers.count - 1)
        case (nil, let field?):
            let entries = try field.array(count: layers.count - 1, what: "activations (one per layer after the input)")
            var list: [Activation] = []
            for entry in entries { list.append(try entry.choice(of: Activation.self)) }
            for (i, activation) in list.enumerated() where activation == .softmax && i + 1 < list.count {
                throw SpecError(entries[i].path, "softmax is only for the output layer, but layer \(i + 1) is hidden")
            }
            activations = list
        }
        if activations.last == .softmax && layers.last! < 2 {
            throw SpecError(object.path(perLayer == nil ? "activation" : "activations"),
                            "a softmax output needs at least 2 neurons; with 1 it is the constant 1")
        }
        return activations
    }

    private func checkLoss(_ loss: Loss, activations: [Activation], layers: [Int], at path: String) throws(SpecError) {
        let output = activations.last!
        switch loss {
        case .mse:
            return
        case .crossEntropy:
            if output == .softmax { return }
            if output == .sigmoid && layers.last == 1 { return }
            throw SpecError(path, "cross-entropy needs a softmax output layer or a single sigmoid output neuron; the output layer is \(layers.last!) \(output) neuron(s)")
        }
    }

    /// The spec's `"sample"` or `"batch"`: exactly one of the two.
    private func readData(_ root: ObjectField, network: Network) throws(SpecError) -> (list: [Sample], isBatch: Bool) {
        switch (root.optional("sample"), root.optional("batch")) {
        case (nil, nil):
            if symbolic {
                let outputs = network.layers[network.outputLayer]
                let oneHot = network.loss == .crossEntropy && network.activations.last == .softmax
                let target = (0..<outputs).map { oneHot && $0 == 0 ? Rational(1) : Rational(0) }
                return ([Sample(input: Array(repeating: Rational(0), count: network.layers[0]), target: target)], false)
            }
            throw SpecError("sample", "missing; give \"sample\" (one input and target) or \"batch\" (a list of them); "
                            + "only `handout --symbolic` works without one")
        case (.some, .some):
            throw SpecError("batch", "conflicts with \"sample\"; give one sample or a batch, not both")
        case (let field?, nil):
            let sample = try readSample(field, network: network)
            return ([sample], false)
        case (nil, let field?):
            let count = try field.count()
            guard count >= 1 else { throw SpecError(field.path, "expected at least 1 sample, got an empty batch") }
            guard count <= SpecLimits.maximumBatchSize else {
                throw SpecError(field.path, "expected at most \(SpecLimits.maximumBatchSize) samples, got \(count)")
            }
            var list: [Sample] = []
            for entry in try field.array() { list.append(try readSample(entry, network: network)) }
            return (list, true)
        }
    }

    private func readTraining(_ field: Field, sampleCount: Int, network: Network) throws(SpecError) -> Training {
        let object = try field.object(allowing: ["steps", "batchSize"])
        let stepsField = try object.required("steps")
        let steps = try stepsField.integer()
        guard steps >= 1 && steps <= SpecLimits.maximumTrainingSteps else {
            throw SpecError(stepsField.path, "expected 1 to \(SpecLimits.maximumTrainingSteps) steps, got \(steps)")
        }
        var batchSize = sampleCount
        if let sizeField = object.optional("batchSize") {
            batchSize = try sizeField.integer()
            guard batchSize >= 1 && batchSize <= sampleCount else {
                let samples = sampleCount == 1 ? "1 sample" : "\(sampleCount) samples"
                throw SpecError(sizeField.path, "expected a batch size from 1 to \(sampleCount) (the data has \(samples)), got \(batchSize)")
            }
        }
        // Each step: a backward pass per sample of its batch, a forward pass per sample of the data.
        let work = steps * (batchSize + sampleCount) * network.parameterCount
        guard work <= SpecLimits.maximumTrainingWork else {
            throw SpecError(stepsField.path, "\(steps) steps × (batch size \(batchSize) + \(sampleCount) samples) × \(network.parameterCount) parameters is \(work); at most \(SpecLimits.maximumTrainingWork) are accepted (take fewer steps or samples, or a smaller network)")
        }
        return Training(steps: steps, batchSize: batchSize)
    }

    private func readSample(_ field: Field, network: Network) throws(SpecError) -> Sample {
        let object = try field.object(allowing: ["input", "target"])
        let inputField = try object.required("input")
        var input: [Rational] = []
        for entry in try inputField.array(count: network.layers[0], what: "entries (the input layer has \(network.layers[0]) neurons)") {
            input.append(try entry.number())
        }
        let targetField = try object.required("target")
        var target: [Rational] = []
        switch (targetField.value, network.layers.last) {
        case (.number, 1), (.string, 1):
            // A one-neuron output may give its target as a number, a fraction string included.
            target = [try targetField.number()]
        default:
            for entry in try targetField.array(count: network.layers.last!, what: "entries (the output layer has \(network.layers.last!) neurons)") {
                target.append(try entry.number())
            }
        }
        if network.loss == .crossEntropy {
            if network.activations.last == .softmax {
                for (i, y) in target.enumerated() where y.signum() < 0 {
                    throw SpecError("\(targetField.path)[\(i)]", "a cross-entropy target is a probability distribution; expected a value ≥ 0, got \(y)")
                }
                let total = target.reduce(Rational(0), +)
                if total != Rational(1) {
                    throw SpecError(targetField.path, "a cross-entropy target is a probability distribution; its entries sum to \(total), expected exactly 1")
                }
            } else if target[0].signum() < 0 || target[0] > Rational(1) {
                throw SpecError(targetField.path, "a binary cross-entropy target is a probability; expected 0 ≤ y ≤ 1, got \(target[0])")
            }
        }
        return Sample(input: input, target: target)
    }

    private func readFocus(_ field: Field, network: Network) throws(SpecError) -> Focus {
        let object = try field.object(allowing: ["weight", "bias"])
        switch (object.optional("weight"), object.optional("bias")) {
        case (nil, nil):
            throw SpecError(field.path, "expected {\"weight\": [l, j, k]} or {\"bias\": [l, j]}")
        case (.some, .some):
            throw SpecError(object.path("bias"), "conflicts with \"weight\"; the focus is one parameter")
        case (let w?, nil):
            let weight = try readWeightIndex(w, network: network)
            return .weight(layer: weight.layer, to: weight.to, from: weight.from)
        case (nil, let b?):
            let indices = try b.array(count: 2, what: "indices [l, j]")
            let (l, j) = try readNeuron(indices[0], indices[1], network: network)
            return .bias(layer: l, neuron: j)
        }
    }
}
