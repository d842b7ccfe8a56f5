/// What a renderer hands its sink: a whole file, or one piece of a file too large to hold in
/// memory at once (the combined `answers.json` of a large variant set), handed over in order.
/// The piece that `starts` the file creates it, the one that `ends` it completes it; a whole
/// file does both. Pieces of other files may come in between.
public struct FilePiece: Hashable, Sendable {
    /// The path and this piece's text.
    public var file: GeneratedFile
    /// The first piece of its file.
    public var starts: Bool
    /// The last piece of its file.
    public var ends: Bool

    public init(_ file: GeneratedFile, starts: Bool = true, ends: Bool = true) {
        self.file = file
        self.starts = starts
        self.ends = ends
    }

    public var path: String { file.path }
    public var contents: String { file.contents }
    /// The file in one piece.
    public var isWhole: Bool { starts && ends }
}

/// Joins pieces into whole files, for a sink that keeps files in memory (tests, small sets).
public struct FileAssembler: Sendable {
    /// The files completed so far, in the order their first pieces came.
    public private(set) var files: [GeneratedFile] = []
    /// Files started and not yet ended, by path: their index in `files`.
    private var open: [String: Int] = [:]

    public init() {}

    /// Adds `piece`: a new file, or the continuation of an open one.
    public mutating func add(_ piece: FilePiece) {
        if piece.starts {
            precondition(open[piece.path] == nil, "\(piece.path) is started twice")
            files.append(piece.file)
            if !piece.ends { open[piece.path] = files.count - 1 }
            return
        }
        guard let index = open[piece.path] else { preconditionFailure("\(piece.path) continues a file never started") }
        files[index].contents += piece.contents
        if piece.ends { open[piece.path] = nil }
    }

    /// Whether every started file has ended.
    public var isComplete: Bool { open.isEmpty }
}
