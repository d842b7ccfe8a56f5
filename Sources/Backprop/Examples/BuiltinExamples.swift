/// Specs built into the tool, so it runs without any file. A test keeps each equal to its
/// copy in `Examples/`.
public enum BuiltinExamples {
    /// The network of the seed handouts 000/001 (`Examples/seed-000.json`).
    public static let seed000 = #"""
{
  "title": "Backpropagation Worked Example",
  "subtitle": "Computing one partial derivative in a [3, 2, 2, 1] network",
  "network": {
    "layers": [3, 2, 2, 1],
    "activation": "sigmoid",
    "loss": "mse",
    "weights": [
      [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
      [[0.7, 0.8], [0.9, 1.0]],
      [[0.3, 0.4]]
    ],
    "biases": [[0.1, 0.2], [0.1, 0.2], [0.1]]
  },
  "sample": {"input": [1.0, 0.5, -1.0], "target": [1.0]},
  "focus": {"weight": [1, 1, 1]},
  "learningRate": 0.5,
  "epsilon": 1e-5
}

"""#
}
