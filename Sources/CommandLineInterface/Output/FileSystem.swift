import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading inputs and writing outputs.
///
/// A regular file is replaced atomically: the text goes to a temporary file created
/// exclusively, under an unpredictable name and never through a symbolic link, in the same
/// folder, then renamed over the destination, so no reader sees half a file. Anything else a
/// user names with `-o` (a device such as `/dev/null`, a FIFO, a terminal) is written through
/// and never replaced.
enum FileSystem {
    /// The text of `path` (`-` is standard input), refusing more than `limit` bytes before
    /// reading them where the size is known, and as soon as they are passed otherwise.
    static func readText(_ path: String, what: String, limit: Int) throws(CLIError) -> String {
        guard !path.isEmpty else { throw .usage("the \(what) path is empty") }
        do throws(TextFileError) {
            if path == "-" {
                guard let text = String(validating: try TextFile.readAll(0, limit: limit), as: UTF8.self) else { throw .notText }
                return text
            }
            return try TextFile.read(path, limit: limit)
        } catch {
            let shown = path == "-" ? "on standard input" : path
            throw error.isInvalidInput ? .invalidInput(error.message(what, shown)) : .io(error.message(what, shown))
        }
    }

    /// How a destination that exists but is not a regular file is treated.
    enum SpecialFiles {
        /// Written through (a device, FIFO or terminal the user named).
        case writeThrough
        /// Refused (inside an output tree, where only files and folders belong).
        case refuse
    }

    /// Writes `text` to `path`: a regular (or missing) file atomically, a special file
    /// according to `special`. A symbolic link at `path` is replaced, never followed, when
    /// `special` is `.refuse`.
    static func writeFile(_ text: String, to path: String, special: SpecialFiles = .writeThrough) throws(CLIError) {
        try writeFile(path, special: special) { writeAll(text, to: $0) }
    }

    /// Writes `bytes` (a PDF) to `path` as `writeFile` writes text.
    static func writeFile(bytes: [UInt8], to path: String, special: SpecialFiles = .writeThrough) throws(CLIError) {
        try writeFile(path, special: special) { descriptor in
            bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        }
    }

    /// `write` puts the contents to a descriptor and returns the reason of a failure.
    private static func writeFile(_ path: String, special: SpecialFiles, _ write: (Int32) -> String?) throws(CLIError) {
        if try isSpecial(path, special: special) {
            try writeThrough(path, write)
            return
        }
        let replacement = try Replacement(path)
        if let failure = write(replacement.descriptor) {
            replacement.discard()
            throw .io("cannot write \(path): \(failure)")
        }
        try replacement.finish()
    }

    /// Whether `path` exists as something other than a regular file or a link that `special`
    /// says to write through; a folder, or any special file when `special` is `.refuse`, is refused.
    static func isSpecial(_ path: String, special: SpecialFiles) throws(CLIError) -> Bool {
        var status = stat()
        guard (special == .refuse ? lstat(path, &status) : stat(path, &status)) == 0 else { return false }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFLNK: return false
        case S_IFDIR: throw .io("cannot write \(path): it is a folder")
        default:
            guard special == .writeThrough else { throw .io("cannot write \(path): it is not a regular file") }
            return true
        }
    }

    /// Writes into an existing special file without creating, truncating or replacing it.
    private static func writeThrough(_ path: String, _ write: (Int32) -> String?) throws(CLIError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .io("cannot write \(path): \(lastError())") }
        defer { close(descriptor) }
        if let failure = write(descriptor) { throw .io("cannot write \(path): \(failure)") }
    }

    /// A regular file being written, possibly in pieces: a new temporary file beside `path`,
    /// renamed over `path` by `finish` (no reader sees half a file) or removed by `discard`.
    struct Replacement {
        let path: String
        let temporary: String
        let descriptor: Int32

        /// Creates the temporary file; the folder of `path` must exist.
        init(_ path: String) throws(CLIError) {
            let folder = PathName.parent(path)
            var status = stat()
            guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw .io("cannot write \(path): the folder \(folder) does not exist")
            }
            self.path = path
            (temporary, descriptor) = try createTemporary(beside: path)
        }

        /// Appends `text` (on failure, `discard` is still to be called).
        func append(_ text: String) throws(CLIError) {
            if let failure = writeAll(text, to: descriptor) { throw .io("cannot write \(path): \(failure)") }
        }

        /// Closes the temporary file and renames it over `path`.
        func finish() throws(CLIError) {
            defer { TemporaryFiles.shared.unregister(temporary) }
            var failure: String?
            if close(descriptor) != 0 { failure = lastError() }
            if failure == nil, rename(temporary, path) != 0 { failure = lastError() }
            if let failure {
                unlink(temporary)
                throw .io("cannot write \(path): \(failure)")
            }
        }

        /// Closes and removes the temporary file; `path` is left as it was.
        func discard() {
            close(descriptor)
            unlink(temporary)
            TemporaryFiles.shared.unregister(temporary)
        }
    }

    /// A new file `.NAME.tmp-RANDOM` beside `path`, created exclusively (`O_EXCL`), never
    /// through a symbolic link (`O_NOFOLLOW`), and registered for removal on interruption.
    private static func createTemporary(beside path: String) throws(CLIError) -> (String, Int32) {
        let folder = PathName.parent(path)
        let name = PathName.lastComponent(path)
        for _ in 0..<16 {
            let temporary = PathName.join(folder, ".\(name).tmp-\(randomSuffix())")
            if let descriptor = TemporaryFiles.shared.create(temporary) { return (temporary, descriptor) }
            if errno != EEXIST { break }
        }
        throw .io("cannot write \(path): \(lastError())")
    }

    /// Sixteen hexadecimal digits from the system's random source.
    static func randomSuffix() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Writes every byte of `text`; the reason on failure.
    static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes every byte; the reason on failure.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return lastError()
            }
            if written == 0 { return "nothing could be written" }
            offset += written
        }
        return nil
    }

    /// `strerror(errno)`.
    static func lastError() -> String { String(cString: strerror(errno)) }
}
