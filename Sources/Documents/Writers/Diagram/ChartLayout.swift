#if canImport(Glibc)
import Glibc  // log10 and pow on Linux
#elseif canImport(Musl)
import Musl
#endif

/// Where every part of a `LineChart` goes, in centimetres with y pointing down from the
/// top-left corner, like `DiagramLayout`: TikZ and SVG draw from this one layout.
struct ChartLayout {
    typealias Point = DiagramLayout.Point

    /// A tick on an axis: its position and its label as plain text and as TeX.
    struct Tick {
        var position: Double
        var plain: String
        var tex: String
    }

    let chart: LineChart
    let width = 12.0
    let height = 6.6
    /// The plot area.
    let left = 2.0, right = 11.6, top = 0.8, bottom = 5.4
    private(set) var xTicks: [Tick] = []
    private(set) var yTicks: [Tick] = []
    private let xRange: (low: Double, high: Double)
    private let yRange: (low: Double, high: Double)

    init(_ chart: LineChart) {
        self.chart = chart
        let xs = chart.points.map { Double($0.x) }
        let xHigh = max(xs.max() ?? 1, (xs.min() ?? 0) + 1)
        let ys = chart.points.map(\.y)
        var yLow = ys.min() ?? 0, yHigh = ys.max() ?? 1
        if yHigh - yLow <= abs(yHigh) * 1e-12 {
            // A flat curve: a band around it.
            let pad = yHigh == 0 ? 1 : abs(yHigh) / 10
            yLow -= pad
            yHigh += pad
        }
        let yStep = Self.niceStep((yHigh - yLow) / 4)
        let yFirst = (yLow / yStep.value).rounded(.down), yLast = (yHigh / yStep.value).rounded(.up)
        yRange = (yFirst * yStep.value, yLast * yStep.value)
        let xStep = Self.niceStep(max(xHigh / 6, 1))
        xRange = (0, (xHigh / xStep.value).rounded(.up) * xStep.value)
        yTicks = stride(from: yFirst, through: yLast, by: 1).map { n in
            let label = Self.decimal(Int(n) * yStep.mantissa, exponent: yStep.exponent)
            return Tick(position: y(n * yStep.value), plain: label.plain, tex: label.tex)
        }
        xTicks = stride(from: 0.0, through: xRange.high / xStep.value, by: 1).map { n in
            let label = Self.decimal(Int(n) * xStep.mantissa, exponent: xStep.exponent)
            return Tick(position: x(n * xStep.value), plain: label.plain, tex: label.tex)
        }
    }

    /// The horizontal position of step `value`.
    func x(_ value: Double) -> Double {
        left + (value - xRange.low) / (xRange.high - xRange.low) * (right - left)
    }

    /// The vertical position of `value`.
    func y(_ value: Double) -> Double {
        bottom - (value - yRange.low) / (yRange.high - yRange.low) * (bottom - top)
    }

    /// The curve's points in the plot.
    var curve: [Point] { chart.points.map { Point(x: x(Double($0.x)), y: y($0.y)) } }

    /// Whether the points are few enough to mark each one.
    var marksPoints: Bool { chart.points.count <= 60 }

    /// Where the axis titles go (the y title is drawn turned by 90°).
    var xTitleCentre: Point { Point(x: (left + right) / 2, y: height - 0.3) }
    var yTitleCentre: Point { Point(x: 0.35, y: (top + bottom) / 2) }
    /// The labels of markers sit above the plot area.
    var markerLabelY: Double { top - 0.4 }

    /// 1, 2 or 5 × 10ᵉ, the nearest at or above `rough`.
    static func niceStep(_ rough: Double) -> (value: Double, mantissa: Int, exponent: Int) {
        let exponent = Int(log10(rough).rounded(.down))
        let scale = pow(10, Double(exponent))
        for mantissa in [1, 2, 5] where Double(mantissa) * scale >= rough * (1 - 1e-9) {
            return (Double(mantissa) * scale, mantissa, exponent)
        }
        return (10 * scale, 1, exponent + 1)
    }

    /// n × 10ᵉ written exactly: `0.25`, `300`, or `2×10⁻⁸` when the decimal would be long.
    static func decimal(_ n: Int, exponent: Int) -> (plain: String, tex: String) {
        let sign = n < 0 ? "−" : ""
        let texSign = n < 0 ? "-" : ""
        let digits = String(abs(n))
        if n == 0 { return ("0", "0") }
        if exponent >= 0 && exponent <= 6 {
            let text = digits + String(repeating: "0", count: exponent)
            return (sign + text, texSign + text)
        }
        if exponent < 0 && exponent >= -6 {
            let padded = String(repeating: "0", count: max(0, -exponent - digits.count + 1)) + digits
            let point = padded.index(padded.endIndex, offsetBy: exponent)
            var text = String(padded[..<point]) + "." + String(padded[point...])
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return (sign + text, texSign + text)
        }
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        let power = String(String(exponent).map { superscripts[$0]! })
        return (sign + digits + "×10" + power, texSign + digits + "\\times 10^{\(exponent)}")
    }
}
