extension SpecReader {
    /// The most exercises one sheet may ask for.
    static let maximumExerciseCount = 50

    /// `"exercises": [{"kind": "weight-gradient", "weight": [1, 2, 3]}, …]`, or `[]` for none.
    func readExercises(_ field: Field, network: Network) throws(SpecError) -> [ExerciseRequest] {
        // An empty list asks for no exercises: a handout then ends without them.
        let entries = try field.array()
        guard entries.count <= Self.maximumExerciseCount else {
            throw SpecError(field.path, "expected at most \(Self.maximumExerciseCount) exercises, got \(entries.count)")
        }
        var requests: [ExerciseRequest] = []
        for entry in entries {
            let loose = try entry.object(allowing: ["kind"] + Set(ExerciseKind.allCases.flatMap(\.keys)).sorted())
            let kind = try loose.required("kind").choice(of: ExerciseKind.self)
            for member in loose.members where member.key != "kind" && !kind.keys.contains(member.key) {
                let allowed = kind.keys.isEmpty ? "it takes no other keys" : "it takes " + kind.keys.map { "\"\($0)\"" }.joined(separator: ", ")
                throw SpecError(loose.path(member.key), "not used by an exercise of kind \"\(kind.rawValue)\"; \(allowed)")
            }
            var request = ExerciseRequest(kind: kind)
            if let weight = loose.optional("weight") {
                request.weight = try readWeightIndex(weight, network: network)
            }
            if let layerField = loose.optional("layer") {
                let l = try layerField.integer()
                guard (1...network.outputLayer).contains(l) else {
                    throw SpecError(layerField.path, "expected a layer l from 1 to \(network.outputLayer), got \(l)")
                }
                request.layer = l
            }
            if let entryField = loose.optional("entry") {
                let l = request.layer ?? 1
                guard request.layer != nil else {
                    throw SpecError(entryField.path, "give \"layer\" too: the entry is of the gradient matrix of that layer")
                }
                let indices = try entryField.array(count: 2, what: "indices [j, k]")
                let j = try indices[0].integer()
                guard (1...network.layers[l]).contains(j) else {
                    throw SpecError(indices[0].path, "expected a row j from 1 to \(network.layers[l]) (layer \(l) has \(network.layers[l]) neurons), got \(j)")
                }
                let k = try indices[1].integer()
                guard (1...network.layers[l - 1]).contains(k) else {
                    throw SpecError(indices[1].path, "expected a column k from 1 to \(network.layers[l - 1]) (layer \(l - 1) has \(network.layers[l - 1]) neurons), got \(k)")
                }
                request.entry = [j, k]
            }
            requests.append(request)
        }
        return requests
    }

    /// w⁽ˡ⁾ⱼ,ₖ from `[l, j, k]`, each index checked against the network.
    func readWeightIndex(_ field: Field, network: Network) throws(SpecError) -> WeightIndex {
        let indices = try field.array(count: 3, what: "indices [l, j, k]")
        let (l, j) = try readNeuron(indices[0], indices[1], network: network)
        let k = try indices[2].integer()
        guard (1...network.layers[l - 1]).contains(k) else {
            throw SpecError(indices[2].path, "expected a neuron k from 1 to \(network.layers[l - 1]) (layer \(l - 1) has \(network.layers[l - 1])), got \(k)")
        }
        return WeightIndex(layer: l, to: j, from: k)
    }

    /// Layer l (1…L) and neuron j of it, checked against the network.
    func readNeuron(_ layerField: Field, _ neuronField: Field, network: Network) throws(SpecError) -> (Int, Int) {
        let L = network.outputLayer
        let l = try layerField.integer()
        guard (1...L).contains(l) else { throw SpecError(layerField.path, "expected a layer l from 1 to \(L), got \(l)") }
        let j = try neuronField.integer()
        guard (1...network.layers[l]).contains(j) else {
            throw SpecError(neuronField.path, "expected a neuron j from 1 to \(network.layers[l]) (layer \(l) has \(network.layers[l])), got \(j)")
        }
        return (l, j)
    }
}
