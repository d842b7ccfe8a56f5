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

    private let folders = Mutex(Set<String>())

    /// Creates a new file at `path` for writing and registers it, under the lock the
    /// interruption handler takes: no temporary file can appear after the handler has run.
    /// The file must not exist (`O_EXCL`) and is never opened through a symbolic link
    /// (`O_NOFOLLOW`). Returns the open descriptor, or `nil` with `errno` set.
    func create(_ path: String) -> Int32? {
        paths.withLock { registered in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
            registered.insert(path)
            return descriptor
        }
    }

    func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Creates a new folder at `path` (it must not exist) and registers it: on interruption
    /// it is removed with everything in it. Returns `false` with `errno` set on failure.
    func createFolder(_ path: String) -> Bool {
        paths.withLock { _ in
            guard mkdir(path, 0o755) == 0 else { return false }
            folders.withLock { _ = $0.insert(path) }
            return true
        }
    }

    func unregisterFolder(_ path: String) { folders.withLock { _ = $0.remove(path) } }

    /// Removes every registered file and exits, holding the lock so that no writer can
    /// create another temporary file in between.
    private func removeAllAndExit(_ status: Int32) -> Never {
        paths.withLock { registered -> Never in
            for path in registered { unlink(path) }
            for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
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
