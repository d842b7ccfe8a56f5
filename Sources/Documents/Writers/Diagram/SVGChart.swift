/// Draws a `LineChart` as SVG from the shared `ChartLayout`: inline in HTML, or as a file
/// beside Markdown; a `<style>` inside adapts it to a dark colour scheme.
struct SVGChart {
    /// Pixels per layout centimetre, as for network diagrams.
    private static let scale = 38.0

    var chart: LineChart
    /// An accessible name for the drawing (the figure caption as plain text).
    var title: String
    /// A standalone file gets an XML declaration, a namespace and an opaque background.
    var standalone: Bool

    func render() -> String {
        let layout = ChartLayout(chart)
        let escape = TextEscaping.html
        let width = px(layout.width), height = px(layout.height)
        var lines: [String] = []
        if standalone { lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wbc\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\">")
        lines.append("<title>\(escape(title))</title>")
        lines.append("<style>\(Self.styleSheet)</style>")
        if standalone {
            lines.append("<rect class=\"wbc-bg\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" rx=\"8\"/>")
        }
        for tick in layout.yTicks {
            lines.append(line(layout.left, tick.position, layout.right, tick.position, "wbc-grid"))
            lines.append(text(tick.plain, x: layout.left - 0.12, y: tick.position, "wbc-tick wbc-end"))
        }
        for tick in layout.xTicks {
            lines.append(line(tick.position, layout.bottom, tick.position, layout.bottom + 0.12, "wbc-axis"))
            lines.append(text(tick.plain, x: tick.position, y: layout.bottom + 0.42, "wbc-tick"))
        }
        for marker in chart.markers {
            let x = layout.x(marker.x)
            lines.append(line(x, layout.bottom, x, layout.top, "wbc-marker"))
            if !marker.label.isEmpty { lines.append(text(marker.label, x: x, y: layout.markerLabelY, "wbc-tick")) }
        }
        lines.append(
            "<polyline class=\"wbc-axis\" points=\"\(px(layout.left)),\(px(layout.top)) \(px(layout.left)),\(px(layout.bottom)) "
                + "\(px(layout.right)),\(px(layout.bottom))\"/>")
        let curve = layout.curve
        lines.append("<polyline class=\"wbc-curve\" points=\"" + curve.map { "\(px($0.x)),\(px($0.y))" }.joined(separator: " ") + "\"/>")
        if layout.marksPoints {
            for p in curve { lines.append("<circle class=\"wbc-point\" cx=\"\(px(p.x))\" cy=\"\(px(p.y))\" r=\"2.5\"/>") }
        }
        lines.append(text(chart.xTitle, x: layout.xTitleCentre.x, y: layout.xTitleCentre.y, "wbc-title"))
        let centre = layout.yTitleCentre
        lines.append(
            "<text class=\"wbc-title\" x=\"\(px(centre.x))\" y=\"\(px(centre.y))\" transform=\"rotate(-90 \(px(centre.x)) \(px(centre.y)))\">"
                + "\(escape(DiagramText.minusSigns(chart.yTitle)))</text>")
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    private func px(_ centimetres: Double) -> String { formatCoordinate(centimetres * Self.scale) }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ className: String) -> String {
        "<line class=\"\(className)\" x1=\"\(px(x1))\" y1=\"\(px(y1))\" x2=\"\(px(x2))\" y2=\"\(px(y2))\"/>"
    }

    private func text(_ content: String, x: Double, y: Double, _ className: String) -> String {
        "<text class=\"\(className)\" x=\"\(px(x))\" y=\"\(px(y))\">\(TextEscaping.html(DiagramText.minusSigns(content)))</text>"
    }

    private static let styleSheet: String = [
        ".wbc text{font-family:Georgia,'Times New Roman',serif;dominant-baseline:central;fill:#1a1a1a;text-anchor:middle}",
        ".wbc .wbc-tick{font-size:12px}",
        ".wbc .wbc-end{text-anchor:end}",
        ".wbc .wbc-title{font-size:13px}",
        ".wbc .wbc-axis{fill:none;stroke:#1a1a1a;stroke-width:1px}",
        ".wbc .wbc-grid{stroke:#d0d0d0;stroke-width:0.6px}",
        ".wbc .wbc-marker{stroke:#777777;stroke-width:1px;stroke-dasharray:4 3}",
        ".wbc .wbc-curve{fill:none;stroke:#\(RolePalette.hex(.error));stroke-width:2px;stroke-linejoin:round}",
        ".wbc .wbc-point{fill:#\(RolePalette.hex(.error))}",
        ".wbc .wbc-bg{fill:#ffffff}",
        "@media (prefers-color-scheme:dark){.wbc text{fill:#e8e8e8}.wbc .wbc-axis{stroke:#e8e8e8}"
            + ".wbc .wbc-grid{stroke:#3a404a}.wbc .wbc-marker{stroke:#9aa0a8}.wbc .wbc-bg{fill:#161b22}"
            + ".wbc .wbc-curve{stroke:#ff7b72}.wbc .wbc-point{fill:#ff7b72}}",
    ].joined()
}
