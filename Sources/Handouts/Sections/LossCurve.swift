import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// The losses of a training run: a table of the loss per step (the first and last steps when
/// there are many), the curve as a figure, and what the curve shows, computed from the
/// certified losses: whether it fell at every step, where it rose, and the total change.
struct LossCurve {
    let values: [String: MustacheValue]
    let figure: Figure

    init(_ d: Derivation, _ run: TrainingRun) throws {
        let display = d.display
        let losses = run.losses
        let steps = run.training.steps
        let samples = d.spec.samples.count
        var values: [String: MustacheValue] = [
            "steps": .number(String(steps)),
            "sampleCount": .number(String(samples)),
            "batchSize": .number(String(run.training.batchSize)),
        ]

        // The table: every step, or the first and last ones around a gap.
        let listed = Self.listedSteps(steps)
        var rows: [MustacheValue] = []
        for (position, step) in listed.enumerated() {
            if position > 0 && step != listed[position - 1] + 1 { rows.append(.object(["isGap": true])) }
            let used = step == 0 ? "—" : IndexList.text(run.training.sampleIndices(ofStep: step - 1, count: samples).map { $0 + 1 })
            rows.append(.object([
                "step": .number(String(step)),
                "samples": .string(used),
                "loss": .string(try display.tex(losses[step])),
                "relation": .string(try display.relation(losses[step])),
            ]))
        }
        values["rows"] = .list(rows)
        values["summarised"] = .bool(listed.count < steps + 1)
        if let gap = listed.indices.dropFirst().first(where: { listed[$0] != listed[$0 - 1] + 1 }) {
            values["firstListedEnd"] = .number(String(listed[gap - 1]))
            values["lastListedStart"] = .number(String(listed[gap]))
        }

        // Epochs: passes over the data. Marked only when a step takes fewer than all samples.
        let epochs = run.epoch(ofStep: steps - 1, sampleCount: samples) + 1
        let marksEpochs = run.training.batchSize < samples && epochs > 1
        values["epochs"] = .number(String(epochs))
        values["severalEpochs"] = .bool(marksEpochs)
        values["epochWord"] = .string(epochs == 1 ? "epoch" : "epochs")
        values["partialLast"] = .bool((steps * run.training.batchSize) % samples != 0)
        values["hasSamplesColumn"] = .bool(samples > 1)

        // What the curve shows: the steps at which the loss rose, fell or stayed.
        var rises: [Int] = []
        var unchanged: [Int] = []
        for step in 1...steps {
            let before = losses[step - 1], after = losses[step]
            // The same certified value twice is the same number: the step changed nothing.
            let sign = before == after ? 0 : try d.sign(d.arithmetic.subtract(after, before))
            if sign > 0 { rises.append(step) }
            if sign == 0 { unchanged.append(step) }
        }
        values["monotone"] = .bool(rises.isEmpty && unchanged.isEmpty)
        values["neverRose"] = .bool(rises.isEmpty && !unchanged.isEmpty && unchanged.count < steps)
        values["neverChanged"] = .bool(unchanged.count == steps)
        values["rose"] = .bool(!rises.isEmpty)
        values["riseCount"] = .number(String(rises.count))
        values["riseWord"] = .string(rises.count == 1 ? "step" : "steps")
        values["firstRise"] = .number(String(rises.first ?? 0))
        values["unchangedCount"] = .number(String(unchanged.count))
        values["unchangedWord"] = .string(unchanged.count == 1 ? "step" : "steps")
        let total = d.arithmetic.subtract(losses[steps], losses[0])
        let direction = losses[steps] == losses[0] ? 0 : try d.sign(total)
        let ends = try display.distinguishing(losses[0], losses[steps])
        values["first"] = .string(try ends.tex(losses[0]))
        values["firstRelation"] = .string(try ends.relation(losses[0]))
        values["last"] = .string(try ends.tex(losses[steps]))
        values["lastRelation"] = .string(try ends.relation(losses[steps]))
        values["fell"] = .bool(direction < 0)
        values["grew"] = .bool(direction > 0)
        if direction != 0 { values.merge(try d.changeSize(total, from: losses[0])) { $1 } }
        self.values = values

        let lossName = d.notation.lossTeX
        let markers = marksEpochs
            ? (1..<epochs).map { e in
                LineChart.Marker(x: Double(e * samples) / Double(run.training.batchSize), label: epochs <= 8 ? "epoch \(e + 1)" : "")
            }
            : []
        let chart = LineChart(
            points: losses.enumerated().map { LineChart.Point(x: $0.offset, y: $0.element.toDouble()) },
            xTitle: "step", yTitle: samples == 1 ? "loss" : "mean loss over the \(samples) samples", markers: markers
        )
        var caption: [Inline] = [
            .text(samples == 1 ? "The loss " : "The mean loss "),
            .math(Math(lossName)),
            .text(" before the first step (step 0) and after each of the \(steps) steps"),
        ]
        if marksEpochs { caption.append(.text("; dashed lines mark where each epoch, a pass over the \(samples) samples, begins")) }
        caption.append(.text("."))
        figure = Figure(id: "fig:loss-curve", caption: caption, graphic: .lineChart(chart))
    }

    /// The steps the table lists: all of 0…N, or the first and last ones.
    static func listedSteps(_ steps: Int) -> [Int] {
        let limit = UpdateSection.maximumListedSteps
        guard steps + 1 > limit else { return Array(0...steps) }
        return Array(0..<(limit - 4)) + Array((steps - 3)...steps)
    }
}
