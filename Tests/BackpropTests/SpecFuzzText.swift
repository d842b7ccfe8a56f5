import Backprop
import ExactArithmetic
import JSON

/// Spec text for the fuzz tests: a generated `Spec` written as JSON in one of the many ways
/// the reader accepts, and seeded mutations of spec texts, character- token- and tree-wise.
enum SpecFuzzText {
    // MARK: Writing valid specs

    /// `spec` as JSON, with the choices a user has made at random: member order, numbers as
    /// JSON numbers, exponent forms or strings, one `activation` or a list, a bare one-neuron
    /// target, defaults left out.
    static func json(_ spec: Spec, using g: inout SplitMix64) -> JSONValue {
        let network = spec.network
        var networkMembers = [
            member("layers", .array(network.layers.map { .number(String($0)) })),
            member("loss", .string(network.loss.rawValue)),
            member("weights", .array(network.weights.map { .array($0.map { .array($0.map { number($0, &g) }) }) })),
            member("biases", .array(network.biases.map { .array($0.map { number($0, &g) }) })),
        ]
        if Set(network.activations).count == 1, Bool.random(using: &g) {
            networkMembers.append(member("activation", .string(network.activations[0].rawValue)))
        } else {
            networkMembers.append(member("activations", .array(network.activations.map { .string($0.rawValue) })))
        }
        let target: JSONValue = spec.sample.target.count == 1 && Bool.random(using: &g)
            ? number(spec.sample.target[0], &g)
            : .array(spec.sample.target.map { number($0, &g) })
        var members = [
            member("network", .object(networkMembers.shuffled(using: &g))),
            member("sample", .object([member("input", .array(spec.sample.input.map { number($0, &g) })), member("target", target)].shuffled(using: &g))),
            member("learningRate", number(spec.learningRate, &g)),
        ]
        if spec.focus != .weight(layer: 1, to: 1, from: 1) || Bool.random(using: &g) {
            let focus: JSONValue = switch spec.focus {
            case .weight(let l, let j, let k): .object([member("weight", .array([l, j, k].map { .number(String($0)) }))])
            case .bias(let l, let j): .object([member("bias", .array([l, j].map { .number(String($0)) }))])
            }
            members.append(member("focus", focus))
        }
        if spec.epsilon != Rational(1, 100_000) || Bool.random(using: &g) {
            members.append(member("epsilon", number(spec.epsilon, &g)))
        }
        for (key, text) in [("title", spec.title), ("subtitle", spec.subtitle), ("author", spec.author), ("course", spec.course), ("date", spec.date)] {
            if let text { members.append(member(key, .string(text))) }
        }
        return .object(members.shuffled(using: &g))
    }

    /// Titles that are valid but exercise escaping: quotes, backslashes, accents, astral characters.
    static let titles = [#"Back "prop" \ worked"#, "Rétropropagation — ∂L/∂w", "反向传播 🧠", "a/b & <c> {d} $e$ %f"]

    private static func member(_ key: String, _ value: JSONValue) -> JSONValue.Member { JSONValue.Member(key, value) }

    /// `r` as a JSON number (`-0.25`), in exponent form (`-25e-2`) or as a string (`"-1/4"`).
    private static func number(_ r: Rational, _ g: inout SplitMix64) -> JSONValue {
        let text = r.description
        if text.contains("/") { return .string(text) }
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return .string(text)
        case 1:
            guard let point = text.firstIndex(of: ".") else { return .number(text + "e0") }
            let places = text.distance(from: point, to: text.endIndex) - 1
            let negative = text.hasPrefix("-")
            let digits = text.filter(\.isNumber).drop { $0 == "0" }
            return .number((negative ? "-" : "") + (digits.isEmpty ? "0" : String(digits)) + "e-\(places)")
        default: return .number(text)
        }
    }

    // MARK: Mutating spec texts

    /// Replacement values that probe every limit and type rule.
    static let hostileValues: [JSONValue] = [
        .null, .bool(true), .array([]), .object([]), .string(""), .string("NaN"), .string("-Infinity"), .string("1/0"),
        .string("0/0"), .string("1/3"), .string("x"), .number("-0"), .number("0"), .number("1"), .number("2"), .number("-1"),
        .number("4096"), .number("4097"), .number("1e999999999"), .number("1e-301"), .number("1e300"), .number("1000000"),
        .number("9999999999"), .number("99999999999"), .number("0.5"), .number(String(repeating: "7", count: 90)),
        .string("sigmoid"), .string("softmax"), .string("relu"), .string("cross-entropy"), .string("mse"),
        .array([.number("1"), .number("1"), .number("1")]), .array([.number("2"), .number("1")]),
        .string("\u{1B}[2J"), .string(String(repeating: "é", count: 600)),
        (0..<70).reduce(JSONValue.number("1")) { inner, _ in .array([inner]) },
    ]

