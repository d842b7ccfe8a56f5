import Foundation
import Testing

/// Runs the built tool as a child process through `/bin/sh`, for what only a real process
/// shows: exit codes after stream failures, closed descriptors, special files.
struct ToolProcess {
    let status: Int32
    let output: String
    let error: String

    /// The tool built beside the test bundle (`swift build` builds it with the tests).
    static var tool: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("worked-backprop").path
    }

    /// Runs `script` with `$TOOL` set to the tool, in `folder`.
    init(_ script: String, in folder: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool), "build the tool first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["TOOL"] = Self.tool
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the child runs, so a large output cannot block it.
        let outData = Mutex(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData.withLock { $0 = out.fileHandleForReading.readDataToEndOfFile() } }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: outData.withLock { $0 }, as: UTF8.self)
        error = String(decoding: errData, as: UTF8.self)
    }
}

/// Whether the tests run as root; tests that need it say why they skip.
var isRoot: Bool { getuid() == 0 }

import Synchronization
