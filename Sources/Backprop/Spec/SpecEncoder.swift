import ExactArithmetic
import JSON

/// Writes a `Spec` back as spec JSON that `SpecReader` reads to the same spec: numbers with a
/// finite decimal expansion as JSON numbers, others as fraction strings such as "1/3".
public struct SpecEncoder: Sendable {
    public init() {}

    public func encode(_ spec: Spec) -> JSONValue {
        func number(_ r: Rational) -> JSONValue {
            let text = r.description
            return text.contains("/") ? .string(text) : .number(text)
        }
        func indices(_ values: [Int]) -> JSONValue { .array(values.map { .number(String($0)) }) }
        var members: [JSONValue.Member] = []
        for (key, text) in [("title", spec.title), ("subtitle", spec.subtitle), ("author", spec.author),
                            ("course", spec.course), ("date", spec.date)] {
            if let text { members.append(.init(key, .string(text))) }
        }
        let network = spec.network
        var networkMembers: [JSONValue.Member] = [.init("layers", indices(network.layers))]
        if Set(network.activations).count == 1 && network.activations[0] != .softmax {
            networkMembers.append(.init("activation", .string(network.activations[0].rawValue)))
        } else {
            networkMembers.append(.init("activations", .array(network.activations.map { .string($0.rawValue) })))
        }
        networkMembers += [
            .init("loss", .string(network.loss.rawValue)),
            .init("weights", .array(network.weights.map { .array($0.map { .array($0.map(number)) }) })),
            .init("biases", .array(network.biases.map { .array($0.map(number)) })),
        ]
        members.append(.init("network", .object(networkMembers)))
        func sample(_ sample: Sample) -> JSONValue {
            .object([
                .init("input", .array(sample.input.map(number))),
                .init("target", .array(sample.target.map(number))),
            ])
        }
        if spec.isBatch {
            members.append(.init("batch", .array(spec.samples.map(sample))))
        } else {
            members.append(.init("sample", sample(spec.sample)))
        }
        switch spec.focus {
        case .weight(let l, let j, let k): members.append(.init("focus", .object([.init("weight", indices([l, j, k]))])))
        case .bias(let l, let j): members.append(.init("focus", .object([.init("bias", indices([l, j]))])))
        }
        members.append(.init("learningRate", number(spec.learningRate)))
        members.append(.init("epsilon", number(spec.epsilon)))
        if let exercises = spec.exercises {
            members.append(.init("exercises", .array(exercises.map { request in
                var fields: [JSONValue.Member] = [.init("kind", .string(request.kind.rawValue))]
                if let w = request.weight { fields.append(.init("weight", indices([w.layer, w.to, w.from]))) }
                if let l = request.layer { fields.append(.init("layer", .number(String(l)))) }
                if let entry = request.entry { fields.append(.init("entry", indices(entry))) }
                return .object(fields)
            })))
        }
        if let training = spec.training {
            members.append(.init("training", .object([
                .init("steps", .number(String(training.steps))),
                .init("batchSize", .number(String(training.batchSize))),
            ])))
        }
        return .object(members)
    }
}
