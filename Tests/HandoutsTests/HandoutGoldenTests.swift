import Backprop
import Documents
import Foundation
import Handouts
import Testing

/// The seed handout in every format, byte for byte. Re-record with `RECORD_GOLDENS=1 swift test`
/// after an intended change, and read the diff before committing it.
@Suite struct HandoutGoldenTests {
    static let goldenDirectory = HandoutFixtures.packageRoot.appendingPathComponent("Tests/HandoutsTests/Golden")

    @Test(arguments: OutputFormat.allCases)
    func seedHandoutMatchesGolden(_ format: OutputFormat) throws {
        var options = HandoutOptions(format: format)
        options.attachmentStem = "seed-000"
        let rendered = try HandoutGenerator(options: options).generate(HandoutFixtures.seed000)
        var files = [("seed-000." + format.fileExtension, rendered.main)]
        files += rendered.attachments.map { ($0.name, $0.contents) }
        for (name, contents) in files {
            let url = Self.goldenDirectory.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(contents == golden, "\(name) differs from its golden file; if intended, re-record with RECORD_GOLDENS=1 and review the diff")
        }
    }

    /// Seed 004's (2, 3, 2) network in symbols, lecture-notes notation, Jacobian form.
    @Test(arguments: OutputFormat.allCases)
    func symbolicHandoutMatchesGolden(_ format: OutputFormat) throws {
        var options = HandoutOptions(format: format)
        options.symbolic = true
        options.notation = .lectureNotes
        options.errorForm = .jacobian
        let text = try String(contentsOf: HandoutFixtures.packageRoot.appendingPathComponent("Examples/seed-004-symbolic.json"), encoding: .utf8)
        let rendered = try HandoutGenerator(options: options).generate(try SpecReader(symbolic: true).read(text))
        let url = Self.goldenDirectory.appendingPathComponent("seed-004-symbolic." + format.fileExtension)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try rendered.main.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered.main == golden, "\(url.lastPathComponent) differs from its golden file; if intended, re-record with RECORD_GOLDENS=1 and review the diff")
    }

    @Test(arguments: OutputFormat.allCases)
    func generationIsDeterministic(_ format: OutputFormat) throws {
        let first = try HandoutFixtures.handout(HandoutFixtures.seed000, format)
        let second = try HandoutFixtures.handout(HandoutFixtures.seed000, format)
        #expect(first == second)
    }
}
