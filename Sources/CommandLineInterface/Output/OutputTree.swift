import Documents
import Foundation
import Handouts
#if canImport(Glibc)
import Glibc
#endif

/// A folder that generated files are written under. Every path is an `OutputPath` (relative,
/// no `..`), folders are created one component at a time, and a symbolic link inside the tree
/// is followed only if it leads to a folder inside the tree: nothing is ever written outside it.
struct OutputTree: Sendable {
    /// The root as given.
    let root: String
    /// The root with every symbolic link resolved.
    let resolvedRoot: String

    /// Creates the root folder (and its parents) if needed.
    init(creating root: String) throws(CLIError) {
        guard !root.isEmpty else { throw .usage("the output folder is empty") }
        var status = stat()
        if stat(root, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .io("cannot write into \(root): it is a file, not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            } catch {
                throw .io("cannot create the folder \(root): \(FileSystem.lastError())")
            }
        }
        try self.init(existing: root)
    }

    /// A tree whose root exists (or is checked, not written, when it does not).
    init(existing root: String) throws(CLIError) {
        self.root = root
        resolvedRoot = Self.resolve(root) ?? root
    }

    /// `path` inside the root, as a file-system path.
    func location(_ path: OutputPath) -> String { PathName.join(root, path.text) }

    /// Writes `file` under the root, creating its folders.
    func write(_ file: GeneratedFile) throws(CLIError) {
        let path = try relative(file.path)
        try createFolders(for: path)
        try FileSystem.writeFile(file.contents, to: location(path), special: .refuse)
    }

    /// The output path of a generated file's relative path; anything leaving the root is refused.
    func relative(_ text: String) throws(CLIError) -> OutputPath {
        do {
            return try OutputPath(text)
        } catch {
            throw .io("refusing to write \"\(text)\" under \(root): \(error)")
        }
    }

    /// Creates the folders above `path`, one component at a time, refusing a component that is
    /// a file or a link leading outside the root.
    func createFolders(for path: OutputPath) throws(CLIError) {
        for folder in path.ancestors {
            let here = location(folder)
            creating: while true {
                var status = stat()
                if lstat(here, &status) != 0 {
                    if mkdir(here, 0o755) == 0 || errno == EEXIST { continue creating }
                    throw .io("cannot create the folder \(here): \(FileSystem.lastError())")
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: break
                case S_IFLNK:
                    try requireInside(here, for: path)
                    var target = stat()
                    guard stat(here, &target) == 0, target.st_mode & S_IFMT == S_IFDIR else {
                        throw .io("cannot write \(location(path)): \(here) is a link to something that is not a folder")
                    }
                default:
                    throw .io("cannot write \(location(path)): \(here) is a file, not a folder")
                }
                break creating
            }
        }
    }

    /// Where `path` stands: inside the tree (possibly missing), or behind a link leading out.
    enum Placement: Equatable {
        case inside
        case outside(link: String, target: String)
    }

    /// Checks, without creating anything, whether `path`'s folders stay inside the root.
    func placement(of path: OutputPath) -> Placement {
        for folder in path.ancestors {
            let here = location(folder)
            var status = stat()
            guard lstat(here, &status) == 0 else { return .inside }
            if status.st_mode & S_IFMT == S_IFLNK {
                let target = Self.resolve(here) ?? "(a missing target)"
                if !isInside(target) { return .outside(link: here, target: target) }
            }
        }
        return .inside
    }

    private func requireInside(_ link: String, for path: OutputPath) throws(CLIError) {
        let target = Self.resolve(link) ?? "(a missing target)"
        guard isInside(target) else {
            throw .io("refusing to write \(location(path)): \(link) is a symbolic link to \(target), outside the output folder \(root)")
        }
    }

    private func isInside(_ resolved: String) -> Bool {
        resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
    }

    /// `realpath(path)`, or `nil` when it does not resolve.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
