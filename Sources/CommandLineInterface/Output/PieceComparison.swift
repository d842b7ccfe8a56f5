import Foundation
import Handouts
#if canImport(Glibc)
import Glibc
#endif

/// Compares files handed over whole or in pieces with the files on disk under an output tree
/// (`build --check`), reading each file piece by piece as it comes.
final class PieceComparison {
    let tree: OutputTree
    /// Files started and not yet ended, by path.
    private var open: [String: Pending] = [:]

    /// A file being compared: where it is, its descriptor while every piece so far matched,
    /// and its problem once one is known.
    private struct Pending {
        var location: String
        var descriptor: Int32?
        var problem: String?
    }

    init(tree: OutputTree) {
        self.tree = tree
    }

    /// What comparing one piece found: the output path of a file it starts (nil when the path
    /// leaves the tree), and the problem of the file it ends.
    struct Finding {
        var started: OutputPath?
        var problem: String?
    }

    func compare(_ piece: FilePiece) -> Finding {
        var finding = Finding()
        if piece.starts {
            precondition(open[piece.path] == nil, "\(piece.path) is started twice")
            var pending = Pending(location: piece.path)
            if let path = try? tree.relative(piece.path) {
                finding.started = path
                pending.location = tree.location(path)
                if case .outside(let link, let target) = tree.placement(of: path) {
                    pending.problem = "outside: \(pending.location) (\(link) leads to \(target), outside the output folder)"
                } else {
                    var status = stat()
                    let regular = stat(pending.location, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
                    let descriptor = regular ? Glibc.open(pending.location, O_RDONLY | O_CLOEXEC) : -1
                    if descriptor >= 0 { pending.descriptor = descriptor } else { pending.problem = "missing: \(pending.location)" }
                }
            } else {
                pending.problem = "outside: \(piece.path)"
            }
            open[piece.path] = pending
        }
        guard var pending = open[piece.path] else { preconditionFailure("\(piece.path) continues a file never started") }
        if let descriptor = pending.descriptor {
            let expected = Array(piece.contents.utf8)
            if Self.read(descriptor, count: expected.count) != expected || (piece.ends && !Self.read(descriptor, count: 1).isEmpty) {
                close(descriptor)
                pending.descriptor = nil
                pending.problem = "stale: \(pending.location)"
            }
        }
        if piece.ends {
            if let descriptor = pending.descriptor { close(descriptor) }
            open[piece.path] = nil
            finding.problem = pending.problem
        } else {
            open[piece.path] = pending
        }
        return finding
    }

    /// Up to `count` bytes from `descriptor` (fewer at the end of the file or on an error).
    private static func read(_ descriptor: Int32, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(bytes[..<filled])
    }

    deinit {
        for pending in open.values { if let descriptor = pending.descriptor { close(descriptor) } }
    }
}
