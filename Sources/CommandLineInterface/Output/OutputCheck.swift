import Foundation
import Handouts

/// Compares what a build would write with what is on disk: missing, stale and (for a whole,
/// successful build) unexpected files under the output root.
struct OutputCheck {
    let root: String
    let files: [GeneratedFile]
    let checkUnexpected: Bool

    /// Files a build never writes but that may live beside its outputs.
    static let ignoredSuffixes = [".pdf", ".aux", ".log", ".out", ".toc", ".fls", ".fdb_latexmk", ".synctex.gz"]

    struct Report {
        var problems: [String] = []
    }

    func run() -> Report {
        var report = Report()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let path = root + "/" + file.path
            guard let data = FileManager.default.contents(atPath: path) else {
                report.problems.append("missing: \(path)")
                continue
            }
            if data != Data(file.contents.utf8) { report.problems.append("stale: \(path)") }
        }
        guard checkUnexpected else { return report }
        let expected = Set(files.map(\.path))
        let enumerator = FileManager.default.enumerator(atPath: root)
        var unexpected: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue || name.hasPrefix(".") { continue }
            if Self.ignoredSuffixes.contains(where: name.hasSuffix) { continue }
            if !expected.contains(relative) { unexpected.append("unexpected: \(root)/\(relative)") }
        }
        report.problems += unexpected.sorted()
        return report
    }
}
