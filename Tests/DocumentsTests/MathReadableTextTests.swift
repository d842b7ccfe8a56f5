@testable import Documents
import Testing

/// Math as plain text for alt texts, SVG titles and PDF outlines: symbols, scripts and primes
/// as the reader would write them, no TeX left.
@Suite struct MathReadableTextTests {
    @Test(arguments: [
        (#"w_{1,1}^{(1)}"#, "w₁,₁⁽¹⁾"),
        (#"\operatorname{ReLU}'(0) = 0"#, "ReLU′(0) = 0"),
        (#"\sigma'(z)"#, "σ′(z)"),
        (#"\frac{\partial \mathcal{L}}{\partial w}"#, "(∂ L)/(∂ w)"),
    ])
    func readable(tex: String, expected: String) {
        #expect(MathReadableText.text(tex) == expected)
    }
}
