/// A line chart of one series over whole-numbered steps: a loss curve. Writers draw it as TikZ
/// or SVG from one shared layout; nothing here is format-specific.
public struct LineChart: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        /// The step (0 for the value before any step).
        public var x: Int
        public var y: Double
        public init(x: Int, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A vertical mark at a step, such as the start of an epoch.
    public struct Marker: Hashable, Sendable {
        public var x: Double
        /// Plain text over the mark ("epoch 2"); empty for none.
        public var label: String
        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    public var points: [Point]
    /// Axis titles as plain Unicode text ("step", "mean loss 𝓛").
    public var xTitle: String
    public var yTitle: String
    public var markers: [Marker]

    public init(points: [Point], xTitle: String, yTitle: String, markers: [Marker] = []) {
        self.points = points
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.markers = markers
    }

    /// Throws unless there is something finite to draw.
    func validate() throws(WriterError) {
        guard !points.isEmpty, points.allSatisfy({ $0.y.isFinite }) else {
            throw WriterError.invalidChart("a line chart needs at least one point, every value finite")
        }
    }
}

/// What a figure draws.
public enum Graphic: Hashable, Sendable {
    /// A network of nodes in layers.
    case network(LayeredDiagram)
    /// A curve over steps.
    case lineChart(LineChart)
}
