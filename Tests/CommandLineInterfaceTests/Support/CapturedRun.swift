import CommandLineInterface
import Foundation
import Synchronization

/// Runs the CLI in-process with its output captured.
struct CapturedRun {
    let exitCode: Int32
    let output: String
    let error: String

    init(_ arguments: [String]) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOutput: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } }
        )
        exitCode = CLI.run(arguments, console: console)
        output = out.withLock { $0 }
        error = err.withLock { $0 }
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "worked-backprop-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
        return file(name)
    }

    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
