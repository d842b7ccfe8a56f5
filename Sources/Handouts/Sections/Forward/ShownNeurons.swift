import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// Which neurons of a layer are worked out one by one: all of them up to
/// `maximumShownDimension`, otherwise the first ones with the focus neuron always among them.
struct ShownNeurons {
    /// 1-based neuron indices, ascending.
    let indices: [Int]
    let width: Int

    init(layer l: Int, _ d: Derivation) {
        width = d.network.layers[l]
        let limit = d.options.maximumShownDimension
        guard width > limit else {
            indices = Array(1...width)
            return
        }
        var shown = Array(1...limit)
        if l == d.spec.focus.layer, !shown.contains(d.spec.focus.neuron) {
            shown[limit - 1] = d.spec.focus.neuron
        }
        indices = shown
    }

    /// Whether some neurons are left out.
    var isSummarised: Bool { indices.count < width }

    /// A column of the shown entries of `values`, with a `\vdots` row where neurons are left out.
    func column(_ values: [Real], role: Role, _ d: Derivation) throws -> MathExpression {
        try column { i in try d.display.number(values[i - 1], role: role) }
    }

    /// A column of `entry(i)` for the shown neurons i, with `\vdots` rows where neurons are left out.
    /// A single neuron's entry is the number itself, as the seed writes `z^{(3)} = 0.6215`.
    func column(entry: (Int) throws -> MathExpression) rethrows -> MathExpression {
        if width == 1 { return try entry(1) }
        var entries: [MathExpression] = []
        var previous = 0
        for i in indices {
            if i > previous + 1 { entries.append(.tex("\\vdots")) }
            entries.append(try entry(i))
            previous = i
        }
        if previous < width { entries.append(.tex("\\vdots")) }
        return .column(entries)
    }

    /// Template values saying how many neurons are shown.
    var values: [String: MustacheValue] {
        [
            "isSummarised": .bool(isSummarised),
            "shownCount": .number(String(indices.count)),
            "width": .number(String(width)),
            "shownList": .string(indices.map(String.init).joined(separator: ", ")),
        ]
    }
}
