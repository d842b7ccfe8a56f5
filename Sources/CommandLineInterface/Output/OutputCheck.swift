import Foundation
import Handouts

/// Finds the files under the output root that a build would not write. Each file belongs to
/// the document whose claim holds it (`OutputClaims`); a shard reports the unexpected files of
/// its own documents, and shard 1 also those that belong to no document, so the shards of a
/// CI matrix together report every unexpected file once.
struct OutputCheck {
    let tree: OutputTree
    let manifest: Manifest
    let selected: [ManifestDocument]
    let outcomes: [BuildCommand.Outcome]
    /// Documents that failed: what they would write is unknown, so their places are skipped.
    let failed: Set<Int>
    let shard: (index: Int, count: Int)?

    /// Files a build never writes but that may live beside its outputs (PDFs compiled from the
    /// LaTeX files, and what TeX leaves when run by hand).
    static let ignoredSuffixes = [".pdf", ".aux", ".log", ".out", ".toc", ".fls", ".fdb_latexmk", ".synctex.gz"]

    func unexpected() -> [String] {
        var claims = OutputClaims()
        for document in manifest.documents { _ = claims.add(document.claim, of: document.index) }
        let mine = Set(selected.map(\.index))
        let expected = Set(outcomes.flatMap(\.paths))
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: tree.root)
        while let relative = enumerator?.nextObject() as? String {
            guard let path = try? OutputPath(relative) else { continue }
            if path.components.contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: tree.location(path), isDirectory: &isDirectory)
            if isDirectory.boolValue || expected.contains(path) { continue }
            if Self.ignoredSuffixes.contains(where: path.name.hasSuffix) { continue }
            let owner = claims.owner(of: path)
            if let owner, failed.contains(owner) { continue }
            let reports = owner.map { mine.contains($0) } ?? (shard == nil || shard?.index == 1)
            if reports { found.append("unexpected: \(tree.location(path))") }
        }
        return found.sorted()
    }
}
