import Documents
import Testing

@Suite struct WriterMathMacrosTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var tex: String
        var expanded: String
        var testDescription: String { tex }
    }

    @Test(arguments: [
        Case(tex: #"\inp{x_1}"#, expanded: #"{\color{#D35400}{x_1}}"#),
        Case(tex: #"\wt{W^{(1)}}\act{a}"#, expanded: #"{\color{#1F6FB2}{W^{(1)}}}{\color{#1E8449}{a}}"#),
        Case(tex: #"\err{\partial \wt{w}}"#, expanded: #"{\color{#C0392B}{\partial {\color{#1F6FB2}{w}}}}"#),
        Case(tex: #"a \hadamard b"#, expanded: #"a \odot b"#),
        Case(tex: #"a\hadamard{}b"#, expanded: #"a\odot{}b"#),
        Case(tex: #"\hadamard x"#, expanded: #"\odot x"#),
        Case(tex: #"\inp x + 1"#, expanded: #"{\color{#D35400}{x}} + 1"#),
        Case(tex: #"\inp\alpha"#, expanded: #"{\color{#D35400}{\alpha}}"#),
        Case(tex: #"\inp{\{a\}}"#, expanded: #"{\color{#D35400}{\{a\}}}"#),
        Case(tex: #"\input{x} \wtx \\ \inp"#, expanded: #"\input{x} \wtx \\ \inp"#),
        Case(tex: #"\begin{pmatrix} 1 & 2 \end{pmatrix}"#, expanded: #"\begin{pmatrix} 1 & 2 \end{pmatrix}"#),
    ])
    func expandsRoleMacrosForMarkdown(_ example: Case) {
        #expect(MathMacros.expand(example.tex) == example.expanded)
    }

    @Test func stripLeavesArguments() {
        #expect(MathMacros.strip(#"\err{\partial \wt{w_{1,1}}} \hadamard \act{a}"#) == #"\partial w_{1,1} \odot a"#)
    }

    @Test func everyMacroIsDefinedForLaTeXAndKaTeX() {
        for macro in MathMacros.all {
            #expect(MathMacros.latexDefinitions.contains("\\newcommand{\\\(macro.name)}"))
            #expect(MathMacros.katexMacros.contains("\"\\\\\(macro.name)\":"))
        }
        // KaTeX reads `#` in a macro body as a parameter: colours must be written `##`.
        #expect(MathMacros.katexMacros.contains(#""{\\color{##D35400}{#1}}""#))
        #expect(!MathMacros.katexMacros.contains("<"))
    }
}
