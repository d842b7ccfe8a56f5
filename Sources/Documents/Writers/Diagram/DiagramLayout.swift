#if canImport(Glibc)
import Glibc  // links libm for square roots and rounding on Linux
#elseif canImport(Musl)
import Musl
#endif

/// Where every part of a `LayeredDiagram` goes, in centimetres with y pointing down from the
/// top-left corner. TikZ and SVG draw from this one layout, so both media look alike.
struct DiagramLayout {
    struct Point: Hashable {
        var x: Double
        var y: Double
    }

    struct LegendRow {
        var entry: LayeredDiagram.LegendEntry
        var lineStart: Point
        var lineEnd: Point
        /// Left end of the text's baseline-centre line.
        var textStart: Point
    }

    let diagram: LayeredDiagram
    let nodeRadius = 0.45
    /// Distance from a node's centre to the middle of its value line.
    let valueOffset = 0.72
    /// The centre of every node, `[column][node]`.
    private(set) var centres: [[Point]] = []
    /// The centre of every column title.
    private(set) var titleCentres: [Point] = []
    private(set) var legendRows: [LegendRow] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    init(_ diagram: LayeredDiagram) {
        self.diagram = diagram
        let columnCount = diagram.columns.count
        let tallest = max(diagram.columns.map(\.nodes.count).max() ?? 1, 1)
        // Up to five columns sit 3.4 cm apart; more are squeezed into a text width of ~15 cm.
        let columnSpacing = min(3.4, 13.4 / Double(max(columnCount - 1, 1)))
        // Room for a node, its value underneath and a clear gap to the next node; tighter only
        // for the tallest columns (`--full`, up to 16 neurons), which must still fit a page.
        let pitch = tallest <= 9 ? 1.7 : 1.5
        let margin = 0.8
        let titleHeight = 0.9
        let top = margin + titleHeight + nodeRadius
        let middle = top + Double(tallest - 1) * pitch / 2
        for (columnIndex, column) in diagram.columns.enumerated() {
            let x = margin + 0.6 + Double(columnIndex) * columnSpacing
            let count = column.nodes.count
            centres.append(column.nodes.indices.map { index in
                Point(x: x, y: middle + (Double(index) - Double(count - 1) / 2) * pitch)
            })
            titleCentres.append(Point(x: x, y: margin + titleHeight / 2))
        }
        let lastX = margin + 0.6 + Double(max(columnCount - 1, 0)) * columnSpacing
        var bottom = top + Double(tallest - 1) * pitch + valueOffset + 0.4
        for entry in diagram.legend {
            bottom += 0.55
            let start = Point(x: margin, y: bottom)
            legendRows.append(LegendRow(
                entry: entry, lineStart: start, lineEnd: Point(x: margin + 1.0, y: bottom),
                textStart: Point(x: margin + 1.25, y: bottom)))
        }
        width = lastX + 0.6 + margin
        height = bottom + margin / 2
    }

    /// The visible part of an edge: from the source circle's rim to the target circle's rim.
    func segment(_ edge: LayeredDiagram.Edge) -> (Point, Point) {
        let from = centres[edge.column][edge.from]
        let to = centres[edge.column + 1][edge.to]
        let dx = to.x - from.x
        let dy = to.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return (from, to) }
        let ux = dx / length * nodeRadius
        let uy = dy / length * nodeRadius
        return (Point(x: from.x + ux, y: from.y + uy), Point(x: to.x - ux, y: to.y - uy))
    }

    /// Edges in drawing order: plain ones first so emphasised ones are drawn on top.
    var edgesInDrawingOrder: [LayeredDiagram.Edge] {
        let rank: (LayeredDiagram.Edge.Emphasis) -> Int = { emphasis in
            switch emphasis {
            case .normal: return 0
            case .path: return 1
            case .focus: return 2
            }
        }
        return diagram.edges.enumerated().sorted { lhs, rhs in
            (rank(lhs.element.emphasis), lhs.offset) < (rank(rhs.element.emphasis), rhs.offset)
        }.map(\.element)
    }
}

/// How each edge emphasis is drawn, shared by TikZ and SVG.
enum EdgeStyle {
    /// Stroke colour, `RRGGBB`.
    static func colour(_ emphasis: LayeredDiagram.Edge.Emphasis) -> String {
        switch emphasis {
        case .normal: return "9A9A9A"
        case .path: return RolePalette.hex(.error)
        case .focus: return RolePalette.hex(.weight)
        }
    }

    /// Line width in points.
    static func width(_ emphasis: LayeredDiagram.Edge.Emphasis) -> Double {
        switch emphasis {
        case .normal: return 0.6
        case .path: return 1.4
        case .focus: return 2.6
        }
    }

    static func dashed(_ emphasis: LayeredDiagram.Edge.Emphasis) -> Bool { emphasis == .path }

    /// A name for the style (TikZ style name, SVG class suffix).
    static func name(_ emphasis: LayeredDiagram.Edge.Emphasis) -> String {
        switch emphasis {
        case .normal: return "normal"
        case .path: return "path"
        case .focus: return "focus"
        }
    }
}

/// Short decimal text for coordinates: at most two decimals, no trailing zeros, no `-0`.
func formatCoordinate(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    if hundredths == 0 { return "0" }
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    var digits = String(fraction).leftPadded(to: 2)
    if digits.hasSuffix("0") { digits.removeLast() }
    return sign + String(whole) + "." + digits
}
