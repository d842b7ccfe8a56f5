import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The neurons of one layer the handout shows, 1-based: the layer's one decision
/// (`Derivation.shown`), used by every vector, step and table of that layer.
struct ShownNeurons {
    /// 1-based neuron indices, ascending.
    let indices: [Int]
    let width: Int
    /// The same decision with its gaps (0-based).
    let decision: ShownIndices

    init(layer l: Int, _ d: Derivation) {
        decision = d.shown[l]
        width = decision.count
        indices = decision.indices.map { $0 + 1 }
    }

    /// Whether some neurons are left out.
    var isSummarised: Bool { !decision.isComplete }

    /// The neurons left out, 1-based.
    var omitted: [Int] { decision.omitted.map { $0 + 1 } }

    /// A column of the shown entries of `values`, with a `\vdots` row where neurons are left out.
    func column(_ values: [Real], role: Role, _ d: Derivation) throws -> MathExpression {
        try column { i in try d.display.number(values[i - 1], role: role) }
    }

    /// A column of `entry(i)` for the shown neurons i, with `\vdots` rows where neurons are left out.
    /// A single neuron's entry is the number itself, as the seed writes `z^{(3)} = 0.6215`.
    func column(entry: (Int) throws -> MathExpression) rethrows -> MathExpression {
        if width == 1 { return try entry(1) }
        var entries: [MathExpression] = []
        for index in decision.entries {
            entries.append(try index.map { try entry($0 + 1) } ?? .elided("\\vdots"))
        }
        return .column(entries)
    }

    /// Template values saying which neurons are shown and which are left out, for sentences
    /// that read right for one and for many: `shownList` "1–6, 10 and 12", `omittedList`
    /// "7–9 and 11", `omitsOne` when a single neuron is left out.
    var values: [String: MustacheValue] {
        [
            "isSummarised": .bool(isSummarised),
            "shownCount": .number(String(indices.count)),
            "width": .number(String(width)),
            "shownList": .string(IndexList.text(indices)),
            "omittedList": .string(IndexList.text(omitted)),
            "omittedCount": .number(String(omitted.count)),
            "omitsOne": .bool(omitted.count == 1),
        ]
    }

    /// The summarised layers of the derivation, for the `handout/left-out` partial: each with
    /// `values`, its `number`, `isInput`, and `isLast` in the list.
    static func elidedLayers(_ d: Derivation) -> [MustacheValue] {
        let elided = d.shown.indices.filter { !d.shown[$0].isComplete }
        return elided.enumerated().map { index, l in
            .object(ShownNeurons(layer: l, d).values.merging([
                "number": .string(d.layerNumber(l)),
                "isInput": .bool(l == 0),
                "isLast": .bool(index == elided.count - 1),
            ]) { _, new in new })
        }
    }

    /// The one decision for every layer of `spec`: all neurons up to the options' limit;
    /// beyond it the focus neuron, a focus weight's source, the neurons of the paths the
    /// handout writes out, the outputs a cross-entropy loss weights (one or two), the last
    /// neuron, and the first ones up to the limit.
    static func decide(_ spec: Spec, paths: PathSummary, options: HandoutOptions) -> [ShownIndices] {
        let widths = spec.network.layers
        var required = widths.map { _ in Set<Int>() }
        let focus = spec.focus
        required[focus.layer].insert(focus.neuron - 1)
        if case .weight(let l, _, let k) = focus { required[l - 1].insert(k - 1) }
        for path in paths.listed.prefix(options.maximumShownPaths) {
            for (offset, neuron) in path.neurons.enumerated() where focus.layer + offset < widths.count {
                required[focus.layer + offset].insert(neuron - 1)
            }
        }
        if spec.network.loss == .crossEntropy {
            // The terms of the loss that do not vanish: a one-hot target's neuron.
            let L = spec.network.outputLayer
            let weighted = spec.sample.target.indices.filter { !spec.sample.target[$0].isZero }
            if weighted.count <= 2 { required[L].formUnion(weighted) }
        }
        let limit = options.showsEverything ? Int.max : options.maximumShownDimension
        return widths.indices.map { l in ShownIndices(count: widths[l], limit: limit, keeping: required[l]) }
    }
}

extension MathExpression {
    /// A run of entries left out of a summarised vector, matrix or sum (`\vdots`, `\cdots`,
    /// `\ddots`): one of `MathExpression.elisionMarks`, which stand for the true entries they
    /// replace, so an exact vector stays `=` to its definition and a rounded one `≈`.
    static func elided(_ tex: String) -> MathExpression { .tex(tex) }

    /// The terms left out of a summarised sum (`+ \cdots +`): a symbol, which no value is read
    /// from, so `=` and `≈` between two such sums follow from whether they show rounded numbers.
    static var elidedTerms: MathExpression { .symbol(MathSymbol(.other("\\cdots"))) }
}

extension Display {
    /// A chain about the matrix `values` shown as rows `rows` and columns `columns` (the layers'
    /// one decision). The truth is laid out as the display is, so that each shown entry meets its
    /// own true value; the runs left out stand for exact entries only when every entry is exact.
    ///
    /// More than `roundedColumnLimit` columns do not fit the line at a readable size: the chain
    /// is then set in column blocks, each a display of its own labelled "Columns 1–6:", every
    /// matrix as wide as `values` cut at the same columns (see `columnBlocks`).
    func chain(
        _ members: [MathExpression], matrix values: [[Real]], rows: ShownIndices, columns: ShownIndices,
        id: String? = nil, boxed: Bool = false
    ) -> Block {
        let allExact = values.allSatisfy { $0.allSatisfy(\.isExact) }
        let gap: Rational? = allExact ? Rational(0) : nil
        let entries = rows.entries.map { row in
            columns.entries.map { column -> Rational? in
                guard let row, let column else { return gap }
                return values[row][column].exactValue
            }
        }
        return columnBlocks(members, entries: entries, columns: columns, id: id, boxed: boxed)
    }

    /// The chain of `members` about `entries` (laid out as displayed), in labelled column blocks
    /// when it has more than `roundedColumnLimit` columns — the one place that decides how a
    /// wide matrix is set, for the handout and the answer key in every format.
    func columnBlocks(
        _ members: [MathExpression], entries: [[Rational?]], columns: ShownIndices, id: String?, boxed: Bool
    ) -> Block {
        let width = columns.entries.count
        let ranges = MathExpression.columnBlocks(width, limit: Self.roundedColumnLimit)
        guard ranges.count > 1 else { return chain(members, truth: ChainTruth(entries: entries), id: id, boxed: boxed) }
        return .group(ranges.enumerated().flatMap { i, range -> [Block] in
            let shown = columns.entries[range].compactMap { $0 }
            let label = shown.count == 1 ? "Column \(shown[0] + 1):" : "Columns \(shown[0] + 1)–\(shown[shown.count - 1] + 1):"
            return [
                .paragraph([.text(label)]),
                chain(members.map { $0.columns(range, ofWidth: width) }, truth: ChainTruth(entries: entries.map { Array($0[range]) }),
                      id: i == 0 ? id : nil, boxed: boxed),
            ]
        })
    }

    /// A chain about the column `values` of a layer shown as `rows`; a single neuron's is a scalar.
    func chain(_ members: [MathExpression], column values: [Real], rows: ShownIndices, id: String? = nil, boxed: Bool = false) -> Block {
        if values.count == 1 { return chain(members, value: values[0], id: id, boxed: boxed) }
        return chain(members, matrix: values.map { [$0] }, rows: rows, columns: .all(1), id: id, boxed: boxed)
    }
}
