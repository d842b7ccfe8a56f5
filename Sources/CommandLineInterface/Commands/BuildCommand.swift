import Backprop
import Dispatch
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
                      k mod n + 1), so a CI matrix of n jobs covers everything once
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
        outputRoot = try arguments.option("--output")
        check = arguments.flag("--check")
        pdf = arguments.flag("--pdf")
        quiet = arguments.flag("--quiet")
        jobs = try arguments.integerOption("--jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        if let text = try arguments.option("--shard") {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1000, (1...n).contains(i) else {
                throw .usage("--shard expects i/n with 1 ≤ i ≤ n, got \"\(text)\"")
            }
            shard = (i, n)
        }
        if check && pdf { throw .usage("--check writes nothing, so it cannot be combined with --pdf") }
        manifestPath = try arguments.positionals(atMost: 1).first ?? "documents.json"
    }

    func run(_ console: Console) throws(CLIError) {
        let start = Date()
        let text = try FileSystem.readText(manifestPath, what: "manifest", limit: 16 << 20)
        let directory = URL(fileURLWithPath: manifestPath).deletingLastPathComponent().path
        let manifest: Manifest
        do {
            manifest = try ManifestReader().read(text, directory: directory)
        } catch {
            throw .invalidInput("\(manifestPath): \(error.description)")
        }
        let root = outputRoot ?? manifest.outputRoot
        let selected = manifest.documents.filter { document in
            guard let shard else { return true }
            return document.index % shard.count == shard.index - 1
        }
        let results = BatchRunner(jobs: jobs).run(selected) { document, position in
            let began = Date()
            let check = self.check
            let result = Result { () throws(BuildError) -> [GeneratedFile] in
                let files = try DocumentRenderer().render(document)
                // Each document is written as soon as it is ready, so a long build makes visible
                // progress and holds one document's files in memory at a time.
                if !check {
                    do throws(CLIError) {
                        try FileSystem.write(files, under: root)
                    } catch {
                        throw BuildError(document: document.name, message: error.detail)
                    }
                }
                return files
            }
            if !quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(began))
                switch result {
                case .success(let files):
                    console.writeError("[\(position)/\(selected.count)] \(document.name): \(counted(files.count, "file")) in \(seconds) s\n")
                case .failure(let error):
                    console.writeError("[\(position)/\(selected.count)] \(document.name): FAILED: \(error.message)\n")
                }
            }
            return result
        }
        var failures: [String] = results.compactMap { if case .failure(let e) = $0 { return e.description } else { return nil } }
        let files = results.flatMap { (try? $0.get()) ?? [] }

        if check {
            let report = OutputCheck(root: root, files: files, checkUnexpected: shard == nil && failures.isEmpty).run()
            for line in report.problems { console.writeError(line + "\n") }
            failures += report.problems.isEmpty ? [] : ["\(counted(report.problems.count, "file")) missing, stale or unexpected"]
        } else {
            if pdf {
                failures += try PDFCompiler.locate().compile(files.filter { $0.path.hasSuffix(".tex") }.map { root + "/" + $0.path }, console: console, quiet: quiet)
            }
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        let verb = check ? "checked" : "built"
        console.writeError("\(verb) \(counted(selected.count, "document")), \(counted(files.count, "file")) in \(seconds) s with \(counted(jobs, "job"))"
            + (shard.map { ", shard \($0.index)/\($0.count)" } ?? "") + (failures.isEmpty ? "\n" : "; \(counted(failures.count, "problem"))\n"))
        if !failures.isEmpty {
            for failure in failures where !failure.hasSuffix("unexpected") { console.writeError("error: \(failure)\n") }
            throw .checkFailed(check ? "the documents are not current; run 'worked-backprop build' and commit the result" : "some documents failed")
        }
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
