/// What a quantity is in the network, which the documents show as colour (seed colour code:
/// orange inputs, blue weights, green activations and σ′, red errors and gradients).
///
/// The TeX printer emits a semantic macro per role; each format defines the macros once.
public enum Role: String, Hashable, Sendable, CaseIterable {
    case input
    case weight
    case activation
    case error
    case plain

    /// The macro name without backslash (`inp`, `wt`, `act`, `err`), or nil for `plain`.
    public var macroName: String? {
        switch self {
        case .input: "inp"
        case .weight: "wt"
        case .activation: "act"
        case .error: "err"
        case .plain: nil
        }
    }

    /// `body` wrapped in the role's macro: `\wt{0.1}`; `plain` returns `body` unchanged.
    public func wrap(_ body: String) -> String {
        guard let name = macroName else { return body }
        return "\\\(name){\(body)}"
    }
}

/// The macro for the Hadamard (element-wise) product, `\hadamard`, defined per format beside the
/// role macros.
public let hadamardMacro = "\\hadamard"
