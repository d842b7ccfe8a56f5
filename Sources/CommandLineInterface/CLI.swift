/// The `worked-backprop` command line: picks the subcommand, runs it, and is the one place
/// where errors become messages on standard error and exit codes.
public enum CLI {
    static var commands: [any Command.Type] { [HandoutCommand.self, ExercisesCommand.self, TraceCommand.self, BuildCommand.self, TemplateCommand.self] }

    /// Runs the tool as the process: interruptions clean up temporary files first. A write to
    /// standard output or error that fails (a full disk, a closed stream) ends in exit code 4,
    /// with a message on standard error when it can still take one.
    public static func runAsProcess(_ arguments: [String]) -> Int32 {
        // Before anything opens a descriptor (the signal sources do), so none takes 1 or 2.
        let streams = StandardStreams.shared
        streams.guardClosedDescriptors()
        TemporaryFiles.shared.cleanUpOnInterruption()
        let status = run(arguments, console: streams.console)
        if let reason = streams.outputFailed {
            let error = CLIError.io("cannot write to standard output: \(reason)")
            streams.console.writeError(error.message + "\n")
            return error.exitCode
        }
        if streams.errorFailed != nil { return CLIError.io("").exitCode }
        return status
    }

    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        guard let first = arguments.first else {
            console.writeOutput(overview)
            return 0
        }
        if ["help", "--help", "-h"].contains(first) {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.writeOutput(command.help)
            } else {
                console.writeOutput(overview)
            }
            return 0
        }
        if first == "--version" {
            console.writeOutput("worked-backprop \(version)\n")
            return 0
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let error = CLIError.usage("unknown command \"\(first)\"")
            console.writeError(error.message + "\n")
            return error.exitCode
        }
        var rest = ArgumentList(Array(arguments.dropFirst()))
        if rest.flag("--help", "-h") {
            console.writeOutput(command.help)
            return 0
        }
        do {
            let parsed = try command.init(parsing: &rest)
            try parsed.run(console)
            return 0
        } catch {
            console.writeError(error.message + "\n")
            return error.exitCode
        }
    }

    public static let version = "0.1.0"

    static var overview: String {
        var text = """
        worked-backprop — step-by-step worked derivations of backpropagation, exactly computed.

        Usage: worked-backprop <command> [options]

        Commands:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += """

        Run 'worked-backprop <command> --help' for a command's options.

        Exit codes: 0 success, 1 a check or a document of a batch failed, 2 usage error, 3 invalid spec, template or data,
        4 file could not be read or written, 5 a value could not be certified.

        """
        return text
    }
}
