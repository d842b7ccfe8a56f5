@testable import Documents
import Testing

/// A node's value line must not touch the node below it: in a [14, 16, 3] figure the
/// output values (`0.03208`) sat against the next circle.
@Suite struct DiagramLayoutTests {
    /// Half the height of a value line (footnote size) in centimetres, generously.
    static let halfTextHeight = 0.2

    @Test(arguments: 2...16) func valuesClearTheNodeBelow(_ nodes: Int) {
        let column = LayeredDiagram.Column(title: "Layer", nodes: (0..<nodes).map {
            .init(label: Math("a_{\($0)}"), plainLabel: "a\($0)", value: "0.0320\($0)", role: .activation)
        })
        let layout = DiagramLayout(LayeredDiagram(columns: [column, column], edges: []))
        let centres = layout.centres[0]
        let clearance = centres[1].y - layout.nodeRadius - (centres[0].y + layout.valueOffset + Self.halfTextHeight)
        // The shown columns of a summarised layer (at most nine entries) get a clear gap; the
        // tallest, `--full` up to 16, stay apart but tighter so the figure fits a page.
        #expect(clearance >= (nodes <= 9 ? 0.3 : 0.1), "clearance \(clearance) cm with \(nodes) nodes")
        #expect(layout.height <= 27, "a figure of \(nodes) nodes must fit a page")
    }
}
