import Backprop
import Dispatch
import Documents
import Foundation
import Handouts
import Synchronization

/// `worked-backprop build [MANIFEST] …`: every document of a course, for CI.
struct BuildCommand: Command {
    static let name = "build"
    static let summary = "build every document of a manifest; --check fails on stale files"
    static let help = """
    Usage: worked-backprop build [MANIFEST] [--output DIR] [--check] [--shard i/n] [--jobs N] [--pdf] [--quiet]

    Builds the documents listed in MANIFEST (default: documents.json in the current folder):
    handouts in their formats and traces, written under the manifest's output root. Documents
    are independent: one that fails is reported and the others are still built.

    Options:
      --output DIR    write under DIR instead of the manifest's outputRoot
      --check         write nothing; exit 1 listing every missing, stale (differs from what
                      would be generated now) or unexpected file under the output root
      --shard i/n     build only the i-th of n deterministic parts (document k is in part
                      k mod n + 1), so a CI matrix of n jobs covers everything once; n is at
                      most 1000. With --check, each shard reports the unexpected files in
                      its documents' places, and shard 1 those that belong to no document
      --jobs N        documents built at once (default: the number of cores)
      --pdf           also compile each LaTeX file to PDF with latexmk (or pdflatex twice)
      --quiet         no progress lines, only errors and the summary
      -h, --help      show this help

    """

