import ExactArithmetic
import JSON

/// Writes a `Trace` as JSON. Every number is `{"value": "…", "exact": true|false}`: an exact
/// value as its exact decimal (or `p/q`), any other as its correctly rounded digits.
public struct TraceEncoder: Sendable {
    /// Significant digits of non-exact values.
    public var digits: Int

    public init(digits: Int = 30) {
        self.digits = digits
    }

    private var format: DecimalFormat {
        DecimalFormat(.significantDigits(digits), scientificBelow: Rational(1, 100_000), scientificFrom: Rational(BigInt(10).power(15)))
    }

    /// `{"value": …, "exact": …}` of x, or nil when its enclosure is too wide for the digits.
    private static func number(_ x: Real, _ format: DecimalFormat) -> JSONValue? {
        if let exact = x.exactValue {
            return .object([.init("value", .string(exact.description)), .init("exact", .bool(true))])
        }
        guard let shown = x.formatted(format) else { return nil }
        return .object([.init("value", .string(shown.text)), .init("exact", .bool(shown.isExact))])
    }

    /// The JSON of `trace`, or `nil` when some value's enclosure is too wide at the trace's
    /// precision to give `digits` correctly rounded digits (compute the trace again with more).
    public func encode(_ trace: Trace) -> JSONValue? {
        var failed = false
        let format = format
        func number(_ x: Real) -> JSONValue {
            guard let value = TraceEncoder.number(x, format) else {
                failed = true
                return .null
            }
            return value
        }
        func vector(_ v: [Real]) -> JSONValue { .array(v.map(number)) }
        func matrix(_ m: [[Real]]) -> JSONValue {
            // Rows formatted on every core; a row that cannot be certified comes back nil.
            let rows = m.concurrentMap(work: m.count * (m.first?.count ?? 0)) { row -> JSONValue? in
                var values: [JSONValue] = []
                values.reserveCapacity(row.count)
                for x in row {
                    guard let value = TraceEncoder.number(x, format) else { return nil }
                    values.append(value)
                }
                return .array(values)
            }
            return .array(rows.map { row in
                guard let row else {
                    failed = true
                    return .null
                }
                return row
            })
        }
        func double(_ d: Double) -> JSONValue {
            guard let exact = Rational(exactly: d) else {
                // ∞, −∞ or NaN: what the double computation gave, with no exact value.
                return .object([.init("value", .null), .init("exact", .bool(false)), .init("double", .string("\(d)"))])
            }
            let shown = exact.formatted(format)
            return .object([
                .init("value", .string(shown.isExact ? exact.description : shown.text)),
                .init("exact", .bool(shown.isExact)),
                .init("double", .string("\(d)")),
            ])
        }
        func layerValues(_ layers: [LayerValues], deltas: [[Real]]?) -> JSONValue {
            .array(layers.enumerated().map { l, layer in
                var members: [JSONValue.Member] = []
                if let z = layer.z { members.append(.init("z", vector(z))) }
                members.append(.init("a", vector(layer.a)))
                switch layer.derivative {
                case .diagonal(let d)?: members.append(.init("activationDerivative", vector(d)))
                case .jacobian(let j)?: members.append(.init("activationDerivative", matrix(j)))
                case nil: break
                }
                if let deltas, l > 0 { members.append(.init("delta", vector(deltas[l]))) }
                return .object(members)
            })
        }

        let spec = trace.spec
        let network = spec.network
        let focus: JSONValue
        switch spec.focus {
        case .weight(let l, let j, let k):
            focus = .object([.init("weight", .array([.number("\(l)"), .number("\(j)"), .number("\(k)")])), .init("gradient", number(trace.meanFocusGradient))])
        case .bias(let l, let j):
            focus = .object([.init("bias", .array([.number("\(l)"), .number("\(j)")])), .init("gradient", number(trace.meanFocusGradient))])
        }
        let fd = trace.finiteDifference
        let update = trace.update
        func gradients(_ weights: [[[Real]]], _ biases: [[Real]]) -> JSONValue {
            .object([.init("weights", .array(weights.map(matrix))), .init("biases", .array(biases.map(vector)))])
        }
        var passes: [JSONValue.Member]
        if let batch = trace.batch {
            // A batch: each sample's pass, then the means as the loss and gradients.
            passes = [
                .init("samples", .array(batch.samples.map { sample in
                    .object([
                        .init("layers", layerValues(sample.layers, deltas: sample.deltas)),
                        .init("loss", number(sample.loss)),
                        .init("lossGradient", vector(sample.lossGradient)),
                        .init("gradients", gradients(sample.weightGradients, sample.biasGradients)),
                    ])
                })),
                .init("loss", number(batch.loss)),
                .init("gradients", gradients(batch.weightGradients, batch.biasGradients)),
            ]
        } else {
            passes = [
                .init("layers", layerValues(trace.layers, deltas: trace.deltas)),
                .init("loss", number(trace.loss)),
                .init("lossGradient", vector(trace.lossGradient)),
                .init("gradients", gradients(trace.weightGradients, trace.biasGradients)),
            ]
        }
        let json = JSONValue.object([
            .init("network", .object([
                .init("layers", .array(network.layers.map { .number("\($0)") })),
                .init("activations", .array(network.activations.map { .string($0.rawValue) })),
                .init("loss", .string(network.loss.rawValue)),
            ])),
        ] + passes + [
            .init("focus", focus),
            .init("paths", .object([
                .init("count", .number("\(trace.paths.count)")),
                .init("listedCount", .number("\(trace.paths.listed.count)")),
                .init("listed", .array(trace.paths.listed.map { path in
                    .object([
                        .init("neurons", .array(path.neurons.map { .number("\($0)") })),
                        .init("product", number(path.product)),
                        .init("active", .bool(path.isActive)),
                    ])
                })),
            ])),
            .init("finiteDifference", .object([
                .init("arithmetic", .string("IEEE 754 binary64, centred difference (L+ - L-) / (2 epsilon)")),
                .init("epsilon", double(fd.epsilon)),
                .init("lossPlus", double(fd.lossPlus)),
                .init("lossMinus", double(fd.lossMinus)),
                .init("estimate", double(fd.estimate)),
                .init("analytic", number(fd.analytic)),
                .init("relativeError", .object([
                    .init("formula", .string("|FD - BP| / |BP|")),
                    .init("value", fd.relativeError.map(number) ?? .null),
                ])),
                .init("symmetricRelativeError", .object([
                    .init("formula", .string("|FD - BP| / (|FD| + |BP|)")),
                    .init("value", fd.symmetricRelativeError.map(number) ?? .null),
                ])),
                .init("doubleLimitation", fd.limitation.map { limitation in
                    .object([
                        .init("kind", .string(String(describing: limitation.kind))),
                        .init("layer", .number("\(limitation.layer)")),
                        .init("neuron", .number("\(limitation.neuron)")),
                        .init("pass", .string(limitation.pass > 0 ? "plus" : "minus")),
                        .init("argument", double(limitation.argument)),
                    ])
                } ?? .null),
            ])),
            .init("update", .object([
                .init("learningRate", number(.exact(update.learningRate))),
                .init("weights", .array(update.weights.map(matrix))),
                .init("biases", .array(update.biases.map(vector))),
                .init("layers", layerValues(update.layers, deltas: nil)),
                .init("loss", number(update.loss)),
                .init("change", number(update.change)),
                .init("decreased", update.change.knownSignum.map { .bool($0 < 0) } ?? .null),
            ])),
        ] + (trace.training.map { run in
            [.init("training", .object([
                .init("steps", .number("\(run.training.steps)")),
                .init("batchSize", .number("\(run.training.batchSize)")),
                .init("losses", vector(run.losses)),
                .init("weights", .array(run.weights.map(matrix))),
                .init("biases", .array(run.biases.map(vector))),
            ]))]
        } ?? []))
        return failed ? nil : json
    }
}
