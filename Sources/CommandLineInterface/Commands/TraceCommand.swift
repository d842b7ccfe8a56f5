import Backprop
import JSON

/// `worked-backprop trace [SPEC] [-o FILE] [--digits N]`: every intermediate as JSON.
struct TraceCommand: Command {
    static let name = "trace"
    static let summary = "print every intermediate of the forward and backward pass as JSON"
    static let help = """
    Usage: worked-backprop trace [SPEC] [-o FILE] [--digits N]

    Computes one forward and backward pass of the network in SPEC (a JSON file, or - for
    standard input; the built-in seed example when omitted) and prints every intermediate as
    JSON: layers (z, a, activationDerivative, delta), loss, gradients, the chain-rule paths of
    the focus parameter, the finite-difference check (in IEEE double) and one SGD step.

    Every number is {"value": "...", "exact": true|false}. Exact values are written exactly
    (a finite decimal, or p/q); the others are correctly rounded to N significant digits.

    Options:
      -o, --output FILE   write to FILE (atomically) instead of standard output
      --digits N          significant digits of non-exact values (default 30, 1-200)
      -h, --help          show this help

    """

    var specPath: String?
    var outputPath: String?
    var digits: Int

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        outputPath = try arguments.pathOption("-o", "--output")
        digits = try arguments.integerOption("--digits", in: 1...200) ?? 30
        specPath = try arguments.positionals(atMost: 1).first
    }

    func run(_ console: Console) throws(CLIError) {
        let spec = try SpecLoader.load(specPath)
        let encoder = TraceEncoder(digits: digits)
        let json: JSONValue
        do {
            json = try Engine.refine(spec) { encoder.encode($0) }
        } catch {
            throw .computation("\(error) to \(digits) digits")
        }
        switch try Destination(outputPath) {
        case .path(let path): try FileSystem.writeFile(bytes: JSONWriter().bytes(json), to: path)
        case .standardOutput: console.writeOutput(JSONWriter().write(json))
        }
    }
}
