/// Draws a `LayeredDiagram` as SVG: inline in HTML, or as a file beside Markdown. Text uses
/// the nodes' plain Unicode labels; colours follow the role palette; a `<style>` inside the
/// drawing adapts it to a dark colour scheme.
struct SVGDiagram {
    /// Pixels per layout centimetre.
    private static let scale = 38.0

    var diagram: LayeredDiagram
    /// An accessible name for the drawing (the figure caption as plain text).
    var title: String
    /// A standalone file gets an XML declaration, a namespace and an opaque background.
    var standalone: Bool

    func render() -> String {
        let layout = DiagramLayout(diagram)
        let escape = TextEscaping.html
        let width = px(layout.width)
        let height = px(layout.height)
        var lines: [String] = []
        if standalone { lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wbd\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\">")
        lines.append("<title>\(escape(title))</title>")
        lines.append("<style>\(Self.styleSheet)</style>")
        if standalone {
            lines.append("<rect class=\"wbd-bg\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" rx=\"8\"/>")
        }
        for (column, centre) in zip(diagram.columns, layout.titleCentres) {
            lines.append(text(column.title, at: centre, className: "wbd-title"))
        }
        for edge in layout.edgesInDrawingOrder {
            let (from, to) = layout.segment(edge)
            lines.append(line(from, to, className: "wbd-edge wbd-edge-\(EdgeStyle.name(edge.emphasis))"))
        }
        for (column, centres) in zip(diagram.columns, layout.centres) {
            for (node, centre) in zip(column.nodes, centres) {
                let highlight = node.highlighted ? " wbd-highlight" : ""
                lines.append(
                    "<circle class=\"wbd-node wbd-\(node.role.rawValue)\(highlight)\" cx=\"\(px(centre.x))\" "
                        + "cy=\"\(px(centre.y))\" r=\"\(px(layout.nodeRadius))\"/>")
                lines.append(label(node.plainLabel, at: centre, diameter: 2 * layout.nodeRadius))
                if let value = node.value {
                    let below = DiagramLayout.Point(x: centre.x, y: centre.y + layout.valueOffset)
                    lines.append(text(value, at: below, className: "wbd-value"))
                }
            }
        }
        for row in layout.legendRows {
            lines.append(line(row.lineStart, row.lineEnd, className: "wbd-edge wbd-edge-\(EdgeStyle.name(row.entry.emphasis))"))
            lines.append(text(row.entry.text, at: row.textStart, className: "wbd-legend"))
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    private func px(_ centimetres: Double) -> String { formatCoordinate(centimetres * Self.scale) }

    private func text(_ content: String, at point: DiagramLayout.Point, className: String) -> String {
        "<text class=\"\(className)\" x=\"\(px(point.x))\" y=\"\(px(point.y))\">\(TextEscaping.html(DiagramText.minusSigns(content)))</text>"
    }

    /// A node label, squeezed to the circle when its estimated width would overflow it.
    private func label(_ content: String, at point: DiagramLayout.Point, diameter: Double) -> String {
        // Estimated at 14px type: ~7.7px a character, sub- and superscripts about half that.
        let width = content.unicodeScalars.reduce(0.0) { total, scalar in
            let small = (0x2070...0x209F).contains(scalar.value) || [0xB2, 0xB3, 0xB9].contains(scalar.value)
            return total + (small ? 4.2 : 7.7)
        }
        let room = diameter * Self.scale * 0.86
        guard width > room else { return text(content, at: point, className: "wbd-label") }
        return "<text class=\"wbd-label\" x=\"\(px(point.x))\" y=\"\(px(point.y))\" textLength=\"\(formatCoordinate(room))\" "
            + "lengthAdjust=\"spacingAndGlyphs\">\(TextEscaping.html(DiagramText.minusSigns(content)))</text>"
    }

    private func line(_ from: DiagramLayout.Point, _ to: DiagramLayout.Point, className: String) -> String {
        "<line class=\"\(className)\" x1=\"\(px(from.x))\" y1=\"\(px(from.y))\" x2=\"\(px(to.x))\" y2=\"\(px(to.y))\"/>"
    }

    /// The drawing's styles; the same for every diagram, so several inline ones agree.
    private static let styleSheet: String = {
        var rules: [String] = [
            ".wbd text{font-family:Georgia,'Times New Roman',serif;dominant-baseline:central;fill:#1a1a1a}",
            ".wbd .wbd-title{font-size:13px;font-weight:bold;text-anchor:middle}",
            ".wbd .wbd-label{font-size:14px;text-anchor:middle}",
            // A halo in the background colour keeps crossing edges out of the digits.
            ".wbd .wbd-value{font-size:12px;text-anchor:middle;fill:#333;paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round}",
            ".wbd .wbd-legend{font-size:13px;text-anchor:start}",
            ".wbd .wbd-node{stroke-width:1.2px}",
            ".wbd .wbd-highlight{stroke-width:3px}",
            ".wbd .wbd-bg{fill:#ffffff}",
            ".wbd .wbd-edge{fill:none;stroke-linecap:round}",
        ]
        for role in RolePalette.roles {
            rules.append(".wbd .wbd-\(role.rawValue){fill:#\(RolePalette.tint(role));stroke:#\(RolePalette.hex(role))}")
        }
        for emphasis: LayeredDiagram.Edge.Emphasis in [.normal, .path, .focus] {
            let dash = EdgeStyle.dashed(emphasis) ? ";stroke-dasharray:6 4" : ""
            rules.append(
                ".wbd .wbd-edge-\(EdgeStyle.name(emphasis)){stroke:#\(EdgeStyle.colour(emphasis));"
                    + "stroke-width:\(formatCoordinate(EdgeStyle.width(emphasis) * 1.4))px\(dash)}")
        }
        // Dark scheme: light text; on a page the background is the page's, in a file our own.
        rules.append(
            "@media (prefers-color-scheme:dark){.wbd text{fill:#e8e8e8}.wbd .wbd-value{fill:#cfcfcf}"
                + ".wbd .wbd-value{stroke:#161b22}.wbd .wbd-label{fill:#1a1a1a}.wbd .wbd-bg{fill:#161b22}}")
        return rules.joined()
    }()
}
