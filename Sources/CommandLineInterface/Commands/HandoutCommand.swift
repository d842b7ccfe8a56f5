import Backprop
import Documents
import Foundation
import Handouts

/// `worked-backprop handout [SPEC] --format F [-o PATH|-] …`: the complete worked handout.
struct HandoutCommand: Command {
    static let name = "handout"
    static let summary = "write the step-by-step worked handout of a spec (LaTeX, Markdown, HTML)"
    static let help = """
    Usage: worked-backprop handout [SPEC] [--format latex|markdown|html] [-o PATH|-] [options]

    Writes the complete worked derivation of backpropagation for the network in SPEC (a JSON
    file, or - for standard input; the built-in seed example when omitted): notation,
    architecture figure, parameters, the four theorems, forward pass, loss, backward pass, the
    target gradient, a finite-difference check, the chain of derivatives as a sum over paths,
    a reference table, the algorithm and the derivations of BP1 and BP2.

    Every number is the correctly rounded true value; '=' is written only where both sides are
    exactly equal, '≈' everywhere else.

    Output:
      --format FORMAT        latex, markdown or html (default: from -o's extension, else latex)
      -o, --output PATH      write to PATH (atomically); figures of the Markdown format go beside
                             it; '-' or no -o writes to standard output (figures then go to the
                             current folder); a device or FIFO is written through; PATH.pdf
                             compiles the LaTeX handout to PDF (needs latexmk or pdflatex)
      --templates DIR        templates in DIR override the built-in ones, file by file
      --math MODE            how HTML shows formulas: 'mathml' (default) writes MathML into
                             the page, drawn by the browser itself: no script, no network, works
                             offline; 'katex' writes TeX that KaTeX typesets when the page loads
                             (needs the network or --katex-url; for browsers without MathML)
      --katex-url BASE       with --math katex: where KaTeX is loaded from (a URL or a local
                             folder holding katex.min.css, katex.min.js, contrib/auto-render.min.js)

    Numbers:
      --digits N             significant digits of displayed numbers (default 4, 1-30)
      --decimals N           decimal places instead (0-30)
      --hand-checkable       every step whose result is one number can be redone with a
                             calculator from the printed numbers: operands (a whole vector
                             or matrix at once) get more digits where a step needs them, at
                             most 4 more (20 where terms cancel); in the built-in example
                               z ≈ … ≈ 0.2133 + 0.3083 + 0.1 ≈ 0.6215   (by hand: 0.6216)
                             becomes
                               z ≈ … ≈ 0.21327 + 0.30827 + 0.1 ≈ 0.6215
                             every number is still the correctly rounded true value

    Wide layers:
      --max-shown N          show at most N neurons of a layer (default 8, 3-16): a wider
                             layer shows the focus neuron, its paths, the first and the last,
                             the same ones in the figure, tables, vectors and steps, and says
                             which it leaves out
      --full                 show every neuron of every layer; refused when a layer is wider
                             than 16 (more does not fit a page)

    Notation (defaults follow the classic handout):
      --notation NAME        'standard' (w^(l), input layer 0, loss \\mathcal{L}) or
                             'lecture-notes' (w^[l], input layer 1, loss C)
      --superscript STYLE    'paren' for w^(l) or 'bracket' for w^[l]
      --first-layer N        number the input layer 0 or 1
      --weight-theorem NAME  number the weight-gradient equation BP3 (default) or BP4
      --loss-symbol S        L, script-L or C
      --symbolic             the whole derivation in symbols (seed 004): the spec needs only
                             layers, activations, loss and focus; no number appears
      --error-form FORM      write BP1 and BP2 with the Hadamard product f'(z) ⊙ v
                             ('hadamard', default) or with the diagonal Jacobian
                             D = diag(f'(z)) and its values ('jacobian')
      -h, --help             show this help

    """

    var specPath: String?
    var outputPath: String?
    var options: HandoutOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        outputPath = try arguments.pathOption("-o", "--output")
        let wantsPDF = outputPath?.hasSuffix(".pdf") ?? false
        let inferred = wantsPDF ? .latex : outputPath.flatMap { path in OutputFormat.allCases.first { path.hasSuffix("." + $0.fileExtension) } }
        options = try DocumentOptionsParser.parse(&arguments, defaultFormat: inferred ?? .latex)
        options.symbolic = arguments.flag("--symbolic")
        if wantsPDF && options.format != .latex {
            throw .usage("-o \(outputPath!) asks for a PDF, which is compiled from LaTeX; --format \(options.format.rawValue) cannot make one")
        }
        if case .path(let path) = try Destination(outputPath) {
            options.attachmentStem = PathName.stem(path)
        }
        specPath = try arguments.positionals(atMost: 1).first
    }

    func run(_ console: Console) throws(CLIError) {
        let spec = try SpecLoader.load(specPath, symbolic: options.symbolic)
        for warning in options.katexWarnings { console.writeError("warning: \(warning)\n") }
        let rendered: RenderedDocument
        do {
            rendered = try HandoutGenerator(options: options).generate(spec)
        } catch {
            switch error {
            case .template, .document: throw .invalidInput(error.description)
            case .computation: throw .computation(error.description)
            case .options: throw .usage(error.description)
            }
        }
        let destination = try Destination(outputPath)
        if case .path(let path) = destination, path.hasSuffix(".pdf") {
            try PDFCompiler.locate().compileStandalone(rendered, to: path)
        } else {
            try OutputWriter.write(rendered, to: destination, console: console)
        }
    }
}
