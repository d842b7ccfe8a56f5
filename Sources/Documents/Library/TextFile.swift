#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a UTF-8 text file of bounded size: specs, manifests, data and templates.
///
/// A regular file's size is checked before a byte is read; a FIFO, a process substitution
/// (`<(…)`) or a device is read in chunks and refused as soon as it passes the limit, so no
/// input can fill memory.
public enum TextFile {
    /// The text at `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(TextFileError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .missing : .unreadable(reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .folder }
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
            throw .tooLarge(size: Int(status.st_size), limit: limit)
        }
        let bytes = try readAll(descriptor, limit: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText }
        return text
    }

    /// Whether `text` starts (after whitespace) the way a JSON value does. A file that does not
    /// (say `/etc/shadow` given as a spec) is refused without quoting any of its bytes.
    public static func startsLikeJSON(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !" \t\r\n\u{FEFF}".unicodeScalars.contains($0) }) else { return true }
        return "{[\"-0123456789tfn".unicodeScalars.contains(first)
    }

    /// The message for text that is not JSON at all.
    public static let notJSONMessage = "is not JSON text (it does not start with a JSON value; no part of it is shown)"

    /// Every byte of an open descriptor, failing past `limit` bytes.
    public static func readAll(_ descriptor: Int32, limit: Int) throws(TextFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + start, chunk)
            }
            if count < 0 {
                if errno == EINTR { bytes.removeLast(chunk); continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            bytes.removeLast(chunk - count)
            if count == 0 { return bytes }
            if bytes.count > limit { throw .tooLarge(size: nil, limit: limit) }
        }
    }
}

/// Why a text file could not be read; the caller names the file and what it is.
public enum TextFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing
    case folder
    /// Larger than `limit` bytes (`size` when known before reading).
    case tooLarge(size: Int?, limit: Int)
    /// Not UTF-8 text. No byte of it is quoted in any message.
    case notText
    case unreadable(reason: String)

    /// Completes "cannot read PATH: …" (or, for a size or encoding, "PATH …").
    public var description: String {
        switch self {
        case .missing: return "no such file"
        case .folder: return "it is a folder"
        case .tooLarge(let size?, let limit): return "is \(size) bytes; at most \(limit) are accepted"
        case .tooLarge(nil, let limit): return "is larger than \(limit) bytes"
        case .notText: return "is not UTF-8 text"
        case .unreadable(let reason): return reason
        }
    }

    /// Whether the input itself is wrong (too large, not text) rather than unreadable.
    public var isInvalidInput: Bool {
        switch self {
        case .tooLarge, .notText: return true
        case .missing, .folder, .unreadable: return false
        }
    }

    /// The whole message about `what` at `path`: "spec a.json is not UTF-8 text",
    /// "cannot read spec a.json: no such file".
    public func message(_ what: String, _ path: String) -> String {
        isInvalidInput ? "\(what) \(path) \(description)" : "cannot read \(what) \(path): \(description)"
    }
}
