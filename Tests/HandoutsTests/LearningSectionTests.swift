import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing
import TestSupport

/// Issue 13 in the handout: the update step, the mini-batch section, the loss curve in every
/// format, and the exercises at the end.
@Suite struct LearningSectionTests {
    /// The text of `document` from the heading containing `start` up to the next heading of
    /// the same level containing one of `ends` (or the end).
    static func section(_ document: String, from start: String, to ends: [String]) -> Substring {
        guard let begin = document.range(of: start) else { return "" }
        let rest = document[begin.lowerBound...]
        let end = ends.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        return rest[..<end]
    }

    @Test func seed002ShowsItsPromisedUpdate() throws {
        let handout = try HandoutFixtures.handout(try HandoutFixtures.spec("seed-002.json"), .markdown)
        let update = Self.section(handout, from: "Learning: a Step of Gradient Descent", to: ["## "])
        // REFERENCE.md: the updated W⁽²⁾ is (0.71183…, 0.81166…).
        #expect(update.contains("0.7118 & 0.8117"))
        #expect(update.contains("The loss decreased from $0.02092$ to $0.01978$"))
        #expect(!handout.contains("Training for"), "one step draws no curve")
    }

    @Test func theLossCurveIsDrawnInEveryFormat() throws {
        let spec = try HandoutFixtures.spec("seed-003.json")
        var options = HandoutOptions(format: .latex)
        let latex = try HandoutGenerator(options: options).generate(spec).main
        #expect(latex.contains("\\label{fig:loss-curve}"))
        #expect(latex.contains("wbcurve"))
        options.format = .html
        let html = try HandoutGenerator(options: options).generate(spec).main
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wbc\""))
        #expect(html.contains("class=\"wbc-curve\""))
        options.format = .markdown
        let markdown = try HandoutGenerator(options: options).generate(spec)
        let curve = try #require(markdown.attachments.first { $0.contents.contains("class=\"wbc\"") })
        #expect(markdown.main.contains("](\(curve.name))"))
        // 24 steps of 2 over 4 samples: 12 epochs, each start after the first marked.
        #expect(curve.contents.components(separatedBy: "class=\"wbc-marker\"").count - 1 == 11)
        #expect(curve.contents.components(separatedBy: "class=\"wbc-point\"").count - 1 == 25)
    }

    @Test func whatTheCurveShowsIsComputed() throws {
        func training(_ eta: Rational) throws -> Substring {
            let spec = LearningSpecs.make([2, 3, 1], [.tanh, .linear], samples: 3, steps: 6, batchSize: 1, learningRate: eta)
            return Self.section(try HandoutFixtures.handout(spec, .markdown), from: "Training for", to: ["## "])
        }
        let still = try training(Rational(0))
        #expect(still.contains("The loss stayed the same at every step."))
        #expect(!still.contains("fell") && !still.contains("rose"))
        let steady = try training(Rational(1, 20))
        #expect(steady.contains("The loss fell at every one of the 6 steps.") || steady.contains("did not fall at every step"))
        let wild = try training(Rational(50))
        #expect(wild.contains("it rose at") || wild.contains("Over the 6 steps it rose"))
    }

    @Test func aBatchHandoutAveragesTheSamples() throws {
        let spec = LearningSpecs.cases[0].spec
        let trace = try Engine(precision: 192).trace(spec)
        let handout = try HandoutFixtures.handout(spec, .markdown)
        let batch = Self.section(handout, from: "The Mini-batch", to: ["## "])
        #expect(batch.contains("a mini-batch of $m = 3$ samples"))
        let format = DecimalFormat(.significantDigits(4))
        for pass in try #require(trace.batch).samples {
            #expect(batch.contains(try #require(pass.loss.formatted(format)).text))
        }
        #expect(batch.contains(try #require(trace.meanFocusGradient.formatted(format)).text))
        #expect(handout.contains("for a mini-batch of 3 training samples, whose loss is the mean of theirs"))
        #expect(handout.contains("in them $\\mathcal{L}$ stands for its loss $\\mathcal{L}_{1}$"))
    }

    @Test func theSeedHandoutEndsWithItsExercisesAndNoAnswers() throws {
        let spec = HandoutFixtures.seed000
        let handout = try HandoutFixtures.handout(spec, .markdown)
        let exercises = Self.section(handout, from: "Exercises", to: ["Appendix"])
        for n in 1...5 { #expect(exercises.contains("**Exercise \(n):")) }
        #expect(!exercises.contains("**Exercise 6"))
        #expect(exercises.contains("The worked answers are in the answer key"))
        // None of the key's answers appears in the statements.
        let set = try ExerciseGenerator(options: HandoutOptions(format: .markdown)).generate(spec)
        let statements = exercises.replacingOccurrences(of: "0.5", with: "")  // η = 0.5 is given
        for answer in set.answers where answer.shown.count >= 5 {
            #expect(!statements.contains(answer.shown), "answer \(answer.id) = \(answer.shown) in the statements")
        }
        #expect(handout.range(of: "Exercises")!.lowerBound > handout.range(of: "Summary")!.lowerBound)
    }

    @Test func anEmptyExerciseListLeavesThemOut() throws {
        var spec = HandoutFixtures.seed000
        spec.exercises = []
        let handout = try HandoutFixtures.handout(spec, .markdown)
        #expect(!handout.contains("Exercise 1"))
        #expect(throws: HandoutError.self) { try ExerciseGenerator(options: HandoutOptions(format: .markdown)).generate(spec) }
    }
}
