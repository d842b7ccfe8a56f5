/// A subcommand: parsed from its arguments, validated, then run. (The shape of
/// swift-argument-parser's commands, written small by hand.)
protocol Command {
    /// The word that selects it: `worked-backprop NAME …`.
    static var name: String { get }
    /// One line for the overview.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }

    /// Consumes this command's options and positionals; any left over is a usage error.
    init(parsing arguments: inout ArgumentList) throws(CLIError)

    /// Does the work, writing results and progress through `console`.
    func run(_ console: Console) throws(CLIError)
}
