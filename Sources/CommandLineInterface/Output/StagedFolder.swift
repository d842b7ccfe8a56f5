import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder written all or nothing: its files go to a new folder beside the target under a
/// temporary name, which replaces the target whole on `commit` (exchanged atomically where
/// the system can, under a lock on the parent folder, so two runs never mix their files).
/// Until then the old folder stays as it was; on failure or interruption the new one is removed.
///
/// The target may only hold names the tool itself writes (`owns`): a folder holding anything
/// else is refused, never replaced.
final class StagedFolder {
    let target: String
    let staging: String
    /// The staging folder, where the files go.
    let tree: OutputTree
    private var finished = false

    /// Prepares to replace `target` (whose parent folder must exist).
    init(target: String, owns: (String) -> Bool, command: String) throws(CLIError) {
        guard !target.isEmpty else { throw .usage("the output folder is empty") }
        self.target = target
        var status = stat()
        if lstat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFLNK: throw .io("cannot write into \(target): it is a symbolic link; give the folder it leads to")
            default: throw .io("cannot write into \(target): it is a file, not a folder")
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            let foreign = names.filter { !owns($0) }.sorted()
            if !foreign.isEmpty {
                let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
                throw .io("cannot write into \(target): it holds \(shown), which \(command) does not write; "
                    + "the folder is replaced as a whole, so remove them or choose another folder")
            }
        }
        let parent = PathName.parent(target)
        let name = PathName.lastComponent(target)
        var created: String?
        for _ in 0..<16 {
            let candidate = PathName.join(parent, ".\(name).tmp-\(FileSystem.randomSuffix())")
            if TemporaryFiles.shared.createFolder(candidate) { created = candidate; break }
            if errno != EEXIST { break }
        }
        guard let created else { throw .io("cannot write into \(target): \(FileSystem.lastError())") }
        staging = created
        tree = try OutputTree(existing: created)
    }

    /// Replaces the target by the staged folder.
    func commit() throws(CLIError) {
        precondition(!finished, "a staged folder is committed or abandoned once")
        finished = true
        let parent = PathName.parent(target)
        let lock = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }
        var status = stat()
        if lstat(target, &status) == 0 {
            if Self.exchange(staging, target) {
                // The staging name now holds the old folder.
                remove(staging)
                return
            }
            let old = PathName.join(parent, ".\(PathName.lastComponent(target)).old-\(FileSystem.randomSuffix())")
            guard rename(target, old) == 0 else { abandon(); throw .io("cannot replace \(target): \(FileSystem.lastError())") }
            guard rename(staging, target) == 0 else {
                let reason = FileSystem.lastError()
                _ = rename(old, target)
                abandon()
                throw .io("cannot replace \(target): \(reason)")
            }
            TemporaryFiles.shared.unregisterFolder(staging)
            try? FileManager.default.removeItem(atPath: old)
        } else {
            guard rename(staging, target) == 0 else { abandon(); throw .io("cannot create \(target): \(FileSystem.lastError())") }
            TemporaryFiles.shared.unregisterFolder(staging)
        }
    }

    /// Removes the staged folder; the target is left as it was.
    func abandon() {
        finished = true
        remove(staging)
    }

    private func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        TemporaryFiles.shared.unregisterFolder(folder)
    }

    deinit {
        if !finished { remove(staging) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// Linux's `renameat2(RENAME_EXCHANGE)`, looked up at run time (glibc 2.28 and later).
    nonisolated(unsafe) private static let renameAt2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// Swaps two paths atomically; `false` when the system or file system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameAt2 else { return false }
        let atCurrentFolder: Int32 = -100  // AT_FDCWD
        let exchange: UInt32 = 2  // RENAME_EXCHANGE
        return renameAt2(atCurrentFolder, a, atCurrentFolder, b, exchange) == 0
    }
}