    var manifestPath: String
    var outputRoot: String?
    var check: Bool
    var shard: (index: Int, count: Int)?
    var jobs: Int
    var pdf: Bool
    var quiet: Bool

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        outputRoot = try arguments.pathOption("--output")
        check = arguments.flag("--check")
        pdf = arguments.flag("--pdf")
        quiet = arguments.flag("--quiet")
        jobs = try arguments.integerOption("--jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        if let text = try arguments.option("--shard") {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1000, (1...n).contains(i) else {
                throw .usage("--shard expects i/n with 1 ≤ n ≤ 1000 and 1 ≤ i ≤ n, got \"\(text)\"")
            }
            shard = (i, n)
        }
        if check && pdf { throw .usage("--check writes nothing, so it cannot be combined with --pdf") }
        manifestPath = try arguments.positionals(atMost: 1).first ?? "documents.json"
        if manifestPath.isEmpty { throw .usage("the manifest path is empty") }
    }

    func run(_ console: Console) throws(CLIError) {
        let start = Date()
        let text = try FileSystem.readText(manifestPath, what: "manifest", limit: 16 << 20)
        guard TextFile.startsLikeJSON(text) else { throw .invalidInput("\(manifestPath) \(TextFile.notJSONMessage)") }
        let manifest: Manifest
        do {
            // Paths in the manifest are relative to its folder, made absolute.
            let absolute = manifestPath.hasPrefix("/") ? manifestPath : PathName.join(FileManager.default.currentDirectoryPath, manifestPath)
            manifest = try ManifestReader().read(text, directory: PathName.parent(absolute))
        } catch {
            throw .invalidInput("\(manifestPath): \(error.description)")
        }
        let rootPath = outputRoot ?? manifest.outputRoot
        let tree = check ? try OutputTree(existing: rootPath) : try OutputTree(creating: rootPath)
        let selected = manifest.documents.filter { document in
            guard let shard else { return true }
            return document.index % shard.count == shard.index - 1
        }
        let check = self.check
        let keepTeX = pdf
        // Each document is written (or compared) file by file as it is rendered; only paths
        // and problems are kept, so memory does not grow with the number of documents.
        let outcomes = BatchRunner(jobs: jobs).run(selected) { document, position in
            let began = Date()
            let outcome = check ? Self.compare(document, in: tree) : Self.write(document, in: tree, keepTeX: keepTeX)
            if !quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(began))
                if let failure = outcome.failure {
                    console.writeError("[\(position)/\(selected.count)] \(document.name): FAILED: \(failure.message)\n")
                } else {
                    console.writeError("[\(position)/\(selected.count)] \(document.name): \(counted(outcome.fileCount, "file")) in \(seconds) s\n")
                }
            }
            return outcome
        }
        var failures = outcomes.compactMap { $0.failure?.description }
        let fileCount = outcomes.reduce(0) { $0 + $1.fileCount }

        if check {
            var problems = outcomes.flatMap(\.problems)
            let failed = Set(zip(selected, outcomes).filter { $0.1.failure != nil }.map { $0.0.index })
            problems += OutputCheck(tree: tree, manifest: manifest, selected: selected, outcomes: outcomes, failed: failed, shard: shard).unexpected()
            for line in problems { console.writeError(line + "\n") }
            failures += problems.isEmpty ? [] : ["\(counted(problems.count, "file")) missing, stale or unexpected"]
        } else if pdf {
            let texFiles = outcomes.flatMap(\.paths).filter { $0.name.hasSuffix(".tex") }.map { tree.location($0) }
            failures += try PDFCompiler.locate().compile(texFiles, console: console, quiet: quiet)
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        let verb = check ? "checked" : "built"
        console.writeError("\(verb) \(counted(selected.count, "document")), \(counted(fileCount, "file")) in \(seconds) s with \(counted(jobs, "job"))"
            + (shard.map { ", shard \($0.index)/\($0.count)" } ?? "") + (failures.isEmpty ? "\n" : "; \(counted(failures.count, "problem"))\n"))
        if !failures.isEmpty {
            for failure in failures where !failure.hasSuffix("unexpected") { console.writeError("error: \(failure)\n") }
            throw .checkFailed(check ? "the documents are not current; run 'worked-backprop build' and commit the result" : "some documents failed")
        }
    }

    /// What building or checking one document left: the paths it generated (only when they
    /// are needed later), the problems `--check` found, and its failure.
    struct Outcome: Sendable {
        var paths: [OutputPath] = []
        var fileCount = 0
        var problems: [String] = []
        var failure: BuildError?
    }

    /// Renders `document` and writes its files: a folder it owns is staged and replaced whole,
    /// files are replaced one by one.
    static func write(_ document: ManifestDocument, in tree: OutputTree, keepTeX: Bool) -> Outcome {
        var outcome = Outcome()
        var writeError: CLIError?
        var staged: StagedFolder?
        do throws(CLIError) {
            if let folder = document.claim.folder {
                try tree.createFolders(for: folder)
                staged = try StagedFolder(target: tree.location(folder), owns: ExerciseSet.isGeneratedName, command: "build")
            }
        } catch {
            outcome.failure = BuildError(document: document.name, message: error.detail)
            return outcome
        }
        let writer = PieceWriter(tree: staged?.tree ?? tree)
        defer { writer.discard() }
        do throws(BuildError) {
            let complete = try DocumentRenderer().render(document) { piece in
                do throws(CLIError) {
                    let path = try tree.relative(piece.path)
                    var placed = piece
                    if staged != nil, let folder = document.claim.folder {
                        placed.file.path = path.components.dropFirst(folder.components.count).joined(separator: "/")
                    }
                    try writer.write(placed)
                    if piece.starts { outcome.fileCount += 1 }
                    if keepTeX && piece.starts && piece.path.hasSuffix(".tex") { outcome.paths.append(path) }
                    return true
                } catch {
                    writeError = error
                    return false
                }
            }
            if !complete, let writeError { throw BuildError(document: document.name, message: writeError.detail) }
            try staged.map { staged throws(BuildError) in
                do throws(CLIError) { try staged.commit() } catch { throw BuildError(document: document.name, message: error.detail) }
            }
        } catch {
            staged?.abandon()
            outcome.failure = error
        }
        return outcome
    }

    /// Renders `document` and compares each file with the one on disk.
    static func compare(_ document: ManifestDocument, in tree: OutputTree) -> Outcome {
        var outcome = Outcome()
        do throws(BuildError) {
            let comparison = PieceComparison(tree: tree)
            _ = try DocumentRenderer().render(document) { piece in
                let finding = comparison.compare(piece)
                if piece.starts { outcome.fileCount += 1 }
                if let path = finding.started { outcome.paths.append(path) }
                if let problem = finding.problem { outcome.problems.append(problem) }
                return true
            }
        } catch {
            outcome.failure = error
        }
        return outcome
    }
}

/// Runs independent jobs on up to `jobs` threads and returns their results in input order.
struct BatchRunner: Sendable {
    let jobs: Int

    func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ body: @escaping @Sendable (Input, Int) -> Output
    ) -> [Output] {
        let results = Mutex([Output?](repeating: nil, count: inputs.count))
        let completed = Mutex(0)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, jobs)
        for (i, input) in inputs.enumerated() {
            queue.addOperation {
                let position = completed.withLock { count -> Int in
                    count += 1
                    return count
                }
                let output = body(input, position)
                results.withLock { $0[i] = output }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return results.withLock { $0.map { $0! } }
    }
}
