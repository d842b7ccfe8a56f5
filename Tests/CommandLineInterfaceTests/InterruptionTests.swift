import Backprop
import Foundation
import Testing

/// A long batch killed mid-way leaves only complete files: no partial output, no temporary file.
@Suite struct InterruptionTests {
    /// The tool built beside the test bundle (`swift build` builds it with the tests).
    static var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("worked-backprop")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func killedBatchLeavesOnlyCompleteFiles(signal: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool.path), "build the tool first: swift build")
        let project = try TemporaryFolder()
        defer { project.remove() }
        _ = try project.write("a.json", BuiltinExamples.seed000)
        let documents = (1...40).map { #"{"spec": "a.json", "kind": "handout", "output": "doc-\#($0)/handout"}"# }
        _ = try project.write("documents.json", #"{"outputRoot": "out", "documents": [\#(documents.joined(separator: ","))]}"#)

        let process = Process()
        process.executableURL = Self.tool
        process.arguments = ["build", project.file("documents.json"), "--jobs", "2", "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some documents are written, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let written = (FileManager.default.enumerator(atPath: project.file("out"))?.allObjects.count) ?? 0
            if written > 10 { break }
            usleep(20_000)
        }
        try #require(process.isRunning, "the batch finished before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)

        // Every file left is complete: byte-equal to what an uninterrupted build writes.
        #expect(CapturedRun(["build", project.file("documents.json"), "--output", project.file("reference"), "--quiet"]).exitCode == 0)
        var checked = 0
        let enumerator = FileManager.default.enumerator(atPath: project.file("out"))
        while let relative = enumerator?.nextObject() as? String {
            let path = project.file("out/" + relative)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            #expect(!relative.contains(".tmp-"), "stray temporary file \(relative)")
            #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: project.file("reference/" + relative)),
                    "partial file \(relative)")
            checked += 1
        }
        #expect(checked > 0)
    }
}
