import Backprop
import Documents

/// The numbered steps of the worked derivation and their anchors: the forward pass is step 1
/// (1a, 1b … one per layer, then the loss and the activation derivatives), the backward pass
/// step 2 (2a at the output, one per layer down to the focus layer, then the target gradient).
/// Sections compute their "used in Step …" notes from here, so labels are never typed twice.
struct WorkedSteps {
    /// A step's badge (`2b`) and the id of its heading (`sec:backward-2`).
    struct Step: Hashable {
        let label: String
        let id: String
    }

    /// `forwardLayers[l - 1]`: the step computing z⁽ˡ⁾ and a⁽ˡ⁾.
    let forwardLayers: [Step]
    let loss: Step
    let derivatives: Step
    /// The step computing δ⁽ˡ⁾, for the focus layer ≤ l ≤ L.
    let backwardLayers: [Int: Step]
    let gradient: Step

    init(_ d: Derivation) {
        let L = d.outputLayer
        let focusLayer = d.spec.focus.layer
        forwardLayers = (1...L).map { l in Step(label: Self.label(1, l - 1), id: "sec:forward-\(l)") }
        loss = Step(label: Self.label(1, L), id: "sec:loss")
        derivatives = Step(label: Self.label(1, L + 1), id: "sec:derivatives")
        var backward: [Int: Step] = [:]
        for (index, l) in (focusLayer...L).reversed().enumerated() {
            backward[l] = Step(label: Self.label(2, index), id: "sec:backward-\(l)")
        }
        backwardLayers = backward
        gradient = Step(label: Self.label(2, L - focusLayer + 1), id: "sec:gradient")
    }

    /// The layers whose δ is computed, output first.
    var backwardOrder: [Int] { backwardLayers.keys.sorted(by: >) }

    /// `1a` … `1z`, then `1.27` for steps beyond the alphabet.
    static func label(_ stage: Int, _ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < letters.count ? "\(stage)\(letters[index])" : "\(stage).\(index + 1)"
    }

    /// The later steps that read the forward values of layer `l`: the δ step of every layer from
    /// the focus layer up (it needs f′(z⁽ˡ⁾), and BP1 also a⁽ᴸ⁾), and the gradient step when
    /// a⁽ˡ⁾ is the input of the focus weight.
    func steps(using l: Int, focus: Focus) -> [Step] {
        var used: [Step] = []
        if let step = backwardLayers[l] { used.append(step) }
        if case .weight(let focusLayer, _, _) = focus, focusLayer == l + 1 { used.append(gradient) }
        return used
    }

    /// Steps as template values: `label`, `id` and the `separator` that precedes the next one
    /// (`, ` or ` and `), so the template's wording joins them.
    static func values(_ steps: [Step]) -> MustacheValue {
        .list(steps.enumerated().map { index, step in
            let remaining = steps.count - index - 1
            return .object([
                "label": .string(step.label), "id": .string(step.id),
                "separator": .string(remaining == 0 ? "" : remaining == 1 ? " and " : ", "),
            ])
        })
    }
}
