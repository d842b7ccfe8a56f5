/// Draws a `LayeredDiagram` as a TikZ picture: nodes with TeX labels and their values,
/// edges by emphasis, column titles and a legend, from the shared layout.
struct TikZDiagram {
    var diagram: LayeredDiagram

    func render() -> String {
        let layout = DiagramLayout(diagram)
        let escape = { LaTeXText.text(DiagramText.minusSigns($0)) }
        var lines: [String] = []
        var styles: [String] = [
            "wbnode/.style={circle, minimum size=\(coordinate(2 * layout.nodeRadius))cm, inner sep=0pt, line width=0.6pt, font=\\small}",
            "wbhighlight/.style={line width=1.6pt}",
        ]
        for emphasis: LayeredDiagram.Edge.Emphasis in [.normal, .path, .focus] {
            let dash = EdgeStyle.dashed(emphasis) ? ", dash pattern=on 4pt off 3pt" : ""
            styles.append(
                "wbedge\(EdgeStyle.name(emphasis))/.style={draw=\(Self.colourName(emphasis)), "
                    + "line width=\(coordinate(EdgeStyle.width(emphasis)))pt\(dash)}")
        }
        lines.append("\\begin{tikzpicture}[")
        lines.append(styles.map { "  " + $0 }.joined(separator: ",\n"))
        lines.append("]")
        for (columnIndex, column) in diagram.columns.enumerated() {
            let title = layout.titleCentres[columnIndex]
            lines.append("\\node[font=\\small\\bfseries] at \(point(title)) {\(escape(column.title))};")
            for (nodeIndex, node) in column.nodes.enumerated() {
                let centre = layout.centres[columnIndex][nodeIndex]
                let role = node.role
                let highlight = node.highlighted ? ", wbhighlight" : ""
                lines.append(
                    "\\node[wbnode, draw=\(RolePalette.latexName(role)), fill=\(RolePalette.latexTintName(role))\(highlight)] "
                        + "(\(Self.name(columnIndex, nodeIndex))) at \(point(centre)) {$\(node.label.tex)$};")
            }
        }
        // Edges between named nodes start and end at the nodes' rims.
        for edge in layout.edgesInDrawingOrder {
            lines.append(
                "\\draw[wbedge\(EdgeStyle.name(edge.emphasis))] (\(Self.name(edge.column, edge.from))) -- "
                    + "(\(Self.name(edge.column + 1, edge.to)));")
        }
        // Values last, on a white patch, so crossing edges never run through their digits.
        for (columnIndex, column) in diagram.columns.enumerated() {
            for (nodeIndex, node) in column.nodes.enumerated() {
                guard let value = node.value else { continue }
                let centre = layout.centres[columnIndex][nodeIndex]
                let below = DiagramLayout.Point(x: centre.x, y: centre.y + layout.valueOffset)
                lines.append("\\node[font=\\footnotesize, fill=white, inner sep=1pt] at \(point(below)) {\(escape(value))};")
            }
        }
        for row in layout.legendRows {
            lines.append("\\draw[wbedge\(EdgeStyle.name(row.entry.emphasis))] \(point(row.lineStart)) -- \(point(row.lineEnd));")
            lines.append("\\node[anchor=west, font=\\small] at \(point(row.textStart)) {\(escape(row.entry.text))};")
        }
        lines.append("\\end{tikzpicture}")
        return lines.joined(separator: "\n")
    }

    private static func name(_ column: Int, _ node: Int) -> String { "wb-\(column)-\(node)" }

    private static func colourName(_ emphasis: LayeredDiagram.Edge.Emphasis) -> String {
        switch emphasis {
        case .normal: return "wbedgegrey"
        case .path: return RolePalette.latexName(.error)
        case .focus: return RolePalette.latexName(.weight)
        }
    }

    /// TikZ's y axis points up; the layout's points down.
    private func point(_ point: DiagramLayout.Point) -> String {
        "(\(coordinate(point.x)), \(coordinate(-point.y)))"
    }

    private func coordinate(_ value: Double) -> String { formatCoordinate(value) }
}
