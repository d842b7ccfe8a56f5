import Foundation
import Handouts
#if canImport(Glibc)
import Glibc
#endif

/// Reading inputs and writing outputs. Every output file is written to a temporary file in
/// the same folder and renamed over the destination, so no reader ever sees half a file.
enum FileSystem {
    /// The text of `path` (`-` is standard input), refusing files larger than `limit` bytes
    /// before reading them.
    static func readText(_ path: String, what: String, limit: Int) throws(CLIError) -> String {
        if path == "-" {
            // Read in chunks and stop past the limit: an endless stream must not fill memory.
            var data = Data()
            while data.count <= limit {
                let chunk = FileHandle.standardInput.readData(ofLength: 1 << 16)
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            guard data.count <= limit else { throw .invalidInput("\(what) on standard input is larger than \(limit) bytes") }
            guard let text = String(data: data, encoding: .utf8) else { throw .invalidInput("\(what) on standard input is not UTF-8 text") }
            return text
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .io("cannot read \(what) \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw .io("cannot read \(what) \(path): it is a folder") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw .invalidInput("\(what) \(path) is \(size) bytes; at most \(limit) are accepted")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read \(what) \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .invalidInput("\(what) \(path) is not UTF-8 text") }
        return text
    }

    /// Writes `text` to `path` atomically (temporary file in the same folder, then rename).
    static func writeAtomically(_ text: String, to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io("cannot write \(path): the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard let descriptor = TemporaryFiles.shared.create(temporary.path) else {
            throw .io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { TemporaryFiles.shared.unregister(temporary.path) }
        do {
            // Written through the descriptor: if an interruption removes the file meanwhile,
            // nothing can bring its name back.
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                guard written > 0 else { close(descriptor); throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
                offset += written
            }
            guard close(descriptor) == 0, rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension FileSystem {
    /// Creates `path` and any missing parents; an existing folder is fine.
    static func createFolder(_ path: String) throws(CLIError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io("cannot write into \(path): it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    /// Writes generated files under `root`, creating folders as needed, each atomically.
    static func write(_ files: [GeneratedFile], under root: String) throws(CLIError) {
        for file in files {
            let path = (root as NSString).appendingPathComponent(file.path)
            try createFolder((path as NSString).deletingLastPathComponent)
            try writeAtomically(file.contents, to: path)
        }
    }
}
