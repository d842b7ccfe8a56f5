@testable import Documents
import Testing

/// Inline code may break after punctuation, so an identifier at a line's end cannot run past
/// the margin (the "everything" fixture's `net.forward(x)` ran 19 pt out).
@Suite struct LaTeXTextTests {
    @Test(arguments: [
        ("net.forward(x)", #"net.\allowbreak{}forward(\allowbreak{}x)"#),
        ("plain", "plain"),
        ("", ""),
        ("a_b", #"a\_\allowbreak{}b"#),
        ("end.", "end."),
    ])
    func codeBreaksAfterPunctuation(code: String, expected: String) {
        #expect(LaTeXText.code(code) == expected)
    }
}
