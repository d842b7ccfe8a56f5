import Foundation

/// Where a command's output goes: standard output and error in the tool, buffers in tests.
public struct Console: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void

    public init(writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and standard error (unbuffered writes).
    public static let standard = Console(
        writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) }
    )
}

extension Console {
    /// Discards everything (for files whose placement needs no notice).
    static let silent = Console(writeOutput: { _ in }, writeError: { _ in })
}
