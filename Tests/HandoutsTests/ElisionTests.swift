import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing

/// Wide layers: one decision per layer of which neurons are shown, the same in the figure, the
/// parameter table, the vectors and every worked step; the focus neuron and its paths always
/// among them; `--full` shows everything up to the documented limit.
@Suite struct ElisionTests {
    /// A [6, 12, 4] sigmoid/MSE and a [10, 16, 3] ReLU/softmax/cross-entropy network with
    /// distinct two-decimal parameters (a weight row identifies its neuron) and the focus
    /// weight deep inside the wide layer.
    static let shapes: [(layers: [Int], activations: [String], loss: String, focus: [Int])] = [
        ([6, 12, 4], ["sigmoid", "sigmoid"], "mse", [1, 10, 5]),
        ([10, 16, 3], ["relu", "softmax"], "cross-entropy", [1, 12, 9]),
    ]

    static func spec(_ shape: (layers: [Int], activations: [String], loss: String, focus: [Int])) throws -> Spec {
        var generator = SplitMix(seed: UInt64(shape.layers.reduce(0, +)))
        func value() -> String {
            let hundredths = Int(generator.next() % 199) - 99
            return String(format: "%.2f", Double(hundredths) / 100)
        }
        let layers = shape.layers
        let weights = (1..<layers.count).map { l in
            "[" + (0..<layers[l]).map { _ in "[" + (0..<layers[l - 1]).map { _ in value() }.joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
        let biases = (1..<layers.count).map { l in "[" + (0..<layers[l]).map { _ in value() }.joined(separator: ", ") + "]" }
        let input = (0..<layers[0]).map { _ in value() }
        let target = shape.loss == "cross-entropy"
            ? (0..<layers.last!).map { $0 == 1 ? "1" : "0" }
            : (0..<layers.last!).map { _ in value() }
        let activations = shape.activations.map { "\"\($0)\"" }.joined(separator: ", ")
        return try SpecReader().read("""
            {"network": {"layers": \(layers), "activations": [\(activations)], "loss": "\(shape.loss)",
              "weights": [\(weights.joined(separator: ", "))], "biases": [\(biases.joined(separator: ", "))]},
             "sample": {"input": [\(input.joined(separator: ", "))], "target": [\(target.joined(separator: ", "))]},
             "focus": {"weight": \(shape.focus)}, "learningRate": 0.1, "epsilon": 1e-5}
            """)
    }

    /// The neurons (1-based) the figure draws in each column, read from the node labels.
    static func figureIndices(_ spec: Spec, options: (inout HandoutOptions) -> Void = { _ in }) throws -> [[Int]] {
        let figures = HandoutFixtures.flatten(try HandoutFixtures.document(spec, options: options).blocks).compactMap { block -> Figure? in
            if case .figure(let figure) = block { return figure } else { return nil }
        }
        let figure = try #require(figures.first { $0.id == "fig:network" })
        return figure.diagram!.columns.map { column in
            column.nodes.compactMap { node in
                let digits = node.plainLabel.prefix { $0 != "⁽" }.compactMap { subscriptDigit($0) }
                return digits.isEmpty ? nil : digits.reduce(0) { $0 * 10 + $1 }
            }
        }
    }

    private static func subscriptDigit(_ c: Character) -> Int? {
        "₀₁₂₃₄₅₆₇₈₉".firstIndex(of: c).map { "₀₁₂₃₄₅₆₇₈₉".distance(from: "₀₁₂₃₄₅₆₇₈₉".startIndex, to: $0) }
    }

    /// The rows of the first `pmatrix` after `marker` in `markdown`, colours removed; a row of
    /// marks (⋮ ⋯ ⋱) is `nil`.
    static func matrix(after marker: String, in markdown: String) throws -> [[String]?] {
        let start = try #require(markdown.range(of: marker)).upperBound
        let rest = markdown[start...]
        let open = try #require(rest.range(of: "\\begin{pmatrix}")).upperBound
        let close = try #require(rest[open...].range(of: "\\end{pmatrix}")).lowerBound
        let body = String(rest[open..<close])
            .replacingOccurrences(of: #"\\color\{#[0-9A-Fa-f]{6}\}"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
        return body.components(separatedBy: "\\\\").map { row in
            let cells = row.components(separatedBy: "&").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.allSatisfy { $0.hasPrefix("\\") } ? nil : cells
        }
    }

    /// Which spec rows (1-based) the shown rows of a printed matrix are, matched by value; the
    /// printed columns are those of `columns` (1-based, gaps printed as ⋯).
    static func rowIndices(_ printed: [[String]?], of values: [[Rational]], columns: [Int]) -> [Int?] {
        var result: [Int?] = []
        for case let cells? in printed {
            let numbers: [String] = cells.filter { !$0.hasPrefix("\\") }
            var found: Int?
            for j in values.indices where numbers.count == columns.count {
                var same = true
                for (cell, column) in zip(numbers, columns) where cell != values[j][column - 1].description { same = false }
                if same { found = j + 1; break }
            }
            result.append(found)
        }
        return result
    }

    /// The figure, the parameter table, the sample, the vectors and every indexed symbol of the
    /// handout agree on one set of neurons per layer, which holds the focus neuron, the focus
    /// weight's source and every neuron of the written-out paths; the text names what is left out.
    @Test(arguments: shapes.indices)
    func oneDecisionEverywhere(_ index: Int) throws {
        let spec = try Self.spec(Self.shapes[index])
        let widths = spec.network.layers
        let shown = try Self.figureIndices(spec)
        #expect(shown.map(\.count) == widths.map { min($0, 8) })
        let focus = spec.focus
        guard case .weight(let fl, let fj, let fk) = focus else { Issue.record("a weight focus"); return }
        #expect(shown[fl].contains(fj))
        #expect(shown[fl - 1].contains(fk))
        #expect(shown[widths.count - 1] == Array(1...widths.last!), "every output neuron is on a path of the focus")

        let markdown = try HandoutFixtures.handout(spec, .markdown)
        // The parameter table: W⁽ˡ⁾'s rows are layer l's shown neurons, its columns layer l − 1's.
        for l in 1..<widths.count {
            let printed = try Self.matrix(after: "| $l = \(l)$ |", in: markdown)
            #expect(Self.rowIndices(printed, of: spec.network.weights[l - 1], columns: shown[l - 1]) == shown[l].map { $0 })
            #expect(printed.count == shown[l].count + Self.gaps(shown[l], width: widths[l]))
        }
        // Every indexed symbol names a shown neuron: w_{j,k}^{(l)}, z_j, a_j, δ_j, x_k.
        let symbol = #/(w|z|a|b|\\delta)_\{(\d+)(?:,(\d+))?\}\^\{\((\d)\)\}/#
        for match in markdown.matches(of: symbol) {
            let l = Int(match.output.4)!
            let j = Int(match.output.2)!
            #expect(shown[l].contains(j), "\(match.output.0) names a neuron the figure leaves out")
            if let k = match.output.3.flatMap({ Int($0) }) {
                #expect(shown[l - 1].contains(k), "\(match.output.0) names a source the figure leaves out")
            }
        }
        for match in markdown.matches(of: #/x_\{(\d+)\}/#) {
            #expect(shown[0].contains(Int(match.output.1)!), "\(match.output.0) is left out of the figure")
        }
        // The boxed activation vectors show the same neurons: match each printed value to the
        // true activation it rounds (computed here in double).
        let activations = Self.forward(spec)
        for l in 1..<widths.count - 1 {
            let printed = try Self.matrix(after: "<a id=\"eq:forward-\(l)-a\"></a>", in: markdown)
            let values = printed.compactMap { $0?.first }.map { Double($0)! }
            var matched: [[Int]] = []
            for value in values {
                let tolerance = 5e-4 * max(1, abs(value))
                matched.append(activations[l].indices.filter { abs(activations[l][$0] - value) <= tolerance }.map { $0 + 1 })
            }
            #expect(zip(matched, shown[l]).allSatisfy { $0.0.contains($0.1) }, "a⁽\(l)⁾ shows \(matched), the figure \(shown[l])")
            #expect(printed.count == shown[l].count + Self.gaps(shown[l], width: widths[l]))
        }
        // What is left out is said, once per summarised layer, grammatically.
        for l in widths.indices where shown[l].count < widths[l] {
            let omitted = (1...widths[l]).filter { !shown[l].contains($0) }
            let noun = l == 0 ? "input" : "neuron"
            let list = Self.readable(omitted)
            let phrase = omitted.count == 1 ? "\(noun) \(list) is left out" : "\(noun)s \(list) are left out"
            #expect(markdown.contains(phrase), "missing: \(phrase)")
        }
        #expect(!markdown.contains("(s)"))
    }

    /// Runs of ⋮ in a layer's shown list.
    static func gaps(_ shown: [Int], width: Int) -> Int {
        zip([0] + shown, shown + [width + 1]).filter { $0.1 > $0.0 + 1 }.count
    }

    /// `1–6, 10 and 12`, written independently of the tool.
    static func readable(_ indices: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < indices.count {
            var j = i
            while j + 1 < indices.count && indices[j + 1] == indices[j] + 1 { j += 1 }
            if j - i >= 2 { parts.append("\(indices[i])–\(indices[j])") } else { parts += indices[i...j].map(String.init) }
            i = j + 1
        }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    /// The activations of every layer in double, from the spec alone.
    static func forward(_ spec: Spec) -> [[Double]] {
        var a = [spec.sample.input.map { $0.toDouble() }]
        for l in 1..<spec.network.layers.count {
            let z = spec.network.weights[l - 1].indices.map { j in
                zip(spec.network.weights[l - 1][j], a[l - 1]).reduce(spec.network.biases[l - 1][j].toDouble()) {
                    $0 + $1.0.toDouble() * $1.1
                }
            }
            switch spec.network.activation(ofLayer: l) {
            case .sigmoid: a.append(z.map { 1 / (1 + exp(-$0)) })
            case .tanh: a.append(z.map(tanh))
            case .relu: a.append(z.map { max(0, $0) })
            case .linear: a.append(z)
            case .softmax:
                let m = z.max()!
                let e = z.map { exp($0 - m) }
                a.append(e.map { $0 / e.reduce(0, +) })
            }
        }
        return a
    }

    /// `--full` draws, tabulates and works out every neuron and leaves nothing out.
    @Test(arguments: shapes.indices)
    func fullShowsEverything(_ index: Int) throws {
        let spec = try Self.spec(Self.shapes[index])
        let shown = try Self.figureIndices(spec) { $0.showsEverything = true }
        #expect(shown == spec.network.layers.map { Array(1...$0) })
        let markdown = try HandoutFixtures.handout(spec, .markdown) { $0.showsEverything = true }
        #expect(!markdown.contains("\\vdots"))
        #expect(!markdown.contains("left out"))
        for l in 1..<spec.network.layers.count {
            let printed = try Self.matrix(after: "| $l = \(l)$ |", in: markdown)
            let columns = Array(1...spec.network.layers[l - 1])
            #expect(Self.rowIndices(printed, of: spec.network.weights[l - 1], columns: columns) == Array(1...spec.network.layers[l]))
        }
    }

    /// `--max-shown N` shows N neurons of a wider layer, the focus neuron among them.
    @Test func maximumShownIsHonoured() throws {
        let spec = try Self.spec(Self.shapes[0])
        let shown = try Self.figureIndices(spec) { $0.maximumShownDimension = 4 }
        #expect(shown[1] == [1, 2, 10, 12])
        #expect(shown[0] == [1, 2, 5, 6])
        #expect(shown[2] == [1, 2, 3, 4])
    }

    /// `--full` is refused, naming the layer and the limit, when a layer is wider than 16; a
    /// limit outside 3–16 is refused too.
    @Test func limitIsEnforced() throws {
        var layers = Self.shapes[1]
        layers.layers = [10, 17, 3]
        let spec = try Self.spec(layers)
        #expect(HandoutOptions.largestShownDimension == 16)
        do {
            _ = try HandoutFixtures.handout(spec, .markdown) { $0.showsEverything = true }
            Issue.record("--full on a 17-wide layer was accepted")
        } catch let error as HandoutError {
            guard case .options(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("layer 1 has 17"))
            #expect(message.contains("at most 16 per layer"))
        }
        // Summarised, the same network is fine.
        let summarised = try Self.figureIndices(spec)[1]
        #expect(summarised.count == 8 && summarised.contains(12) && summarised.last == 17)
        #expect(throws: HandoutError.self) {
            try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown) { $0.maximumShownDimension = 2 }
        }
        let exercises = ExerciseGenerator(options: { var o = HandoutOptions(format: .markdown); o.showsEverything = true; return o }())
        #expect(throws: HandoutError.self) { try exercises.generate(spec) }
    }
}

/// SplitMix64, for reproducible test parameters.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
