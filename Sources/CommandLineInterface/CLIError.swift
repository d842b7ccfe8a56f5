/// Every way a command can fail, and the one place that turns them into messages and exit codes.
public enum CLIError: Error, Equatable, Sendable {
    /// Wrong arguments: unknown option, missing value.
    case usage(String)
    /// The spec, template or data given is invalid; the message locates the problem.
    case invalidInput(String)
    /// A file could not be read or written.
    case io(String)
    /// The computation could not be certified even at the highest precision.
    case computation(String)
    /// A check ran and failed (for instance, stale documents).
    case checkFailed(String)

    /// The process exit code: documented in the README, stable across versions.
    public var exitCode: Int32 {
        switch self {
        case .checkFailed: return 1
        case .usage: return 2
        case .invalidInput: return 3
        case .io: return 4
        case .computation: return 5
        }
    }

    /// What went wrong, without the `error:` prefix.
    public var detail: String {
        switch self {
        case .usage(let m), .invalidInput(let m), .io(let m), .computation(let m), .checkFailed(let m): return m
        }
    }

    /// The message printed on standard error.
    public var message: String {
        switch self {
        case .usage(let m): return "error: \(m)\nRun 'worked-backprop help' for usage."
        case .invalidInput(let m), .io(let m), .computation(let m), .checkFailed(let m): return "error: \(m)"
        }
    }
}
