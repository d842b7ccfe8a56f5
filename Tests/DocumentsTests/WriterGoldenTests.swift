import Documents
import Foundation
import Testing

/// The everything fixture rendered to each format, compared byte for byte with the files in
/// `Golden/`. `RECORD_GOLDENS=1 swift test` re-records them; `WRITE_FIXTURE_OUTPUT=DIR` also
/// writes the outputs to DIR for the real-tool checks in `Scripts/`.
@Suite struct WriterGoldenTests {
    static let goldenDirectory = WriterSetup.packageRoot.appendingPathComponent("Tests/DocumentsTests/Golden")

    @Test(arguments: OutputFormat.allCases)
    func everythingMatchesGolden(_ format: OutputFormat) throws {
        let rendered = try WriterSetup.writer(format).write(WriterFixture.document)
        let environment = ProcessInfo.processInfo.environment
        var files = [("everything." + format.fileExtension, rendered.main)]
        files += rendered.attachments.map { ($0.name, $0.contents) }
        if let directory = environment["WRITE_FIXTURE_OUTPUT"], !directory.isEmpty {
            let url = URL(fileURLWithPath: directory)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, contents) in files {
                try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
        for (name, contents) in files {
            let golden = Self.goldenDirectory.appendingPathComponent(name)
            if environment["RECORD_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
                try contents.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: golden, encoding: .utf8)
            #expect(
                expected == contents,
                "\(name) differs from Golden/\(name) (\(Self.firstDifference(expected ?? "", contents))). If the change is intended, re-record with RECORD_GOLDENS=1 swift test --filter WriterGoldenTests and review git diff."
            )
        }
    }

    /// A wide and tall network (six columns, up to ten nodes) for the real-tool checks and for
    /// looking at: written only with `WRITE_FIXTURE_OUTPUT`, no golden.
    @Test(arguments: OutputFormat.allCases)
    func largeNetworkOutput(_ format: OutputFormat) throws {
        let stem = "large-network"
        let rendered = try WriterSetup.writer(format, stem: stem).write(WriterFixture.largeNetworkDocument)
        #expect(!rendered.main.isEmpty)
        guard let directory = ProcessInfo.processInfo.environment["WRITE_FIXTURE_OUTPUT"], !directory.isEmpty else { return }
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try rendered.main.write(to: url.appendingPathComponent("\(stem).\(format.fileExtension)"), atomically: true, encoding: .utf8)
        for attachment in rendered.attachments {
            try attachment.contents.write(to: url.appendingPathComponent(attachment.name), atomically: true, encoding: .utf8)
        }
    }

    @Test func outputIsDeterministic() throws {
        for format in OutputFormat.allCases {
            let writer = try WriterSetup.writer(format)
            #expect(try writer.write(WriterFixture.document) == writer.write(WriterFixture.document))
        }
    }

    /// Where two texts first differ, as `line N: expected … got …`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let lhs = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let rhs = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if lhs != rhs { return "line \(index + 1): expected \(lhs.debugDescription), got \(rhs.debugDescription)" }
        }
        return "no line differs"
    }
}
