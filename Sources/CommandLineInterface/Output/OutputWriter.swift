import Documents
import Foundation

/// Places a rendered document: the main file at the output path (or standard output) and its
/// attachments beside it, each written atomically.
enum OutputWriter {
    static func write(_ rendered: RenderedDocument, to path: String?, console: Console) throws(CLIError) {
        let folder: String
        if let path, path != "-" {
            folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            for attachment in rendered.attachments {
                try FileSystem.writeAtomically(attachment.contents, to: folder + "/" + attachment.name)
            }
            try FileSystem.writeAtomically(rendered.main, to: path)
        } else {
            folder = FileManager.default.currentDirectoryPath
            for attachment in rendered.attachments {
                try FileSystem.writeAtomically(attachment.contents, to: folder + "/" + attachment.name)
                console.writeError("wrote \(attachment.name) (referenced by the document) to the current folder\n")
            }
            console.writeOutput(rendered.main)
        }
    }
}
