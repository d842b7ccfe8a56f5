import Documents
import Foundation

/// Where a command's main output goes: standard output, or a path.
enum Destination: Equatable {
    case standardOutput
    case path(String)

    /// `nil`, `-` and `/dev/stdout` (and its aliases) mean standard output; an empty path is refused.
    init(_ text: String?, option: String = "-o") throws(CLIError) {
        guard let text else { self = .standardOutput; return }
        if text.isEmpty { throw .usage("\(option) needs a path, got an empty one") }
        self = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(text) ? .standardOutput : .path(text)
    }
}

/// Places a rendered document: the main file at the output path (or standard output) and its
/// attachments beside it, each written atomically. When the main file cannot be written, the
/// attachments written for it are removed again.
enum OutputWriter {
    static func write(_ rendered: RenderedDocument, to destination: Destination, console: Console) throws(CLIError) {
        switch destination {
        case .path(let path):
            let folder = PathName.parent(path)
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw .io("cannot write \(path): it is a folder") }
            guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw .io("cannot write \(path): the folder \(folder) does not exist")
            }
            var written: [String] = []
            do throws(CLIError) {
                for attachment in rendered.attachments {
                    let place = PathName.join(folder, attachment.name)
                    try FileSystem.writeFile(attachment.contents, to: place, special: .refuse)
                    written.append(place)
                }
                try FileSystem.writeFile(rendered.main, to: path)
            } catch {
                for place in written { unlink(place) }
                throw error
            }
        case .standardOutput:
            let folder = FileManager.default.currentDirectoryPath
            for attachment in rendered.attachments {
                try FileSystem.writeFile(attachment.contents, to: PathName.join(folder, attachment.name), special: .refuse)
                console.writeError("wrote \(attachment.name) (referenced by the document) to the current folder\n")
            }
            console.writeOutput(rendered.main)
        }
    }
}
