import Documents
import Testing

/// The TeX → MathML translator of the HTML writer, construct by construct: what each part of
/// the subset becomes, and that anything outside it is an error at its position.
@Suite struct MathMLTranslatorTests {
    static let cases: [(tex: String, mathML: String)] = [
        // Letters, numbers, operators; a minus after an operator or at the start is a sign.
        ("x + 1", "<mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"),
        ("-0.5 - y", "<mrow><mo form=\"prefix\">−</mo><mn>0.5</mn><mo>−</mo><mi>y</mi></mrow>"),
        ("a \\approx -2", "<mrow><mi>a</mi><mo>≈</mo><mo form=\"prefix\">−</mo><mn>2</mn></mrow>"),
        ("(x) - 1", "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo><mo>−</mo><mn>1</mn></mrow>"),
        // Role macros become classes the palette colours.
        ("\\err{\\delta}", "<mrow class=\"wb-error\"><mi>δ</mi></mrow>"),
        ("\\inp{x_{1}} \\hadamard \\wt{w}", "<mrow><mrow class=\"wb-input\"><msub><mi>x</mi><mn>1</mn></msub></mrow><mo>⊙</mo><mrow class=\"wb-weight\"><mi>w</mi></mrow></mrow>"),
        // Scripts: a bare digit script takes one digit, as in TeX.
        ("w_{j,k}^{(l)}", "<msubsup><mi>w</mi><mrow><mi>j</mi><mo separator=\"true\">,</mo><mi>k</mi></mrow><mrow><mo stretchy=\"false\">(</mo><mi>l</mi><mo stretchy=\"false\">)</mo></mrow></msubsup>"),
        ("x^23", "<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>"),
        // Primes follow the base on the baseline; with a superscript they join it.
        ("\\sigma'(z)", "<mrow><mrow><mi>σ</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo></mrow>"),
        ("f''^{2}", "<msup><mi>f</mi><mrow><mo lspace=\"0em\" rspace=\"0em\">″</mo><mn>2</mn></mrow></msup>"),
        // Fractions.
        ("\\frac{1}{2}", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        ("\\tfrac{a}{b}", "<mstyle displaystyle=\"false\"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>"),
        // Alphabets: Unicode mathematical letters; \mathrm and \operatorname words are one <mi>.
        ("\\mathbf{W}", "<mi>𝐖</mi>"),
        ("\\boldsymbol{\\delta}", "<mi>𝜹</mi>"),
        ("\\mathcal{L}", "<mi>ℒ</mi>"),
        ("\\mathbb{R}", "<mi>ℝ</mi>"),
        ("\\mathrm{FD}", "<mi>FD</mi>"),
        ("\\mathrm{e}", "<mi mathvariant=\"normal\">e</mi>"),
        ("\\operatorname{ReLU}", "<mi>ReLU</mi>"),
        ("\\tanh", "<mi>tanh</mi>"),
        // Text keeps its spaces at the ends and decodes the printer's escapes.
        ("\\text{ if \\_x\\textasciicircum{} }", "<mtext>\u{00A0}if _x^\u{00A0}</mtext>"),
        // Delimiters: fixed, sized, stretchy.
        ("\\lvert x \\rvert", "<mrow><mo stretchy=\"false\">|</mo><mi>x</mi><mo stretchy=\"false\">|</mo></mrow>"),
        ("\\bigl(x\\bigr)", "<mrow><mo minsize=\"1.2em\" maxsize=\"1.2em\" stretchy=\"true\" symmetric=\"true\">(</mo><mi>x</mi><mo minsize=\"1.2em\" maxsize=\"1.2em\" stretchy=\"true\" symmetric=\"true\">)</mo></mrow>"),
        ("\\left[ x \\right.", "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\" symmetric=\"true\">[</mo><mi>x</mi></mrow>"),
        // Structures.
        ("\\boxed{1}", "<mrow class=\"wb-boxed\"><mn>1</mn></mrow>"),
        ("\\underbrace{a b}_{1}", "<munder><munder accentunder=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mn>1</mn></munder>"),
        ("\\xrightarrow{w}", "<mover><mo stretchy=\"true\" class=\"wb-xarrow\">→</mo><mrow class=\"wb-xarrow-label\"><mi>w</mi></mrow></mover>"),
        ("\\sum_{j} x", "<mrow><munder><mo movablelimits=\"true\">∑</mo><mi>j</mi></munder><mi>x</mi></mrow>"),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}",
         "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\" symmetric=\"true\">(</mo><mtable class=\"wb-matrix\"><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\" symmetric=\"true\">)</mo></mrow>"),
        ("\\begin{aligned} a &= 1 \\\\ &\\approx 2 \\\\ \\end{aligned}",
         "<mtable class=\"wb-aligned\" displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd><mtd><mrow><mo>=</mo><mn>1</mn></mrow></mtd></mtr><mtr><mtd><mrow></mrow></mtd><mtd><mrow><mo>≈</mo><mn>2</mn></mrow></mtd></mtr></mtable>"),
        // Spaces and dots: low dots between commas, centred dots elsewhere.
        ("1, \\dots, L", "<mrow><mn>1</mn><mo separator=\"true\">,</mo><mo>…</mo><mo separator=\"true\">,</mo><mi>L</mi></mrow>"),
        ("a + \\dots", "<mrow><mi>a</mi><mo>+</mo><mo>⋯</mo></mrow>"),
        ("a\\,\\%", "<mrow><mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>%</mi></mrow>"),
    ]

    @Test(arguments: cases)
    func translates(_ example: (tex: String, mathML: String)) throws {
        #expect(try MathMLTranslator().translate(example.tex, display: false) == "<math>\(example.mathML)</math>")
    }

    @Test func displayMathIsABlock() throws {
        #expect(try MathMLTranslator().translate("x", display: true) == "<math display=\"block\"><mi>x</mi></math>")
    }

    static let errors: [(tex: String, offset: Int, message: String)] = [
        ("x + \\frobnicate", 4, "'\\frobnicate' is not in the TeX subset"),
        ("\\begin{cases} x \\end{cases}", 0, "environment 'cases'"),
        ("{x", 0, "unbalanced '{'"),
        ("x}", 1, "unbalanced '}'"),
        ("a & b", 2, "'&' outside"),
        ("x \\tag{1}", 2, "'\\tag' is not supported"),
        ("\\text{a $b$}", 8, "'$' is not supported inside \\text"),
        ("\\frac{1}", 8, "\\frac is missing its argument"),
        ("\\left( x", 0, "'\\left' has no matching '\\right'"),
        ("x^1^2", 3, "double superscript"),
        ("#", 0, "'#' is not supported"),
        ("\\begin{pmatrix} 1 \\end{bmatrix}", 0, "ended by '\\end{bmatrix}'"),
        ("\\left\\uparrow x \\right)", 5, "not a delimiter"),
    ]

    @Test(arguments: errors)
    func rejectsWhatItDoesNotKnow(_ example: (tex: String, offset: Int, message: String)) {
        #expect {
            _ = try MathMLTranslator().translate(example.tex, display: false)
        } throws: { error in
            guard let error = error as? MathMLError else { return false }
            return error.offset == example.offset && error.message.contains(example.message)
        }
    }
}
