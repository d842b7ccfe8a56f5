/// How an HTML page typesets its formulas.
public enum HTMLMathMode: String, CaseIterable, Hashable, Sendable {
    /// MathML Core written into the page: laid out natively by every current browser, with no
    /// script and nothing loaded; read by screen readers. The default.
    case mathml
    /// TeX in the page, typeset by KaTeX loaded from a CDN or a local folder (`--katex-url`).
    case katex
}
