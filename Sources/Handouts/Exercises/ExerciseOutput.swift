import Backprop
import Documents
import ExactArithmetic
import Typesetting

/// What one exercise contributes. Statement values and blocks go to the sheet and the key;
/// solution values and blocks only to the key, so a sheet cannot show an answer even through
/// a user's template.
struct ExerciseOutput {
    var statement: [String: MustacheValue] = [:]
    var statementBlocks: [String: Block] = [:]
    var solution: [String: MustacheValue] = [:]
    var solutionBlocks: [String: Block] = [:]
    var answers: [ExerciseAnswer] = []
}

/// The symbols, labels and facts the exercise builders share.
extension Derivation {
    func symbol(_ p: Focus) -> MathExpression {
        switch p {
        case .weight(let l, let j, let k): return .w(layer(l), .number(j), .number(k))
        case .bias(let l, let j): return .b(layer(l), .number(j))
        }
    }

    /// x_k for layer 1, a⁽ˡ⁻¹⁾ₖ otherwise: what a weight of layer l multiplies.
    func source(layer l: Int, neuron k: Int) -> MathExpression {
        l == 1 ? .x(.number(k)) : .a(layer(l - 1), .number(k))
    }

    /// x or a⁽ˡ⁻¹⁾, the vector a weight matrix of layer l multiplies.
    func sourceVector(layer l: Int) -> MathExpression { l == 1 ? .x() : .a(layer(l - 1)) }

    /// The factor BP3 multiplies δ by: the source activation of a weight, 1 for a bias.
    func inputFactor(_ p: Focus) -> Real {
        switch p {
        case .weight(let l, _, let k): return trace.layers[l - 1].a[k - 1]
        case .bias: return Real(1)
        }
    }

    /// The plain TeX of a quantity (no colour macros), for answers files.
    func plain(_ base: String, layer l: Int?, _ indices: [Int] = []) -> String {
        var s = base
        if let l { s += "^{\(notation.layerTeX(layer(l)))}" }
        if !indices.isEmpty { s += "_{" + indices.map(String.init).joined(separator: ",") + "}" }
        return s
    }

    /// `\partial L / \partial q` in plain TeX.
    func plainDerivative(_ quantity: String) -> String {
        "\\partial \(notation.lossTeX) / \\partial \(quantity)"
    }

    func plainSymbol(_ p: Focus) -> String {
        switch p {
        case .weight(let l, let j, let k): return plain("w", layer: l, [j, k])
        case .bias(let l, let j): return plain("b", layer: l, [j])
        }
    }

    /// The certain sign of `x`; too wide an enclosure asks for more precision.
    func sign(_ x: Real, of name: String? = nil) throws(PrecisionShortfall) -> Int {
        guard let s = x.knownSignum else { throw PrecisionShortfall(value: x, name: name) }
        return s
    }

    /// |x| with a certain sign.
    func magnitude(_ x: Real) throws(PrecisionShortfall) -> Real {
        try sign(x) < 0 ? arithmetic.negate(x) : x
    }

    /// a / b for a certainly non-zero b.
    func quotient(_ a: Real, _ b: Real) throws(PrecisionShortfall) -> Real {
        guard let q = arithmetic.divide(a, b) else { throw PrecisionShortfall() }
        return q
    }

    static func signWord(_ s: Int) -> String { s > 0 ? "positive" : s < 0 ? "negative" : "zero" }

    /// Squashing (sigmoid or tanh) derivatives inside δ⁽ˡ⁾: one per layer from l to L, except
    /// an output derivative that the cross-entropy loss cancels.
    func squashingFactors(inDeltaOfLayer l: Int) -> Int {
        let L = outputLayer
        return (l...L).filter { m in
            let activation = network.activation(ofLayer: m)
            guard activation == .sigmoid || activation == .tanh else { return false }
            return !(m == L && network.loss == .crossEntropy)
        }.count
    }

    /// The largest value of the squashing derivative: ¼ for sigmoid, 1 for tanh (nil if the
    /// network mixes them or has none).
    var squashingBound: Rational? {
        let squashing = Set(network.activations.filter { $0 == .sigmoid || $0 == .tanh })
        guard squashing.count == 1 else { return nil }
        return squashing.first == .sigmoid ? Rational(1, 4) : Rational(1)
    }

    /// The chain-rule paths of `p`, as one aligned display, and their counts.
    func pathsDisplay(_ p: Focus) -> (block: Block, count: Int, active: Int, listed: Int) {
        let summary = trace.paths(of: p)
        let l = p.layer
        let shown = summary.listed.prefix(options.maximumShownPaths)
        var lines: [String] = []
        for (n, path) in shown.enumerated() {
            var line = "\\text{\(Self.pathName(n))}\\quad & "
            switch p {
            case .weight(_, let j, let k):
                line += tex(source(layer: l, neuron: k)) + " \\xrightarrow{" + tex(.w(layer(l), .number(j), .number(k))) + "} "
            case .bias(_, let j):
                line += tex(.b(layer(l), .number(j))) + " \\longrightarrow "
            }
            for (i, neuron) in path.neurons.enumerated() {
                line += tex(.a(layer(l + i), .number(neuron)))
                if i + 1 < path.neurons.count {
                    line += " \\xrightarrow{" + tex(.w(layer(l + i + 1), .number(path.neurons[i + 1]), .number(neuron))) + "} "
                }
            }
            line += " \\longrightarrow " + notation.lossTeX
            if !path.isActive { line += "\\quad\\text{(inactive: a factor is exactly 0)}" }
            lines.append(line)
        }
        let active = summary.listed.filter(\.isActive).count
        let math = "\\begin{aligned}" + lines.joined(separator: " \\\\ ") + "\\end{aligned}"
        return (.displayMath(Math(math), id: nil, numbered: false), summary.count, active, shown.count)
    }

    private func tex(_ e: MathExpression) -> String { display.tex(e) }

    /// The display rules at another precision (L⁺ and L⁻ differ only in late digits).
    func display(_ precision: DecimalFormat.Precision) -> Display {
        var changed = options
        changed.precision = precision
        return Display(options: changed, ledger: handCheckLedger)
    }

    static func pathName(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "Path " + (n < letters.count ? String(letters[n]) : String(n + 1))
    }
}
