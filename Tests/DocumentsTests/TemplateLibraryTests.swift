import Foundation
import Testing

@testable import Documents

/// A fresh folder under the temporary directory, removed by `cleanUp()`.
private struct ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("TemplateLibraryTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("TemplateLibrary")
struct TemplateLibraryTests {
    @Test func builtinReadmeIsCompiledIn() throws {
        let (text, origin) = try TemplateLibrary().source(named: "README.md")
        #expect(origin == "<built-in>/README.md")
        #expect(text.hasPrefix("# Templates\n"))
        #expect(TemplateLibrary().builtinNames.contains("README.md"))
    }

    @Test func builtinNamesAreSorted() {
        let names = TemplateLibrary().builtinNames
        #expect(names == names.sorted())
    }

    @Test func overrideFileTakesPrecedenceFileByFile() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("my own readme\n", to: "README.md")
        try folder.write("only mine\n", to: "latex/extra.mustache")
        let library = TemplateLibrary(overrideDirectory: folder.path)

        let readme = try library.source(named: "README.md")
        #expect(readme.text == "my own readme\n")
        #expect(readme.origin == folder.path + "/README.md")

        let extra = try library.source(named: "latex/extra.mustache")
        #expect(extra.text == "only mine\n")
        #expect(extra.origin == folder.path + "/latex/extra.mustache")
    }

    @Test func fallsBackToBuiltinWhenOverrideLacksTheFile() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("unrelated\n", to: "other.md")
        let found = try TemplateLibrary(overrideDirectory: folder.path).source(named: "README.md")
        #expect(found.origin == "<built-in>/README.md")
        #expect(found.text == TemplateLibrary.embedded["README.md"])
    }

    @Test(arguments: [
        ("../x", "invalid template name '../x': '..' components are not allowed"),
        ("latex/../../x", "invalid template name 'latex/../../x': '..' components are not allowed"),
        ("/etc/passwd", "invalid template name '/etc/passwd': absolute paths are not allowed"),
        ("latex\\shell.mustache", "invalid template name 'latex\\shell.mustache': backslashes are not allowed"),
        ("", "invalid template name '': the name is empty"),
        ("a//b", "invalid template name 'a//b': empty path components are not allowed"),
        ("./README.md", "invalid template name './README.md': '.' components are not allowed"),
    ])
    func refusesNamesOutsideTheFolders(name: String, message: String) throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        for library in [TemplateLibrary(), TemplateLibrary(overrideDirectory: folder.path)] {
            let error = #expect(throws: TemplateLibraryError.self) { try library.source(named: name) }
            #expect(error?.description == message)
        }
    }

    @Test func missingTemplateNamesItAndWhereItLooked() throws {
        let builtinOnly = #expect(throws: TemplateLibraryError.self) {
            try TemplateLibrary().source(named: "latex/nope.mustache")
        }
        #expect(
            builtinOnly?.description
                == "template 'latex/nope.mustache' not found (looked in <built-in>/latex/nope.mustache)")

        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let withOverride = #expect(throws: TemplateLibraryError.self) {
            try TemplateLibrary(overrideDirectory: folder.path).source(named: "nope.md")
        }
        #expect(
            withOverride?.description
                == "template 'nope.md' not found (looked in \(folder.path)/nope.md, <built-in>/nope.md)")
    }

    @Test func missingOverrideFolderIsAnError() {
        let error = #expect(throws: TemplateLibraryError.self) {
            try TemplateLibrary(overrideDirectory: "/nonexistent/templates").source(named: "README.md")
        }
        #expect(error == .missingOverrideDirectory(path: "/nonexistent/templates"))
    }

    @Test func refusesSymlinkResolvingOutsideTheOverrideFolder() throws {
        let folder = try ScratchFolder()
        let outside = try ScratchFolder()
        defer {
            folder.cleanUp()
            outside.cleanUp()
        }
        try outside.write("secret\n", to: "secret.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/README.md", withDestinationPath: outside.path + "/secret.md")
        let error = #expect(throws: TemplateLibraryError.self) {
            try TemplateLibrary(overrideDirectory: folder.path).source(named: "README.md")
        }
        guard case .outsideOverrideDirectory(let name, _, let directory) = error else {
            Issue.record("expected outsideOverrideDirectory, got \(String(describing: error))")
            return
        }
        #expect(name == "README.md")
        #expect(directory == folder.path)
    }

    @Test func allowsSymlinkInsideTheOverrideFolder() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("shared\n", to: "common/part.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/README.md", withDestinationPath: folder.path + "/common/part.md")
        let found = try TemplateLibrary(overrideDirectory: folder.path).source(named: "README.md")
        #expect(found.text == "shared\n")
    }
}

/// The compiled-in copies must match `Templates/` exactly; fails when someone changed a
/// template and forgot `Scripts/embed-templates`.
@Suite("TemplateLibrary embedding")
struct TemplateLibraryEmbeddingTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    static func filesOnDisk() throws -> [String: String] {
        let root = templatesFolder.path
        var files: [String: String] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: root) {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            files[relative] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
        }
        return files
    }

    @Test func embeddedCopiesMatchTemplatesFolder() throws {
        let onDisk = try Self.filesOnDisk()
        let embedded = TemplateLibrary.embedded
        #expect(
            Set(embedded.keys) == Set(onDisk.keys),
            "Templates/ and the compiled-in copies differ: run Scripts/embed-templates")
        for (name, text) in onDisk.sorted(by: { $0.key < $1.key }) {
            #expect(embedded[name] == text, "\(name) is stale: run Scripts/embed-templates")
        }
    }
}
