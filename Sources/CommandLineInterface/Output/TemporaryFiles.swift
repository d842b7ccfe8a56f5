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

    func register(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every registered file; called on interruption.
    func removeAll() {
        paths.withLock { registered in
            for path in registered { unlink(path) }
            registered.removeAll()
        }
    }

    /// Installs the signal handlers: remove the temporary files, then exit with 128 + signal.
    func cleanUpOnInterruption() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in
                    removeAll()
                    _exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