    static let keys = SpecFuzzText.allKeys + ["activaton", "Layers", "weight", "bias", "targets", "epsilom", "\u{202E}loss", ""]
    static let allKeys = ["title", "subtitle", "author", "course", "date", "network", "sample", "focus", "learningRate", "epsilon",
                          "layers", "activation", "activations", "loss", "weights", "biases", "input", "target"]

    /// One to three random mutations of `text`: of characters, of tokens, or of the parsed tree.
    static func mutate(_ text: String, using g: inout SplitMix64) -> String {
        var text = text
        for _ in 0..<Int.random(in: 1...3, using: &g) {
            switch Int.random(in: 0..<3, using: &g) {
            case 0: text = mutateCharacters(text, &g)
            case 1: text = mutateTokens(text, &g)
            default:
                guard let tree = try? JSONParser().parse(text) else { text = mutateCharacters(text, &g); continue }
                text = JSONWriter(pretty: Bool.random(using: &g)).write(mutateTree(tree, &g))
            }
        }
        return text
    }

    static let alphabet: [Character] = Array("{}[],:\"\\-+.eE0123456789 tfnul/\n\u{FEFF}é\u{0}")

    private static func mutateCharacters(_ text: String, _ g: inout SplitMix64) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return String(alphabet.randomElement(using: &g)!) }
        let i = Int.random(in: 0..<characters.count, using: &g)
        switch Int.random(in: 0..<3, using: &g) {
        case 0: characters.removeSubrange(i..<min(characters.count, i + Int.random(in: 1...3, using: &g)))
        case 1: characters.insert(alphabet.randomElement(using: &g)!, at: i)
        default: characters[i] = alphabet.randomElement(using: &g)!
        }
        return String(characters)
    }

    /// Strings, numbers, words and single punctuation characters, whitespace kept with them.
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var i = text.startIndex
        while i < text.endIndex {
            var j = text.index(after: i)
            let c = text[i]
            if c == "\"" {
                while j < text.endIndex, text[j] != "\"" { j = text[j] == "\\" && text.index(after: j) < text.endIndex ? text.index(j, offsetBy: 2) : text.index(after: j) }
                if j < text.endIndex { j = text.index(after: j) }
            } else if c.isLetter || c.isNumber || c == "-" {
                while j < text.endIndex, text[j].isLetter || text[j].isNumber || "+-.".contains(text[j]) { j = text.index(after: j) }
            }
            result.append(text[i..<j])
            i = j
        }
        return result
    }

    private static func mutateTokens(_ text: String, _ g: inout SplitMix64) -> String {
        var parts = tokens(text)
        guard parts.count >= 2 else { return text }
        let i = Int.random(in: 0..<parts.count, using: &g)
        let j = Int.random(in: 0..<parts.count, using: &g)
        switch Int.random(in: 0..<3, using: &g) {
        case 0: parts.swapAt(i, j)
        case 1: parts.remove(at: i)
        default: parts.insert(parts[j], at: i)
        }
        return parts.joined()
    }

    private static func mutateTree(_ tree: JSONValue, _ g: inout SplitMix64) -> JSONValue {
        var target = Int.random(in: 0..<count(tree), using: &g)
        return transform(tree, &target) { value in
            switch (value, Int.random(in: 0..<6, using: &g)) {
            case (.object(var members), 0) where !members.isEmpty:
                members.remove(at: Int.random(in: 0..<members.count, using: &g))
                return .object(members)
            case (.object(var members), 1) where !members.isEmpty:
                // A duplicate key: the writer writes members as given.
                let copy = members.randomElement(using: &g)!
                members.insert(copy, at: Int.random(in: 0...members.count, using: &g))
                return .object(members)
            case (.object(var members), 2):
                members.insert(JSONValue.Member(keys.randomElement(using: &g)!, hostileValues.randomElement(using: &g)!),
                               at: Int.random(in: 0...members.count, using: &g))
                return .object(members)
            case (.array(var elements), 0) where !elements.isEmpty:
                elements.remove(at: Int.random(in: 0..<elements.count, using: &g))
                return .array(elements)
            case (.array(var elements), 1) where !elements.isEmpty:
                elements.append(elements.randomElement(using: &g)!)
                return .array(elements)
            case (_, 3):
                return .array([value])
            default:
                return hostileValues.randomElement(using: &g)!
            }
        }
    }

    private static func count(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + elements.map(count).reduce(0, +)
        case .object(let members): 1 + members.map { count($0.value) }.reduce(0, +)
        default: 1
        }
    }

    /// `value` with its `target`-th node (pre-order) replaced by `change` of it.
    private static func transform(_ value: JSONValue, _ target: inout Int, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        if target == 0 { target = -1; return change(value) }
        target -= 1
        guard target >= 0 else { return value }
        switch value {
        case .array(let elements):
            return .array(elements.map { transform($0, &target, change) })
        case .object(let members):
            return .object(members.map { JSONValue.Member($0.key, transform($0.value, &target, change)) })
        default:
            return value
        }
    }
}
