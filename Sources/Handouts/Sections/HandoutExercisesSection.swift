import Backprop
import Documents

/// The exercises at the end of the handout (seed 000 §7): the sheet's statements, built by the
/// same exercise builders from the same plan, without answers; left out when the spec's
/// `exercises` list is empty. Of a batch they concern the first sample, as the sheet does.
/// Blocks: the statements' `exN.*`.
enum HandoutExercisesSection {
    static func build(_ d: Derivation) throws -> SectionOutput {
        let single = d.spec.firstSampleAlone
        guard single.exercises?.isEmpty != true else { return SectionOutput(values: ["present": false]) }
        let plan = ExercisePlan.resolve(single)
        var items: [MustacheValue] = []
        var blocks: [String: Block] = [:]
        for (i, exercise) in plan.exercises.enumerated() {
            let number = i + 1
            let output = try ExerciseGenerator.output(of: exercise, d, number: number, prefix: "ex\(number)")
            items.append(.object(ExerciseGenerator.statement(of: exercise, output, number: number)))
            blocks.merge(output.statementBlocks) { first, _ in first }
        }
        return SectionOutput(values: [
            "present": true,
            "list": .list(items),
            "omitted": .list(ExerciseGenerator.omissions(plan, d).map { .object(["text": .string($0)]) }),
            "firstSampleOnly": .bool(d.spec.isBatch),
            "count": .number(String(items.count)),
        ], blocks: blocks)
    }
}
