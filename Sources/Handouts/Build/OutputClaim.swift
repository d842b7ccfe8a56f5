import Documents
import Foundation

/// The part of the output tree one manifest document writes and owns: a folder (exercise
/// sets and variants own everything under theirs) or a few files beside each other (a
/// handout's `STEM.EXT` per format and its `STEM-figure-N.svg`, a trace's `STEM.json`).
///
/// No two documents of a manifest may claim overlapping parts, so no file has two writers;
/// `build --check` uses the claims to find unexpected files document by document.
public struct OutputClaim: Hashable, Sendable {
    /// The folder owned whole, if any.
    public let folder: OutputPath?
    /// The files owned one by one.
    public let files: [OutputPath]
    /// `S` for figures named `S-figure-N.svg` beside `S`, if any.
    public let figureStem: OutputPath?

    public init(folder: OutputPath) {
        self.folder = folder
        files = []
        figureStem = nil
    }

    public init(files: [OutputPath], figureStem: OutputPath? = nil) {
        folder = nil
        self.files = files
        self.figureStem = figureStem
    }

    /// The claim of a manifest document's kind and formats at `output`.
    public init(kind: ManifestDocument.Kind, formats: [OutputFormat], output: OutputPath) {
        switch kind {
        case .exercises, .variants: self.init(folder: output)
        case .trace: self.init(files: [output.addingSuffix(".json")])
        case .handout: self.init(files: formats.map { output.addingSuffix("." + $0.fileExtension) }, figureStem: output)
        }
    }

    /// Paths that stand for the claim when claims are compared: the folder, the files, and
    /// the first figure.
    var representatives: [OutputPath] {
        (folder.map { [$0] } ?? []) + files + (figureStem.map { [Self.figure(of: $0, number: 1)] } ?? [])
    }

    static func figure(of stem: OutputPath, number: Int) -> OutputPath { stem.addingSuffix("-figure-\(number).svg") }

    /// Whether `path` (a file found under the output root) belongs to this claim.
    public func owns(_ path: OutputPath) -> Bool {
        if let folder, folder.contains(path) { return true }
        if files.contains(path) { return true }
        if let figureStem, let stem = Self.figureStem(of: path), stem == figureStem { return true }
        return false
    }

    /// `a/S` for a file `a/S-figure-N.svg`, else `nil`.
    static func figureStem(of path: OutputPath) -> OutputPath? {
        let name = path.name
        guard name.hasSuffix(".svg"), let marker = name.range(of: "-figure-", options: .backwards) else { return nil }
        let number = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return nil }
        let stem = String(name[..<marker.lowerBound])
        guard !stem.isEmpty else { return nil }
        return path.parent.map { $0.appending(stem) } ?? (try? OutputPath(stem))
    }
}

/// The claims of a whole manifest, for finding a path's owner quickly.
public struct OutputClaims: Sendable {
    private var byPath: [OutputPath: Int] = [:]
    private var byFigureStem: [OutputPath: Int] = [:]
    /// Every folder above a claimed path, with the document claiming that path.
    private var byAncestor: [OutputPath: Int] = [:]

    public init() {}

    /// Adds `claim` of document `index`; returns the index of an earlier document whose claim
    /// overlaps it (one path equal to or inside another), if any.
    public mutating func add(_ claim: OutputClaim, of index: Int) -> Int? {
        for path in claim.representatives {
            if let other = byPath[path], other != index { return other }
            for ancestor in path.ancestors {
                if let other = byPath[ancestor], other != index { return other }
            }
        }
        // An earlier claim inside one of ours.
        for path in claim.representatives {
            if let other = byAncestor[path], other != index { return other }
        }
        for path in claim.representatives {
            byPath[path] = index
            for ancestor in path.ancestors where byAncestor[ancestor] == nil { byAncestor[ancestor] = index }
        }
        if let stem = claim.figureStem { byFigureStem[stem] = index }
        return nil
    }

    /// The document owning `path`, a file found under the output root.
    public func owner(of path: OutputPath) -> Int? {
        if let index = byPath[path] { return index }
        for ancestor in path.ancestors.reversed() {
            if let index = byPath[ancestor] { return index }
        }
        if let stem = OutputClaim.figureStem(of: path), let index = byFigureStem[stem] { return index }
        return nil
    }
}
