import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes: standard output and error in the tool, buffers in tests.
public struct Console: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void

    public init(writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and standard error (unbuffered writes). A write that
    /// fails never traps: see `StandardStreams`.
    public static var standard: Console { StandardStreams.shared.console }
}

extension Console {
    /// Discards everything (for files whose placement needs no notice).
    static let silent = Console(writeOutput: { _ in }, writeError: { _ in })
}

/// Standard output and error written with `write(2)`, remembering the first failure (a full
/// disk, a closed stream) instead of trapping, so the tool can exit 4 with a message where
/// one can still be written.
final class StandardStreams: Sendable {
    static let shared = StandardStreams()

    /// The first failure on each descriptor (1, 2).
    private let failures = Mutex([Int32: String]())
    /// Streams that were closed when the process started (`2>&-`).
    private let closed = Mutex(Set<Int32>())

    /// Opens `/dev/null` on any of descriptors 0–2 that is closed, so no file the tool opens
    /// later can take its number and receive progress lines; a closed output stream still
    /// counts as failed when written to.
    func guardClosedDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            closed.withLock { _ = $0.insert(descriptor) }
        }
    }

    var console: Console {
        Console(
            writeOutput: { [self] in write($0, to: 1) },
            writeError: { [self] in write($0, to: 2) }
        )
    }

    private func write(_ text: String, to descriptor: Int32) {
        guard failures.withLock({ $0[descriptor] == nil }) else { return }
        let reason = closed.withLock({ $0.contains(descriptor) }) ? "it is closed" : FileSystem.writeAll(text, to: descriptor)
        if let reason { failures.withLock { if $0[descriptor] == nil { $0[descriptor] = reason } } }
    }

    /// Why writing to standard output failed, if it did.
    var outputFailed: String? { failures.withLock { $0[1] } }
    /// Why writing to standard error failed, if it did.
    var errorFailed: String? { failures.withLock { $0[2] } }
}
