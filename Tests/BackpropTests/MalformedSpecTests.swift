import Backprop
import Testing

/// Malformed specs, each rejected with a message that names the JSON path and says what was
/// expected. The messages are part of the interface: users read them.
@Suite struct MalformedSpecTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        /// Edits applied to the valid base spec's text: (find, replace).
        let edits: [(String, String)]
        let message: String
        var description: String { name }
    }

    static let base = """
    {"network": {"layers": [3, 2, 1], "activation": "sigmoid", "loss": "mse",
     "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8]]], "biases": [[0.1, 0.2], [0.3]]},
     "sample": {"input": [1.0, 0.5, -1.0], "target": [1.0]},
     "focus": {"weight": [1, 1, 1]}, "learningRate": 0.5, "epsilon": 1e-5}
    """

    static let cases: [Case] = [
        Case(name: "syntax error", edits: [("\"loss\": \"mse\",", "\"loss\": \"mse\"")],
             message: "invalid JSON at line 2, column 2: expected ',' or '}' after an object member"),
        Case(name: "not an object", edits: [(base, "[1, 2]")], message: "expected an object, got an array"),
        Case(name: "unknown top-level key", edits: [("\"epsilon\"", "\"epsilom\"")],
             message: "epsilom: unknown key \"epsilom\"; did you mean \"epsilon\"?"),
        Case(name: "unknown key far from any", edits: [("\"learningRate\": 0.5,", "\"colour\": 1, \"learningRate\": 0.5,")],
             message: "colour: unknown key \"colour\"; expected one of \"title\", \"subtitle\", \"author\", \"course\", \"date\", \"network\", \"sample\", \"batch\", \"focus\", \"learningRate\", \"epsilon\", \"exercises\", \"training\""),
        Case(name: "missing network", edits: [("{\"network\"", "{\"netw0rk\"")],
             message: "netw0rk: unknown key \"netw0rk\"; did you mean \"network\"?"),
        Case(name: "missing sample", edits: [("\"sample\": {\"input\": [1.0, 0.5, -1.0], \"target\": [1.0]},", "")],
             message: "sample: missing; give \"sample\" (one input and target) or \"batch\" (a list of them); only `handout --symbolic` works without one"),
        Case(name: "unknown activation", edits: [("\"sigmoid\"", "\"sigmoyd\"")],
             message: "network.activation: unknown name \"sigmoyd\"; did you mean \"sigmoid\"? Expected one of \"sigmoid\", \"tanh\", \"relu\", \"linear\", \"softmax\""),
        Case(name: "unknown loss", edits: [("\"mse\"", "\"hinge\"")],
             message: "network.loss: unknown name \"hinge\"; expected one of \"mse\", \"cross-entropy\""),
        Case(name: "activation and activations", edits: [("\"activation\": \"sigmoid\",", "\"activation\": \"sigmoid\", \"activations\": [\"relu\", \"linear\"],")],
             message: "network.activations: conflicts with \"activation\"; give one of the two"),
        Case(name: "no activation", edits: [("\"activation\": \"sigmoid\",", "")],
             message: "network.activation: missing; give \"activation\" (one for all layers) or \"activations\" (one per layer)"),
        Case(name: "wrong number of activations", edits: [("\"activation\": \"sigmoid\",", "\"activations\": [\"relu\"],")],
             message: "network.activations: expected 2 activations (one per layer after the input), got 1"),
        Case(name: "softmax on a hidden layer", edits: [("\"activation\": \"sigmoid\",", "\"activations\": [\"softmax\", \"sigmoid\"],")],
             message: "network.activations[0]: softmax is only for the output layer, but layer 1 is hidden"),
        Case(name: "softmax everywhere", edits: [("\"activation\": \"sigmoid\"", "\"activation\": \"softmax\"")],
             message: "network.activation: softmax is only for the output layer; use \"activations\" to give it to the output layer alone"),
        Case(name: "one-neuron softmax", edits: [("\"activation\": \"sigmoid\",", "\"activations\": [\"tanh\", \"softmax\"],")],
             message: "network.activations: a softmax output needs at least 2 neurons; with 1 it is the constant 1"),
        Case(name: "cross-entropy with a tanh output", edits: [("\"activation\": \"sigmoid\",", "\"activations\": [\"sigmoid\", \"tanh\"],"), ("\"mse\"", "\"cross-entropy\"")],
             message: "network.loss: cross-entropy needs a softmax output layer or a single sigmoid output neuron; the output layer is 1 tanh neuron(s)"),
        Case(name: "binary cross-entropy target out of range", edits: [("\"mse\"", "\"cross-entropy\""), ("\"target\": [1.0]", "\"target\": [1.5]")],
             message: "sample.target: a binary cross-entropy target is a probability; expected 0 ≤ y ≤ 1, got 1.5"),
        Case(name: "too few layers", edits: [("[3, 2, 1]", "[3]")],
             message: "network.layers: expected at least 2 layers (the input and an output layer), got 1"),
        Case(name: "zero-width layer", edits: [("[3, 2, 1]", "[3, 0, 1]")],
             message: "network.layers[1]: expected a layer width ≥ 1, got 0"),
        Case(name: "absurd width", edits: [("[3, 2, 1]", "[3, 1000000000, 1]")],
             message: "network.layers[1]: expected a layer width ≤ 4096, got 1000000000"),
        Case(name: "width beyond any integer", edits: [("[3, 2, 1]", "[3, 99999999999999999999999, 1]")],
             message: "network.layers[1]: expected a whole number of reasonable size, got 99999999999999999999999"),
        Case(name: "too wide", edits: [("[3, 2, 1]", "[3, 5000, 1]")],
             message: "network.layers[1]: expected a layer width ≤ 4096, got 5000"),
        Case(name: "too many parameters", edits: [("[3, 2, 1]", "[4000, 4000, 1]")],
             message: "network.layers: these layers have 16008001 parameters; at most 2000000 are accepted"),
        Case(name: "fractional width", edits: [("[3, 2, 1]", "[3, 2.5, 1]")],
             message: "network.layers[1]: expected a whole number of reasonable size, got 2.5"),
        Case(name: "width as string", edits: [("[3, 2, 1]", "[3, \"2\", 1]")],
             message: "network.layers[1]: expected a whole number, got a string"),
        Case(name: "too many weight rows", edits: [("[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]", "[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0, 0, 0]]")],
             message: "network.weights[0]: expected 2 rows (layer 1 has 2 neurons), got 3"),
        Case(name: "short weight row", edits: [("[0.4, 0.5, 0.6]", "[0.4, 0.5]")],
             message: "network.weights[0][1]: expected 3 entries (layer 0 has 3 neurons), got 2"),
        Case(name: "missing weight matrix", edits: [(", [[0.7, 0.8]]]", "]")],
             message: "network.weights: expected 2 weight matrices (one per layer after the input), got 1"),
        Case(name: "weight as object", edits: [("[[0.7, 0.8]]]", "[[0.7, {\"v\": 1}]]]")],
             message: "network.weights[1][0][1]: expected a number (or a fraction string such as \"1/3\"), got an object"),
        Case(name: "bias vector too long", edits: [("[[0.1, 0.2], [0.3]]", "[[0.1, 0.2], [0.3, 0.4]]")],
             message: "network.biases[1]: expected 1 entries (layer 2 has 1 neurons), got 2"),
        Case(name: "NaN literal", edits: [("0.5, 0.6]", "NaN, 0.6]")],
             message: "invalid JSON at line 2, column 38: NaN and Infinity are not JSON numbers; write a finite number"),
        Case(name: "NaN string", edits: [("0.5, 0.6]", "\"NaN\", 0.6]")],
             message: "network.weights[0][1][1]: expected a finite number, got \"NaN\""),
        Case(name: "huge exponent", edits: [("[0.7, 0.8]", "[0.7, 1e999999999]")],
             message: "network.weights[1][0][1]: the exponent of 1e999999999 is out of range; expected at most ±300"),
        Case(name: "magnitude too large", edits: [("[0.7, 0.8]", "[0.7, 1e200]")],
             message: "network.weights[1][0][1]: expected a magnitude ≤ 1000000, got 1e200"),
        Case(name: "zero denominator", edits: [("[0.7, 0.8]", "[0.7, \"1/0\"]")],
             message: "network.weights[1][0][1]: the fraction \"1/0\" has a zero denominator"),
        Case(name: "bad fraction", edits: [("[0.7, 0.8]", "[0.7, \"one third\"]")],
             message: "network.weights[1][0][1]: expected a number such as 0.25, -1.5e-3 or \"1/3\", got \"one third\""),
        Case(name: "input too short", edits: [("[1.0, 0.5, -1.0]", "[1.0, 0.5]")],
             message: "sample.input: expected 3 entries (the input layer has 3 neurons), got 2"),
        Case(name: "target wrong length", edits: [("\"target\": [1.0]", "\"target\": [1.0, 0.0]")],
             message: "sample.target: expected 1 entries (the output layer has 1 neurons), got 2"),
        Case(name: "unknown sample key", edits: [("\"target\":", "\"targets\":")],
             message: "sample.targets: unknown key \"targets\"; did you mean \"target\"?"),
        Case(name: "focus layer out of range", edits: [("[1, 1, 1]", "[3, 1, 1]")],
             message: "focus.weight[0]: expected a layer l from 1 to 2, got 3"),
        Case(name: "focus neuron out of range", edits: [("[1, 1, 1]", "[1, 3, 1]")],
             message: "focus.weight[1]: expected a neuron j from 1 to 2 (layer 1 has 2), got 3"),
        Case(name: "focus source out of range", edits: [("[1, 1, 1]", "[1, 1, 0]")],
             message: "focus.weight[2]: expected a neuron k from 1 to 3 (layer 0 has 3), got 0"),
        Case(name: "focus with two indices", edits: [("[1, 1, 1]", "[1, 1]")],
             message: "focus.weight: expected 3 indices [l, j, k], got 2"),
        Case(name: "focus weight and bias", edits: [("{\"weight\": [1, 1, 1]}", "{\"weight\": [1, 1, 1], \"bias\": [1, 1]}")],
             message: "focus.bias: conflicts with \"weight\"; the focus is one parameter"),
        Case(name: "empty focus", edits: [("{\"weight\": [1, 1, 1]}", "{}")],
             message: "focus: expected {\"weight\": [l, j, k]} or {\"bias\": [l, j]}"),
        Case(name: "zero epsilon", edits: [("1e-5", "0")], message: "epsilon: expected 0 < ε ≤ 1, got 0"),
        Case(name: "negative epsilon", edits: [("1e-5", "-1e-5")], message: "epsilon: expected 0 < ε ≤ 1, got -0.00001"),
        Case(name: "negative learning rate", edits: [("\"learningRate\": 0.5", "\"learningRate\": -0.5")],
             message: "learningRate: expected a learning rate ≥ 0, got -0.5"),
        Case(name: "title not a string", edits: [("{\"network\"", "{\"title\": 5, \"network\"")],
             message: "title: expected a string, got a number"),
        Case(name: "title with a line break", edits: [("{\"network\"", "{\"title\": \"a\\nb\", \"network\"")],
             message: "title: control characters (such as line breaks) are not allowed in this text"),
        Case(name: "duplicate key", edits: [("\"learningRate\": 0.5,", "\"learningRate\": 0.5, \"learningRate\": 0.1,")],
             message: "invalid JSON at line 4, column 55: duplicate key \"learningRate\""),
    ]

    static func apply(_ edits: [(String, String)]) -> String {
        edits.reduce(base) { text, edit in
            precondition(text.contains(edit.0), "edit target not found: \(edit.0)")
            return text.replacing(edit.0, with: edit.1, maxReplacements: 1)
        }
    }

    @Test func theBaseSpecIsValid() throws {
        _ = try SpecReader().read(Self.base)
    }

    @Test(arguments: cases)
    func rejected(_ bad: Case) {
        do {
            _ = try SpecReader().read(Self.apply(bad.edits))
            Issue.record("accepted: \(bad.name)")
        } catch {
            #expect(error.description == bad.message)
        }
    }
}
