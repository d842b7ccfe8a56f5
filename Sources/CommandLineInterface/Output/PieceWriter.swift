import Handouts

/// Writes files handed over whole or in pieces under an output tree. A whole file is written
/// as `OutputTree.write` does; a file in pieces goes to a temporary file beside its place,
/// renamed into place with its last piece, so it is never seen half written.
final class PieceWriter {
    let tree: OutputTree
    /// Files started and not yet ended, by path.
    private var open: [String: FileSystem.Replacement] = [:]

    init(tree: OutputTree) {
        self.tree = tree
    }

    /// Writes `piece`; on failure the file it belongs to is left as it was.
    func write(_ piece: FilePiece) throws(CLIError) {
        if piece.isWhole {
            try tree.write(piece.file)
            return
        }
        if piece.starts {
            precondition(open[piece.path] == nil, "\(piece.path) is started twice")
            let path = try tree.relative(piece.path)
            try tree.createFolders(for: path)
            let location = tree.location(path)
            _ = try FileSystem.isSpecial(location, special: .refuse)
            open[piece.path] = try FileSystem.Replacement(location)
        }
        guard let replacement = open[piece.path] else { preconditionFailure("\(piece.path) continues a file never started") }
        do throws(CLIError) {
            try replacement.append(piece.contents)
            if piece.ends {
                open[piece.path] = nil
                try replacement.finish()
            }
        } catch {
            if open.removeValue(forKey: piece.path) != nil { replacement.discard() }
            throw error
        }
    }

    /// Removes the temporary files of the files started and not ended.
    func discard() {
        for replacement in open.values { replacement.discard() }
        open = [:]
    }

    deinit { discard() }
}
