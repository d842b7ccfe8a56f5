/// Each graphic drawn in the medium a writer needs; writers call these, never a drawing type.
extension Graphic {
    /// The graphic as a TikZ picture.
    func tikz() -> String {
        switch self {
        case .network(let diagram): TikZDiagram(diagram: diagram).render()
        case .lineChart(let chart): TikZChart(chart: chart).render()
        }
    }

    /// The graphic as SVG named `title`; `standalone` for a file of its own.
    func svg(title: String, standalone: Bool) -> String {
        switch self {
        case .network(let diagram): SVGDiagram(diagram: diagram, title: title, standalone: standalone).render()
        case .lineChart(let chart): SVGChart(chart: chart, title: title, standalone: standalone).render()
        }
    }

    /// Throws when the graphic names something that does not exist or cannot be drawn.
    func validate() throws(WriterError) {
        switch self {
        case .network(let diagram): try diagram.validate()
        case .lineChart(let chart): try chart.validate()
        }
    }
}
