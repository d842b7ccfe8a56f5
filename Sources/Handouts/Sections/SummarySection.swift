import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The summary: the focus gradient as a sum over the active paths (symbolic, then each path's
/// contribution), and the symbols of the quick-reference algorithm and the appendix.
/// Generated blocks: `@@summary.paths.symbolic` (numbered `eq:summary-paths`) and
/// `@@summary.paths.sum`.
enum SummarySection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let paths = SummaryPaths(d: d)
        let rest = paths.restCount
        var values: [String: MustacheValue] = [
            "pathCount": .number(String(d.trace.paths.count)),
            "activeCount": .number(String(paths.activeCount)),
            "inactiveCount": .number(String(paths.inactiveCount)),
            "hasInactive": .bool(paths.inactiveCount > 0),
            "noneActive": .bool(paths.noneActive),
            "singleActive": .bool(paths.activeCount == 1),
            // Every contribution exact (ReLU and linear networks): nothing is rounded to mention.
            "contributionsExact": .bool(paths.shown.allSatisfy(\.product.isExact) && (rest == 0 || paths.restContribution.isExact)),
            "singleInactive": .bool(paths.inactiveCount == 1),
            "singlePath": .bool(d.trace.paths.count == 1),
            "singleOutput": .bool(d.network.layers[d.outputLayer] == 1),
            "rows": .list(try paths.rows()),
            "isExpanded": .bool(paths.isExpanded),
            "shownCount": .number(String(paths.shown.count)),
            "symbols": GeneralSymbols.values(d),
        ]
        if rest > 0 {
            values["rest"] = .object([
                "count": .number(String(rest)),
                "product": .string(try d.display.tex(paths.restContribution, role: .error)),
            ])
        }
        let symbolic = Block.displayMath(
            Math(d.display.tex(d.focusDerivative) + " = " + d.display.tex(paths.symbolic)), id: "eq:summary-paths", numbered: true)
        return SectionOutput(values: values, blocks: [
            "summary.paths.symbolic": symbolic,
            "summary.paths.sum": try paths.numericChain(),
        ])
    }
}
