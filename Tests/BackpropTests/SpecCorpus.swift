/// A corpus of hostile and malformed specs, every one with the exact message it must be
/// rejected with: syntax, types and shapes at every level (document, network, sample, focus),
/// numbers out of range or not finite, near-miss names, conflicting keys, absurd sizes.
///
/// Most cases are edits of one valid base spec, so each shows a single fault; the rest are
/// whole texts. Sizes are claimed in a few bytes (`[4096, 4096, …]`) but refused before
/// anything is built from them, which is why even the absurd cases are fast.
enum SpecCorpus {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        let message: String
        var description: String { name }

        /// The base spec with `edits` applied in order, each (find, replace) at its first occurrence.
        init(_ name: String, _ edits: [(String, String)], _ message: String) {
            self.name = name
            self.text = SpecCorpus.apply(edits)
            self.message = message
        }

        init(_ name: String, text: String, _ message: String) {
            self.name = name
            self.text = text
            self.message = message
        }
    }

    /// Valid: a [2, 3, 2] tanh/sigmoid network with MSE, a bias focus and a fraction string.
    static let base = #"""
    {"title": "Corpus base",
     "network": {"layers": [2, 3, 2], "activations": ["tanh", "sigmoid"], "loss": "mse",
      "weights": [[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]],
      "biases": [[0.1, 0.2, 0.3], [0.4, 0.5]]},
     "sample": {"input": [1, -1], "target": [0.5, 0.25]},
     "focus": {"bias": [2, 1]}, "learningRate": "1/4", "epsilon": 1e-4}
    """#

    static func apply(_ edits: [(String, String)]) -> String {
        edits.reduce(base) { text, edit in
            precondition(text.contains(edit.0), "edit target not found: \(edit.0)")
            return text.replacing(edit.0, with: edit.1, maxReplacements: 1)
        }
    }

    // Edit targets, one per field of the base.
    static let layers = #""layers": [2, 3, 2]"#
    static let activations = #""activations": ["tanh", "sigmoid"]"#
    static let loss = #""loss": "mse""#
    static let weights = #""weights": [[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]]"#
    static let firstWeight = "[[[0.1,"
    static let biases = #""biases": [[0.1, 0.2, 0.3], [0.4, 0.5]]"#
    static let input = #""input": [1, -1]"#
    static let target = #""target": [0.5, 0.25]"#
    static let focus = #""focus": {"bias": [2, 1]}"#
    static let learningRate = #""learningRate": "1/4""#
    static let epsilon = #""epsilon": 1e-4"#
    static let title = #""title": "Corpus base""#

    /// The one-output variant of the base, for binary cross-entropy.
    static let oneOutput: [(String, String)] = [
        (layers, #""layers": [2, 3, 1]"#),
        ("[[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]", "[[0.7, 0.8, 0.9]]"),
        ("[0.4, 0.5]", "[0.4]"),
        (focus, #""focus": {"bias": [1, 1]}"#),
    ]

    static let expectedTopLevel = #"expected one of "title", "subtitle", "author", "course", "date", "network", "sample", "batch", "focus", "learningRate", "epsilon", "exercises", "training""#
    static let expectedNetwork = #"expected one of "layers", "activation", "activations", "loss", "weights", "biases""#
    static let activationNames = #"Expected one of "sigmoid", "tanh", "relu", "linear", "softmax""#
    static let lossNames = #"Expected one of "mse", "cross-entropy""#
    static let notANumber = #"expected a number (or a fraction string such as "1/3"), got"#
    static let numberSyntax = #"expected a number such as 0.25, -1.5e-3 or "1/3", got"#

    static let long = String(repeating: "x", count: 100_000)
    static let longShown = String(repeating: "x", count: 40) + "…"
    static let manyDigits = String(repeating: "9", count: 100_000)

    static let document: [Case] = [
        Case("empty document", text: "", "invalid JSON at line 1, column 1: unexpected end of input, expected a value"),
        Case("only whitespace", text: "\n\t\n", "invalid JSON at line 3, column 1: unexpected end of input, expected a value"),
        Case("top-level null", text: "null", "expected an object, got null"),
        Case("top-level string", text: #""network""#, "expected an object, got a string"),
        Case("top-level negative zero", text: "-0", "expected an object, got a number"),
        Case("top-level boolean", text: "true", "expected an object, got a boolean"),
        Case("empty object", text: "{}", "network: missing; this key is required"),
        Case("trailing garbage", text: base + "\n}", "invalid JSON at line 7, column 1: unexpected text after the JSON value"),
        Case("two documents", text: "{}{}", "invalid JSON at line 1, column 3: unexpected text after the JSON value"),
        Case("byte order mark inside an object", [("{\"title\"", "{\u{FEFF}\"title\"")],
             "invalid JSON at line 1, column 2: expected a member name in double quotes"),
        Case("two byte order marks", text: "\u{FEFF}\u{FEFF}" + base,
             "invalid JSON at line 1, column 2: unexpected character U+FEFF, expected a value"),
        Case("NUL before the document", text: "\u{0}{}", "invalid JSON at line 1, column 1: unexpected character U+0000, expected a value"),
        Case("trailing comma in an object", [(epsilon, epsilon + ",")],
             "invalid JSON at line 6, column 68: expected a member name in double quotes"),
        Case("trailing comma in an array", [(layers, #""layers": [2, 3, 2,]"#)],
             "invalid JSON at line 2, column 33: unexpected character ']', expected a value"),
        Case("single-quoted key", [(#"{"title""#, "{'title'")], "invalid JSON at line 1, column 2: expected a member name in double quotes"),
        Case("comment", text: "// spec\n" + base, "invalid JSON at line 1, column 1: unexpected character '/', expected a value"),
        Case("unterminated string", text: #"{"network"#, "invalid JSON at line 1, column 2: unterminated string"),
        Case("truncated document", text: #"{"network": {"layers": [2, 3"#,
             "invalid JSON at line 1, column 29: unexpected end of input, expected ',' or ']'"),
        Case("missing colon", [(loss, #""loss" "mse""#)], "invalid JSON at line 2, column 78: expected ':' after the member name"),
        Case("raw tab in a string", [(title, "\"title\": \"Corpus\tbase\"")],
             #"invalid JSON at line 1, column 18: control character in string; write it as an escape such as \n"#),
        Case("invalid escape", [(title, #""title": "Corpus \x41""#)], #"invalid JSON at line 1, column 19: invalid escape \x"#),
        Case("unpaired surrogate", [(title, #""title": "\uD800""#)], #"invalid JSON at line 1, column 18: unpaired surrogate in \u escape"#),
        Case("short unicode escape", [(title, #""title": "\u12""#)], #"invalid JSON at line 1, column 16: expected four hex digits in \u escape"#),
        Case("leading zeros", [(layers, #""layers": [02, 3, 2]"#)], "invalid JSON at line 2, column 25: invalid number: leading zeros are not allowed"),
        Case("bare fraction", [(firstWeight, "[[[.1,")], "invalid JSON at line 3, column 17: unexpected character '.', expected a value"),
        Case("trailing point", [(firstWeight, "[[[1.,")], "invalid JSON at line 3, column 17: invalid number: expected a digit after '.'"),
        Case("plus sign", [(input, #""input": [+1, -1]"#)], "invalid JSON at line 5, column 23: unexpected character '+', expected a value"),
        Case("hexadecimal", [(input, #""input": [0x1, -1]"#)], "invalid JSON at line 5, column 24: expected ',' or ']' after an array element"),
        Case("empty exponent", [(epsilon, #""epsilon": 1e"#)], "invalid JSON at line 6, column 63: invalid number: expected a digit in the exponent"),
        Case("-Infinity literal", [(input, #""input": [-Infinity, -1]"#)], "invalid JSON at line 5, column 23: Infinity is not a JSON number"),
        Case("Infinity literal", [(target, #""target": [Infinity, 0.25]"#)],
             "invalid JSON at line 5, column 42: NaN and Infinity are not JSON numbers; write a finite number"),
        Case("lower-case nan literal", [(target, #""target": [nan, 0.25]"#)], "invalid JSON at line 5, column 42: invalid literal, expected 'null'"),
        Case("capitalised True", [(learningRate, #""learningRate": True"#)], "invalid JSON at line 6, column 45: unexpected character 'T', expected a value"),
        Case("nesting 65 deep", [(title, #""title": "# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64))],
             "invalid JSON at line 1, column 74: nesting deeper than 64 levels"),
        Case("nesting 100000 deep", text: String(repeating: "[", count: 100_000), "invalid JSON at line 1, column 65: nesting deeper than 64 levels"),
        Case("nesting 64 deep reaches the reader", [(title, #""title": "# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63))],
             "title: expected a string, got an array"),
        Case("duplicate key", [(loss, loss + ", " + loss)], #"invalid JSON at line 2, column 86: duplicate key "loss""#),
        Case("duplicate key spelled with an escape", [(loss, loss + #", "\u006coss": "mse""#)], #"invalid JSON at line 2, column 86: duplicate key "loss""#),
        Case("duplicate hostile key", [(title, #""\u001B"# + long + #"": 1, "\u001B"# + long + #"": 2"#)],
             #"invalid JSON at line 1, column 100015: duplicate key "\u001B"# + String(repeating: "x", count: 39) + #"…""#),
        Case("duplicate focus", [(focus, focus + #", "focus": {"bias": [1, 1]}"#)], #"invalid JSON at line 6, column 29: duplicate key "focus""#),
    ]

    static let topLevel: [Case] = [
        Case("snake-case key", [(learningRate, #""learning_rate": "1/4""#)], #"learning_rate: unknown key "learning_rate"; did you mean "learningRate"?"#),
        Case("capitalised key", [(epsilon, #""Epsilon": 1e-4"#)], #"Epsilon: unknown key "Epsilon"; did you mean "epsilon"?"#),
        Case("key with an escape character", [(title, #""ti\u001Btle": "x""#)], #"["ti\u001Btle"]: unknown key "ti\u001Btle"; did you mean "title"?"#),
        Case("key with a right-to-left override", [(title, #""\u202Etitle": "x""#)], #"["\u202Etitle"]: unknown key "\u202Etitle"; did you mean "title"?"#),
        Case("accented key", [(#"{"title": "Corpus base","#, #"{"nétwork": 1,"#)], #"nétwork: unknown key "nétwork"; did you mean "network"?"#),
        Case("key in another script", [(title, #""сеть": 1"#)], #"сеть: unknown key "сеть"; "# + expectedTopLevel),
        Case("emoji key", [(title, #""🧠": 1"#)], #"["🧠"]: unknown key "🧠"; "# + expectedTopLevel),
        Case("100000-character key", [(title, "\"\(long)\": 1")], "\(longShown): unknown key \"\(longShown)\"; " + expectedTopLevel),
        Case("subtitle as an array", [(title, #""subtitle": []"#)], "subtitle: expected a string, got an array"),
        Case("author null", [(title, #""author": null"#)], "author: expected a string, got null"),
        Case("course as an object", [(title, #""course": {}"#)], "course: expected a string, got an object"),
        Case("date as a boolean", [(title, #""date": false"#)], "date: expected a string, got a boolean"),
        Case("501-character title", [(title, "\"title\": \"\(String(repeating: "é", count: 501))\"")],
             "title: a text of 501 characters; at most 500 are accepted"),
        Case("100000-character title", [(title, "\"title\": \"\(long)\"")], "title: a text of 100000 characters; at most 500 are accepted"),
        Case("title with a line separator", [(title, #""title": "a\u2028b""#)], "title: control characters (such as line breaks) are not allowed in this text"),
        Case("title with a C1 control", [(title, #""title": "a\u0085b""#)], "title: control characters (such as line breaks) are not allowed in this text"),
        Case("title with NUL", [(title, #""title": "a\u0000b""#)], "title: control characters (such as line breaks) are not allowed in this text"),
        Case("learningRate as an object", [(learningRate, #""learningRate": {"value": 1}"#)], "learningRate: \(notANumber) an object"),
        Case("learningRate null", [(learningRate, #""learningRate": null"#)], "learningRate: \(notANumber) null"),
        Case("learningRate as a word", [(learningRate, #""learningRate": "fast""#)], #"learningRate: \#(numberSyntax) "fast""#),
        Case("learningRate too large", [(learningRate, #""learningRate": 1e7"#)], "learningRate: expected a magnitude ≤ 1000000, got 1e7"),
        Case("learningRate a fraction of -1", [(learningRate, #""learningRate": "-1/3""#)], "learningRate: expected a learning rate ≥ 0, got -1/3"),
        Case("epsilon above 1", [(epsilon, #""epsilon": 2"#)], "epsilon: expected 0 < ε ≤ 1, got 2"),
        Case("epsilon negative zero", [(epsilon, #""epsilon": -0.0"#)], "epsilon: expected 0 < ε ≤ 1, got 0"),
        Case("epsilon Infinity string", [(epsilon, #""epsilon": "Infinity""#)], #"epsilon: expected a finite number, got "Infinity""#),
        Case("epsilon -inf string", [(epsilon, #""epsilon": "-inf""#)], #"epsilon: expected a finite number, got "-inf""#),
        Case("epsilon +NaN string", [(epsilon, #""epsilon": "+NaN""#)], #"epsilon: expected a finite number, got "+NaN""#),
        Case("epsilon underflowing exponent", [(epsilon, #""epsilon": 1e-301"#)], "epsilon: the exponent of 1e-301 is out of range; expected at most ±300"),
        Case("epsilon exponent of 30 digits", [(epsilon, #""epsilon": 1e-999999999999999999999999999999"#)],
             "epsilon: the exponent of 1e-999999999999999999999999999999 is out of range; expected at most ±300"),
        Case("epsilon 0/0", [(epsilon, #""epsilon": "0/0""#)], #"epsilon: the fraction "0/0" has a zero denominator"#),
        Case("epsilon with a signed denominator", [(epsilon, #""epsilon": "1/-2""#)], #"epsilon: \#(numberSyntax) "1/-2""#),
        Case("epsilon fraction of a fraction", [(epsilon, #""epsilon": "1/2/3""#)], #"epsilon: \#(numberSyntax) "1/2/3""#),
        Case("epsilon with a space", [(epsilon, #""epsilon": " 1e-4""#)], #"epsilon: \#(numberSyntax) " 1e-4""#),
        Case("epsilon empty string", [(epsilon, #""epsilon": """#)], #"epsilon: \#(numberSyntax) """#),
        Case("81-character number", [(epsilon, "\"epsilon\": \"0.\(String(repeating: "0", count: 78))1\"")],
             "epsilon: a number of 81 characters; at most 80 are accepted"),
        Case("number with a terminal escape", [(epsilon, #""epsilon": "1\u001B[31m""#)], #"epsilon: \#(numberSyntax) "1\u001B[31m""#),
    ]

    static let network: [Case] = [
        Case("network as an array", [(#""network": {"#, #""network": [{"#), ("0.5]]},", "0.5]]}],")], "network: expected an object, got an array"),
        Case("network null", text: #"{"network": null}"#, "network: expected an object, got null"),
        Case("network as a name", text: #"{"network": "default"}"#, "network: expected an object, got a string"),
        Case("empty network", text: #"{"network": {}}"#, "network.layers: missing; this key is required"),
        Case("capitalised network key", [(layers, #""Layers": [2, 3, 2]"#)], #"network.Layers: unknown key "Layers"; did you mean "layers"?"#),
        Case("singular layers", [(layers, #""layer": [2, 3, 2]"#)], #"network.layer: unknown key "layer"; did you mean "layers"?"#),
        Case("misspelt activation key", [(activations, #""activaton": "tanh""#)], #"network.activaton: unknown key "activaton"; did you mean "activation"?"#),
        Case("lost for loss", [(loss, #""lost": "mse""#)], #"network.lost: unknown key "lost"; did you mean "loss"?"#),
        Case("singular weight key", [(weights, #""weight": []"#)], #"network.weight: unknown key "weight"; did you mean "weights"?"#),
        Case("singular bias key", [(biases, #""bias": []"#)], #"network.bias: unknown key "bias"; did you mean "biases"?"#),
        Case("network key far from any", [(loss, #""optimizer": "sgd""#)], #"network.optimizer: unknown key "optimizer"; "# + expectedNetwork),
        Case("layers as an object", [(layers, #""layers": {"input": 2}"#)], "network.layers: expected an array, got an object"),
        Case("layers as a number", [(layers, #""layers": 3"#)], "network.layers: expected an array, got a number"),
        Case("no layers", [(layers, #""layers": []"#)], "network.layers: expected at least 2 layers (the input and an output layer), got 0"),
        Case("34 layers, counted before their entries are read",
             [(layers, #""layers": ["# + Array(repeating: #""?""#, count: 34).joined(separator: ", ") + "]")],
             "network.layers: expected at most 33 layers, got 34"),
        Case("null width", [(layers, #""layers": [2, null, 2]"#)], "network.layers[1]: expected a whole number, got null"),
        Case("nested width", [(layers, #""layers": [[2], 3, 2]"#)], "network.layers[0]: expected a whole number, got an array"),
        Case("boolean width", [(layers, #""layers": [2, true, 2]"#)], "network.layers[1]: expected a whole number, got a boolean"),
        Case("negative width", [(layers, #""layers": [2, -3, 2]"#)], "network.layers[1]: expected a layer width ≥ 1, got -3"),
        Case("negative zero width", [(layers, #""layers": [2, 3, -0]"#)], "network.layers[2]: expected a layer width ≥ 1, got 0"),
        Case("width with an exponent", [(layers, #""layers": [2, 3e0, 2]"#)], "network.layers[1]: expected a whole number of reasonable size, got 3e0"),
        Case("width 3.0", [(layers, #""layers": [2, 3.0, 2]"#)], "network.layers[1]: expected a whole number of reasonable size, got 3.0"),
        Case("width 4097", [(layers, #""layers": [4097, 3, 2]"#)], "network.layers[0]: expected a layer width ≤ 4096, got 4097"),
        Case("width 1e999999999", [(layers, #""layers": [2, 1e999999999, 2]"#)], "network.layers[1]: expected a whole number of reasonable size, got 1e999999999"),
        Case("width of 100000 digits", [(layers, #""layers": [2, "# + manyDigits + ", 2]")],
             "network.layers[1]: expected a whole number of reasonable size, got " + String(repeating: "9", count: 40) + "…"),
        Case("33 layers of 4096", [(layers, #""layers": ["# + Array(repeating: "4096", count: 33).joined(separator: ", ") + "]")],
             "network.layers: these layers have 537001984 parameters; at most 2000000 are accepted"),
        Case("two hidden layers of 4096", [(layers, #""layers": [2, 4096, 4096, 2]"#)],
             "network.layers: these layers have 16801794 parameters; at most 2000000 are accepted"),
        Case("activation and activations", [(activations, activations + #", "activation": "tanh""#)],
             #"network.activations: conflicts with "activation"; give one of the two"#),
        Case("activations as a string", [(activations, #""activations": "tanh""#)], "network.activations: expected an array, got a string"),
        Case("activations as an object", [(activations, #""activations": {"1": "tanh"}"#)], "network.activations: expected an array, got an object"),
        Case("no activations", [(activations, #""activations": []"#)], "network.activations: expected 2 activations (one per layer after the input), got 0"),
        Case("three activations", [(activations, #""activations": ["tanh", "tanh", "tanh"]"#)],
             "network.activations: expected 2 activations (one per layer after the input), got 3"),
        Case("activation as a number", [(activations, #""activations": ["tanh", 1]"#)], "network.activations[1]: expected a string, got a number"),
        Case("activation null", [(activations, #""activations": [null, "tanh"]"#)], "network.activations[0]: expected a string, got null"),
        Case("single activation as an array", [(activations, #""activation": ["tanh", "sigmoid"]"#)], "network.activation: expected a string, got an array"),
        Case("tahn", [(activations, #""activations": ["tahn", "sigmoid"]"#)],
             #"network.activations[0]: unknown name "tahn"; did you mean "tanh"? "# + activationNames),
        Case("ReLU", [(activations, #""activation": "ReLU""#)], #"network.activation: unknown name "ReLU"; did you mean "relu"? "# + activationNames),
        Case("sigmod", [(activations, #""activations": ["tanh", "sigmod"]"#)],
             #"network.activations[1]: unknown name "sigmod"; did you mean "sigmoid"? "# + activationNames),
        Case("linaer", [(activations, #""activation": "linaer""#)], #"network.activation: unknown name "linaer"; did you mean "linear"? "# + activationNames),
        Case("soft-max", [(activations, #""activations": ["tanh", "soft-max"]"#)],
             #"network.activations[1]: unknown name "soft-max"; did you mean "softmax"? "# + activationNames),
        Case("leaky_relu", [(activations, #""activation": "leaky_relu""#)],
             #"network.activation: unknown name "leaky_relu"; expected one of "sigmoid", "tanh", "relu", "linear", "softmax""#),
        Case("empty activation name", [(activations, #""activation": """#)],
             #"network.activation: unknown name ""; expected one of "sigmoid", "tanh", "relu", "linear", "softmax""#),
        Case("100000-character activation", [(activations, "\"activation\": \"\(long)\"")],
             "network.activation: unknown name \"\(longShown)\"; expected one of \"sigmoid\", \"tanh\", \"relu\", \"linear\", \"softmax\""),
        Case("activation with a right-to-left override", [(activations, #""activation": "\u202Etanh""#)],
             #"network.activation: unknown name "\u202Etanh"; did you mean "tanh"? "# + activationNames),
        Case("MSE", [(loss, #""loss": "MSE""#)], #"network.loss: unknown name "MSE"; did you mean "mse"? "# + lossNames),
        Case("crossentropy", [(loss, #""loss": "crossentropy""#)], #"network.loss: unknown name "crossentropy"; did you mean "cross-entropy"? "# + lossNames),
        Case("cross_entropy", [(loss, #""loss": "cross_entropy""#)], #"network.loss: unknown name "cross_entropy"; did you mean "cross-entropy"? "# + lossNames),
        Case("binary-cross-entropy", [(loss, #""loss": "binary-cross-entropy""#)],
             #"network.loss: unknown name "binary-cross-entropy"; expected one of "mse", "cross-entropy""#),
        Case("loss null", [(loss, #""loss": null"#)], "network.loss: expected a string, got null"),
        Case("loss as an array", [(loss, #""loss": ["mse"]"#)], "network.loss: expected a string, got an array"),
        Case("no loss", [(loss + ",", "")], "network.loss: missing; this key is required"),
        Case("softmax on every layer", [(activations, #""activations": ["softmax", "softmax"]"#)],
             "network.activations[0]: softmax is only for the output layer, but layer 1 is hidden"),
        Case("one-neuron softmax without hidden layers", [(layers, #""layers": [2, 1]"#), (activations, #""activation": "softmax""#)],
             "network.activation: a softmax output needs at least 2 neurons; with 1 it is the constant 1"),
        Case("cross-entropy with two sigmoid outputs", [(loss, #""loss": "cross-entropy""#)],
             "network.loss: cross-entropy needs a softmax output layer or a single sigmoid output neuron; the output layer is 2 sigmoid neuron(s)"),
        Case("cross-entropy with a linear output", oneOutput + [(activations, #""activations": ["tanh", "linear"]"#), (loss, #""loss": "cross-entropy""#)],
             "network.loss: cross-entropy needs a softmax output layer or a single sigmoid output neuron; the output layer is 1 linear neuron(s)"),
        Case("weights missing", [(weights + ",", "")], "network.weights: missing; a numeric document needs every weight (only `handout --symbolic` works without them)"),
        Case("weights as an object", [(weights, #""weights": {}"#)], "network.weights: expected an array, got an object"),
        Case("no weights", [(weights, #""weights": []"#)], "network.weights: expected 2 weight matrices (one per layer after the input), got 0"),
        Case("weights one level too flat", [(firstWeight + " 0.2], [0.3, 0.4], [0.5, 0.6]]", "[[0.1, 0.2, 0.3]")],
             "network.weights[0][0]: expected an array, got a number"),
        Case("empty weight row", [(firstWeight + " 0.2]", "[[[]")], "network.weights[0][0]: expected 2 entries (layer 0 has 2 neurons), got 0"),
        Case("weights one level too deep", [(firstWeight, "[[[[0.1],")], "network.weights[0][0][0]: \(notANumber) an array"),
        Case("weight null", [(firstWeight, "[[[null,")], "network.weights[0][0][0]: \(notANumber) null"),
        Case("weight true", [("1.2]]]", "true]]]")], "network.weights[1][1][2]: \(notANumber) a boolean"),
        Case("weight over a zero decimal", [(firstWeight, #"[[["-3/0.0","#)], #"network.weights[0][0][0]: the fraction "-3/0.0" has a zero denominator"#),
        Case("weight just over the magnitude limit", [(firstWeight, "[[[1000000.000001,")],
             "network.weights[0][0][0]: expected a magnitude ≤ 1000000, got 1000000.000001"),
        Case("weight as a large fraction", [(firstWeight, #"[[["-1/1e-300","#)], "network.weights[0][0][0]: expected a magnitude ≤ 1000000, got -1/1e-300"),
        Case("weight 1E+301", [(firstWeight, "[[[1E+301,")], "network.weights[0][0][0]: the exponent of 1E+301 is out of range; expected at most ±300"),
        Case("zero with a huge exponent", [(firstWeight, "[[[0e-9999,")], "network.weights[0][0][0]: the exponent of 0e-9999 is out of range; expected at most ±300"),
        Case("hexadecimal float string", [(firstWeight, #"[[["0x1p3","#)], #"network.weights[0][0][0]: \#(numberSyntax) "0x1p3""#),
        Case("vulgar fraction", [(firstWeight, #"[[["½","#)], #"network.weights[0][0][0]: \#(numberSyntax) "½""#),
        Case("decimal comma", [(firstWeight, #"[[["0,1","#)], #"network.weights[0][0][0]: \#(numberSyntax) "0,1""#),
        Case("weight of 100000 digits", [(firstWeight, "[[[\(manyDigits),")], "network.weights[0][0][0]: a number of 100000 characters; at most 80 are accepted"),
        Case("biases missing", [(weights + ",\n  " + biases, weights)], "network.biases: missing; a numeric document needs every bias (only `handout --symbolic` works without them)"),
        Case("biases as a number", [(biases, #""biases": 0"#)], "network.biases: expected an array, got a number"),
        Case("three bias vectors", [(biases, #""biases": [[0.1, 0.2, 0.3], [0.4, 0.5], [0.6]]"#)],
             "network.biases: expected 2 bias vectors (one per layer after the input), got 3"),
        Case("bias vector as an object", [(biases, #""biases": [{"1": 0.1}, [0.4, 0.5]]"#)], "network.biases[0]: expected an array, got an object"),
        Case("bias as an array", [(biases, #""biases": [[0.1, 0.2, 0.3], [[0.4], 0.5]]"#)], "network.biases[1][0]: \(notANumber) an array"),
        Case("short bias vector", [(biases, #""biases": [[0.1, 0.2], [0.4, 0.5]]"#)], "network.biases[0]: expected 3 entries (layer 1 has 3 neurons), got 2"),
        Case("bias NaN string", [(biases, #""biases": [[0.1, 0.2, 0.3], [0.4, "nan"]]"#)], #"network.biases[1][1]: expected a finite number, got "nan""#),
    ]

    static let sample: [Case] = [
        Case("sample as an array", [(#""sample": {"input": [1, -1], "target": [0.5, 0.25]}"#, #""sample": [[1, -1], [0.5, 0.25]]"#)],
             "sample: expected an object, got an array"),
        Case("sample null", [(#""sample": {"input": [1, -1], "target": [0.5, 0.25]}"#, #""sample": null"#)], "sample: expected an object, got null"),
        Case("empty sample", [(#""sample": {"input": [1, -1], "target": [0.5, 0.25]}"#, #""sample": {}"#)], "sample.input: missing; this key is required"),
        Case("inputs", [(input, #""inputs": [1, -1]"#)], #"sample.inputs: unknown key "inputs"; did you mean "input"?"#),
        Case("Target", [(target, #""Target": [0.5, 0.25]"#)], #"sample.Target: unknown key "Target"; did you mean "target"?"#),
        Case("sample key far from any", [(input, input + #", "weight": 1"#)], #"sample.weight: unknown key "weight"; expected one of "input", "target""#),
        Case("input as a number", [(input, #""input": 1"#)], "sample.input: expected an array, got a number"),
        Case("empty input", [(input, #""input": []"#)], "sample.input: expected 2 entries (the input layer has 2 neurons), got 0"),
        Case("input as a word", [(input, #""input": [1, "minus one"]"#)], #"sample.input[1]: \#(numberSyntax) "minus one""#),
        Case("input entry as an object", [(input, #""input": [{"x": 1}, -1]"#)], "sample.input[0]: \(notANumber) an object"),
        Case("input too large", [(input, #""input": [1, -1000000.5]"#)], "sample.input[1]: expected a magnitude ≤ 1000000, got -1000000.5"),
        Case("target missing", [(", " + target, "")], "sample.target: missing; this key is required"),
        Case("target null", [(target, #""target": null"#)], "sample.target: expected an array, got null"),
        Case("target nested", [(target, #""target": [[0.5], [0.25]]"#)], "sample.target[0]: \(notANumber) an array"),
        Case("target as a number for two outputs", [(target, #""target": 0.5"#)], "sample.target: expected an array, got a number"),
        Case("target as a string for two outputs", [(target, #""target": "1/2""#)], "sample.target: expected an array, got a string"),
        Case("target one short", [(target, #""target": [0.5]"#)], "sample.target: expected 2 entries (the output layer has 2 neurons), got 1"),
        Case("softmax target summing to 3/4", [(activations, #""activations": ["tanh", "softmax"]"#), (loss, #""loss": "cross-entropy""#)],
             "sample.target: a cross-entropy target is a probability distribution; its entries sum to 0.75, expected exactly 1"),
        Case("softmax target almost summing to 1", [(activations, #""activations": ["tanh", "softmax"]"#), (loss, #""loss": "cross-entropy""#),
                                                    (target, #""target": ["1/3", 0.6666666667]"#)],
             "sample.target: a cross-entropy target is a probability distribution; its entries sum to 30000000001/30000000000, expected exactly 1"),
        Case("softmax target with a negative entry", [(activations, #""activations": ["tanh", "softmax"]"#), (loss, #""loss": "cross-entropy""#),
                                                      (target, #""target": [1.25, -0.25]"#)],
             "sample.target[1]: a cross-entropy target is a probability distribution; expected a value ≥ 0, got -0.25"),
        Case("binary cross-entropy target below 0", oneOutput + [(loss, #""loss": "cross-entropy""#), (target, #""target": "-1/4""#)],
             "sample.target: a binary cross-entropy target is a probability; expected 0 ≤ y ≤ 1, got -0.25"),
        Case("binary cross-entropy target above 1", oneOutput + [(loss, #""loss": "cross-entropy""#), (target, #""target": [1.0000001]"#)],
             "sample.target: a binary cross-entropy target is a probability; expected 0 ≤ y ≤ 1, got 1.0000001"),
    ]

    static let focusCases: [Case] = [
        Case("focus as an array", [(focus, #""focus": [2, 1]"#)], "focus: expected an object, got an array"),
        Case("focus null", [(focus, #""focus": null"#)], "focus: expected an object, got null"),
        Case("focus as a name", [(focus, #""focus": "w(1)11""#)], "focus: expected an object, got a string"),
        Case("weights for weight", [(focus, #""focus": {"weights": [1, 1, 1]}"#)], #"focus.weights: unknown key "weights"; did you mean "weight"?"#),
        Case("Bias for bias", [(focus, #""focus": {"Bias": [2, 1]}"#)], #"focus.Bias: unknown key "Bias"; did you mean "bias"?"#),
        Case("focus key far from any", [(focus, #""focus": {"neuron": [1]}"#)], #"focus.neuron: unknown key "neuron"; expected one of "weight", "bias""#),
        Case("focus bias and weight", [(focus, #""focus": {"bias": [9, 9], "weight": [9, 9, 9]}"#)],
             #"focus.bias: conflicts with "weight"; the focus is one parameter"#),
        Case("focus with an empty-named key", [(focus, #""focus": {"": [1, 1]}"#)], #"focus[""]: unknown key ""; expected one of "weight", "bias""#),
        Case("focus weight as an object", [(focus, #""focus": {"weight": {"l": 1}}"#)], "focus.weight: expected an array, got an object"),
        Case("focus bias with three indices", [(focus, #""focus": {"bias": [2, 1, 1]}"#)], "focus.bias: expected 2 indices [l, j], got 3"),
        Case("focus weight with four indices", [(focus, #""focus": {"weight": [1, 1, 1, 1]}"#)], "focus.weight: expected 3 indices [l, j, k], got 4"),
        Case("focus bias empty", [(focus, #""focus": {"bias": []}"#)], "focus.bias: expected 2 indices [l, j], got 0"),
        Case("focus index as a string", [(focus, #""focus": {"bias": ["2", 1]}"#)], "focus.bias[0]: expected a whole number, got a string"),
        Case("focus index 2.0", [(focus, #""focus": {"bias": [2.0, 1]}"#)], "focus.bias[0]: expected a whole number of reasonable size, got 2.0"),
        Case("focus index null", [(focus, #""focus": {"weight": [1, 1, null]}"#)], "focus.weight[2]: expected a whole number, got null"),
        Case("focus bias layer 0", [(focus, #""focus": {"bias": [0, 1]}"#)], "focus.bias[0]: expected a layer l from 1 to 2, got 0"),
        Case("focus bias layer 3", [(focus, #""focus": {"bias": [3, 1]}"#)], "focus.bias[0]: expected a layer l from 1 to 2, got 3"),
        Case("focus bias layer -1", [(focus, #""focus": {"bias": [-1, 1]}"#)], "focus.bias[0]: expected a layer l from 1 to 2, got -1"),
        Case("focus bias neuron 0", [(focus, #""focus": {"bias": [2, 0]}"#)], "focus.bias[1]: expected a neuron j from 1 to 2 (layer 2 has 2), got 0"),
        Case("focus bias neuron 3 of 2", [(focus, #""focus": {"bias": [2, 3]}"#)], "focus.bias[1]: expected a neuron j from 1 to 2 (layer 2 has 2), got 3"),
        Case("focus bias neuron 4 of 3", [(focus, #""focus": {"bias": [1, 4]}"#)], "focus.bias[1]: expected a neuron j from 1 to 3 (layer 1 has 3), got 4"),
        Case("focus weight layer 3", [(focus, #""focus": {"weight": [3, 1, 1]}"#)], "focus.weight[0]: expected a layer l from 1 to 2, got 3"),
        Case("focus weight j 4 of 3", [(focus, #""focus": {"weight": [1, 4, 1]}"#)], "focus.weight[1]: expected a neuron j from 1 to 3 (layer 1 has 3), got 4"),
        Case("focus weight k 3 of 2", [(focus, #""focus": {"weight": [1, 1, 3]}"#)], "focus.weight[2]: expected a neuron k from 1 to 2 (layer 0 has 2), got 3"),
        Case("focus weight k 4 of 3", [(focus, #""focus": {"weight": [2, 1, 4]}"#)], "focus.weight[2]: expected a neuron k from 1 to 3 (layer 1 has 3), got 4"),
        Case("focus layer of 10 digits", [(focus, #""focus": {"weight": [9999999999, 1, 1]}"#)], "focus.weight[0]: expected a layer l from 1 to 2, got 9999999999"),
        Case("focus layer of 11 digits", [(focus, #""focus": {"weight": [99999999999, 1, 1]}"#)], "focus.weight[0]: expected a whole number of reasonable size, got 99999999999"),
    ]

    static let all = document + topLevel + network + sample + focusCases

    /// Valid oddities that must be accepted: a byte order mark, negative zero, numbers at the
    /// magnitude, length and exponent limits, a fraction string as a one-neuron target, a
    /// title of exactly 500 characters, keys spelt with escapes, Unicode text.
    static let accepted: [Case] = [
        Case("byte order mark", text: "\u{FEFF}" + base, ""),
        Case("negative zero", [(firstWeight, "[[[-0,"), (input, #""input": ["-0/5", -0.0e-0]"#)], ""),
        Case("magnitude exactly 10^6", [(firstWeight, "[[[-1000000.000,"), (input, #""input": [1e6, "1000000/1"]"#)], ""),
        Case("80-character number", [(firstWeight, "[[[0.\(String(repeating: "0", count: 77))1,")], ""),
        Case("exponent exactly 300", [(firstWeight, "[[[1e-300,"), (epsilon, #""epsilon": "1/1e+300""#)], ""),
        Case("fraction string target", oneOutput + [(target, #""target": "1/3""#)], ""),
        Case("500-character title", [(title, "\"title\": \"\(String(repeating: "ü", count: 500))\"")], ""),
        Case("key spelt with escapes", [(loss, #""\u006Coss": "mse""#)], ""),
        Case("unicode title", [(title, #""title": "Rétropropagation — ∂L/∂w 🧠""#)], ""),
    ]
}
