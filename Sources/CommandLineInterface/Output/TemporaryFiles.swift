import Dispatch
import Foundation
import Synchronization

/// The temporary files being written right now. When the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), they are removed before it exits, so an interrupted run leaves no
/// partial and no stray temporary file: every output is either complete or absent.
final class TemporaryFiles: Sendable {
    static let shared = TemporaryFiles()

    private let paths = Mutex(Set<String>())
    private let sources = Mutex([any DispatchSourceSignal]())

    /// Creates (truncates) the file at `path` for writing and registers it, under the lock the
    /// interruption handler takes: no temporary file can appear after the handler has run.
    /// Returns the open descriptor, or `nil` with `errno` set.
    func create(_ path: String) -> Int32? {
        paths.withLock { registered in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { return nil }
            registered.insert(path)
            return descriptor
        }
    }

    func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every registered file and exits, holding the lock so that no writer can
    /// create another temporary file in between.
    private func removeAllAndExit(_ status: Int32) -> Never {
        paths.withLock { registered -> Never in
            for path in registered { unlink(path) }
            _exit(status)
        }
    }

    /// Installs the signal handlers: remove the temporary files, then exit with 128 + signal.
    func cleanUpOnInterruption() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in removeAllAndExit(128 + number) }
                source.resume()
                sources.append(source)
            }
        }
    }
}
