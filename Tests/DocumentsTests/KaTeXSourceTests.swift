import Documents
import Foundation
import Testing

/// The KaTeX a `--math katex` page loads: a local folder is checked for every file, and the
/// unminified copy stands in for a missing minified one (Debian's libjs-katex).
@Suite struct KaTeXSourceTests {
    static func folder(with files: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katex-\(UUID().uuidString)")
        for file in files {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("/* */".utf8).write(to: url)
        }
        return folder.path
    }

    @Test func aFolderMissingFilesIsNamedInAWarning() throws {
        let folder = try Self.folder(with: ["katex.min.css"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warnings = KaTeXSource.warnings(base: folder)
        #expect(warnings.count == 2)
        #expect(warnings[0].contains("has no katex.min.js"))
        #expect(warnings[1].contains("has no contrib/auto-render.min.js"))
        #expect(KaTeXSource.warnings(base: "file://" + folder).count == 2)
    }

    @Test func theUnminifiedCopyStandsIn() throws {
        let folder = try Self.folder(with: ["katex.min.css", "katex.min.js", "contrib/auto-render.js"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(KaTeXSource.warnings(base: folder).isEmpty)
        #expect(KaTeXSource.resolvedFiles(base: folder) == ["katex.min.css", "katex.min.js", "contrib/auto-render.js"])
    }

    @Test func remoteURLsAreNotChecked() {
        #expect(KaTeXSource.warnings(base: HTMLWriter.defaultKaTeXBaseURL).isEmpty)
        #expect(KaTeXSource.warnings(base: "https://example.org/katex").isEmpty)
        #expect(KaTeXSource.resolvedFiles(base: "https://example.org/katex") == KaTeXSource.loadedFiles)
    }
}
