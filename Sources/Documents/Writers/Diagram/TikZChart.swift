/// Draws a `LineChart` as a TikZ picture from the shared `ChartLayout`.
struct TikZChart {
    var chart: LineChart

    func render() -> String {
        let layout = ChartLayout(chart)
        let escape = { LaTeXText.text(DiagramText.minusSigns($0)) }
        let curveColour = RolePalette.latexName(.error)
        var lines = [
            "\\begin{tikzpicture}[",
            "  wbaxis/.style={line width=0.6pt},",
            "  wbcurve/.style={draw=\(curveColour), line width=1.2pt, line join=round},",
            "  wbmarker/.style={draw=wbedgegrey, line width=0.5pt, dash pattern=on 3pt off 2pt}",
            "]",
        ]
        for tick in layout.yTicks {
            lines.append("\\draw[draw=wbedgegrey, line width=0.3pt] \(point(layout.left, tick.position)) -- \(point(layout.right, tick.position));")
            lines.append("\\node[anchor=east, font=\\scriptsize] at \(point(layout.left - 0.1, tick.position)) {$\(tick.tex)$};")
        }
        for tick in layout.xTicks {
            lines.append("\\draw[wbaxis] \(point(tick.position, layout.bottom)) -- \(point(tick.position, layout.bottom + 0.12));")
            lines.append("\\node[anchor=north, font=\\scriptsize] at \(point(tick.position, layout.bottom + 0.15)) {$\(tick.tex)$};")
        }
        for marker in chart.markers {
            let x = layout.x(marker.x)
            lines.append("\\draw[wbmarker] \(point(x, layout.bottom)) -- \(point(x, layout.top));")
            if !marker.label.isEmpty {
                lines.append("\\node[font=\\scriptsize] at \(point(x, layout.markerLabelY)) {\(escape(marker.label))};")
            }
        }
        lines.append("\\draw[wbaxis] \(point(layout.left, layout.top)) -- \(point(layout.left, layout.bottom)) -- \(point(layout.right, layout.bottom));")
        let curve = layout.curve
        if curve.count > 1 {
            lines.append("\\draw[wbcurve] " + curve.map { point($0.x, $0.y) }.joined(separator: " -- ") + ";")
        }
        if layout.marksPoints {
            for p in curve { lines.append("\\fill[\(curveColour)] \(point(p.x, p.y)) circle (1.5pt);") }
        }
        lines.append("\\node[font=\\small] at \(point(layout.xTitleCentre.x, layout.xTitleCentre.y)) {\(escape(chart.xTitle))};")
        lines.append("\\node[font=\\small, rotate=90] at \(point(layout.yTitleCentre.x, layout.yTitleCentre.y)) {\(escape(chart.yTitle))};")
        lines.append("\\end{tikzpicture}")
        return lines.joined(separator: "\n")
    }

    /// TikZ's y axis points up; the layout's points down.
    private func point(_ x: Double, _ y: Double) -> String {
        "(\(formatCoordinate(x)), \(formatCoordinate(-y)))"
    }
}
