import Foundation

/// The templates the generator renders: the built-in copies compiled into the binary, each
/// overridable by a file of the same relative path in a user folder (`--templates DIR`).
///
/// Names are relative paths inside `Templates/`, such as `latex/shell.mustache` or
/// `forward-pass.md`. A name may not leave its folder: `..` components, absolute paths,
/// backslashes and empty components are refused, and so is an override file whose symlinks
/// resolve outside the override folder.
///
/// The built-in copies live in `BuiltinTemplates.generated.swift`, written from `Templates/` by
/// `Scripts/embed-templates`.
public struct TemplateLibrary: Sendable {
    /// The user folder searched before the built-in copies, if any.
    public let overrideDirectory: String?

    public init(overrideDirectory: String? = nil) {
        self.overrideDirectory = overrideDirectory
    }

    /// The names of every built-in template, sorted.
    public var builtinNames: [String] { Self.embedded.keys.sorted() }

    /// The text of the template `path` and where it came from: the override folder's file if
    /// it has one, else the built-in copy. `origin` is the file path for messages, or
    /// `<built-in>/PATH` for a built-in copy.
    public func source(named path: String) throws(TemplateLibraryError) -> (text: String, origin: String) {
        try Self.validate(name: path)
        if let overrideDirectory {
            if let found = try Self.overrideFile(named: path, in: overrideDirectory) {
                return found
            }
        }
        if let text = Self.embedded[path] {
            return (text, Self.builtinOrigin(path))
        }
        var searched: [String] = []
        if let overrideDirectory { searched.append(Self.join(overrideDirectory, path)) }
        searched.append(Self.builtinOrigin(path))
        throw .notFound(name: path, searched: searched)
    }

    /// `<built-in>/PATH`, the origin of a built-in template in messages.
    static func builtinOrigin(_ path: String) -> String { "<built-in>/" + path }

    static func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Refuses names that could reach outside the template folders.
    static func validate(name: String) throws(TemplateLibraryError) {
        func refuse(_ reason: String) -> TemplateLibraryError { .invalidName(name: name, reason: reason) }
        if name.isEmpty { throw refuse("the name is empty") }
        if name.hasPrefix("/") { throw refuse("absolute paths are not allowed") }
        if name.contains("\\") { throw refuse("backslashes are not allowed") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse("control characters are not allowed")
        }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..": throw refuse("'..' components are not allowed")
            case ".": throw refuse("'.' components are not allowed")
            case "": throw refuse("empty path components are not allowed")
            default: continue
            }
        }
    }

    /// The override folder's copy of `path`, or `nil` when the folder has none.
    static func overrideFile(
        named path: String, in directory: String
    ) throws(TemplateLibraryError) -> (text: String, origin: String)? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingOverrideDirectory(path: directory)
        }
        let origin = join(directory, path)
        // `fileExists` follows symlinks: a dangling link counts as absent, like a missing file.
        guard manager.fileExists(atPath: origin, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw .unreadable(path: origin, reason: "it is a directory") }

        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: origin).resolvingSymlinksInPath().path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard resolved.hasPrefix(prefix) else {
            throw .outsideOverrideDirectory(name: path, resolved: resolved, directory: directory)
        }
        do throws(TextFileError) {
            return (try TextFile.read(resolved, limit: MustacheLimits.maximumTemplateBytes), origin)
        } catch {
            switch error {
            case .notText: throw .unreadable(path: origin, reason: "it is not UTF-8 text")
            case .tooLarge: throw .unreadable(path: origin, reason: "it \(error.description)")
            default: throw .unreadable(path: origin, reason: error.description)
            }
        }
    }
}

/// Why a template could not be provided.
public enum TemplateLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name could reach outside the template folders, or is malformed.
    case invalidName(name: String, reason: String)
    /// Neither the override folder nor the built-in templates have it.
    case notFound(name: String, searched: [String])
    /// The override folder given by the user does not exist or is not a folder.
    case missingOverrideDirectory(path: String)
    /// The override file is a symlink that resolves outside the override folder.
    case outsideOverrideDirectory(name: String, resolved: String, directory: String)
    /// The override file exists but is not a readable UTF-8 file.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName(let name, let reason):
            return "invalid template name '\(name)': \(reason)"
        case .notFound(let name, let searched):
            return "template '\(name)' not found (looked in \(searched.joined(separator: ", ")))"
        case .missingOverrideDirectory(let path):
            return "template folder '\(path)' does not exist or is not a folder"
        case .outsideOverrideDirectory(let name, let resolved, let directory):
            return "template '\(name)' resolves to '\(resolved)', outside the template folder '\(directory)'"
        case .unreadable(let path, let reason):
            return "template file '\(path)' cannot be used: \(reason)"
        }
    }
}
