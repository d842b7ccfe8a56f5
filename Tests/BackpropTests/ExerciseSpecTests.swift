import Backprop
import Testing

/// The spec's "exercises" key: valid lists and malformed ones, each error naming its JSON path.
@Suite struct ExerciseSpecTests {
    static func spec(exercises: String) -> String {
        """
        {"network": {"layers": [3, 2, 1], "activation": "sigmoid", "loss": "mse",
          "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8]]], "biases": [[0.1, 0.2], [0.3]]},
         "sample": {"input": [1, 0.5, -1], "target": 1},
         "exercises": \(exercises)}
        """
    }

    @Test func readsAList() throws {
        let spec = try SpecReader().read(Self.spec(exercises: """
            [{"kind": "bias-gradients"}, {"kind": "weight-gradient", "weight": [2, 1, 2]},
             {"kind": "gradient-matrix", "layer": 1, "entry": [2, 3]}, {"kind": "sgd-step"}]
            """))
        #expect(spec.exercises == [
            ExerciseRequest(kind: .biasGradients),
            ExerciseRequest(kind: .weightGradient, weight: WeightIndex(layer: 2, to: 1, from: 2)),
            ExerciseRequest(kind: .gradientMatrix, layer: 1, entry: [2, 3]),
            ExerciseRequest(kind: .sgdStep),
        ])
    }

    @Test func absentMeansDefault() throws {
        let text = Self.spec(exercises: "[]").replacingOccurrences(of: ",\n \"exercises\": []", with: "")
        #expect(try SpecReader().read(text).exercises == nil)
    }

    /// An empty list asks for no exercises (a handout ends without them).
    @Test func emptyMeansNone() throws {
        #expect(try SpecReader().read(Self.spec(exercises: "[]")).exercises == [])
    }

    @Test(arguments: [
        ("{}", "exercises", "expected an array"),
        (#"[{"kind": "bias-gradient"}]"#, "exercises[0].kind", "did you mean \"bias-gradients\""),
        (#"[{"kind": "sgd-stpe"}]"#, "exercises[0].kind", "did you mean \"sgd-step\""),
        (#"[{}]"#, "exercises[0].kind", "missing"),
        (#"[{"kind": "sgd-step", "weight": [1, 1, 1]}]"#, "exercises[0].weight", "not used by an exercise of kind \"sgd-step\""),
        (#"[{"kind": "weight-gradient", "wieght": [1, 1, 1]}]"#, "exercises[0].wieght", "did you mean \"weight\""),
        (#"[{"kind": "weight-gradient", "weight": [3, 1, 1]}]"#, "exercises[0].weight[0]", "from 1 to 2"),
        (#"[{"kind": "deeper-weight", "weight": [1, 3, 1]}]"#, "exercises[0].weight[1]", "from 1 to 2"),
        (#"[{"kind": "deeper-weight", "weight": [1, 1]}]"#, "exercises[0].weight", "expected 3 indices"),
        (#"[{"kind": "gradient-matrix", "layer": 0}]"#, "exercises[0].layer", "from 1 to 2"),
        (#"[{"kind": "gradient-matrix", "entry": [1, 1]}]"#, "exercises[0].entry", "give \"layer\" too"),
        (#"[{"kind": "gradient-matrix", "layer": 2, "entry": [1, 3]}]"#, "exercises[0].entry[1]", "from 1 to 2"),
        (#"[{"kind": 5}]"#, "exercises[0].kind", "expected a string"),
    ])
    func malformed(exercises: String, path: String, message: String) {
        do {
            _ = try SpecReader().read(Self.spec(exercises: exercises))
            Issue.record("accepted \(exercises)")
        } catch {
            #expect(error.path == path)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
