import Documents
import Foundation
import Handouts

/// Compiles LaTeX files to PDF with latexmk, or pdflatex run twice. Every auxiliary file
/// (`.aux`, `.log`, `.fls`, `.fdb_latexmk`, `.out`) goes to a private folder that is removed
/// afterwards: only the PDF is placed beside the LaTeX file.
struct PDFCompiler {
    let program: String
    let usesLatexmk: Bool

    /// The compiler on the PATH, or a clear error naming what to install.
    static func locate() throws(CLIError) -> PDFCompiler {
        if let latexmk = which("latexmk") { return PDFCompiler(program: latexmk, usesLatexmk: true) }
        if let pdflatex = which("pdflatex") { return PDFCompiler(program: pdflatex, usesLatexmk: false) }
        throw .io("a PDF needs latexmk or pdflatex, and neither is on the PATH (install TeX Live, e.g. apt-get install latexmk texlive-latex-extra)")
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Compiles each file; returns one message per failure (the document and the first TeX error line).
    func compile(_ texFiles: [String], console: Console, quiet: Bool) throws(CLIError) -> [String] {
        var failures: [String] = []
        for file in texFiles {
            let pdf = PathName.parent(file) + "/" + PathName.stem(file) + ".pdf"
            switch try run(file) {
            case .success(let bytes):
                try FileSystem.writeFile(bytes: bytes, to: pdf, special: .refuse)
                if !quiet { console.writeError("pdf: \(pdf)\n") }
            case .failure(let reason):
                failures.append("\(file): LaTeX failed: \(reason)")
            }
        }
        return failures
    }

    /// Compiles a rendered LaTeX document in a private folder and writes the PDF to `path`.
    func compileStandalone(_ rendered: RenderedDocument, to path: String) throws(CLIError) {
        let work = NSTemporaryDirectory() + "worked-backprop-pdf-" + FileSystem.randomSuffix()
        guard TemporaryFiles.shared.createFolder(work) else { throw .io("cannot create a folder to compile in: \(FileSystem.lastError())") }
        defer {
            try? FileManager.default.removeItem(atPath: work)
            TemporaryFiles.shared.unregisterFolder(work)
        }
        let tree = try OutputTree(existing: work)
        let stem = PathName.stem(path)
        for attachment in rendered.attachments {
            try tree.write(GeneratedFile(path: attachment.name, contents: attachment.contents))
        }
        let tex = work + "/" + stem + ".tex"
        try FileSystem.writeFile(rendered.main, to: tex, special: .refuse)
        switch try run(tex) {
        case .success(let bytes): try FileSystem.writeFile(bytes: bytes, to: path)
        case .failure(let reason): throw .io("cannot make \(path): LaTeX failed: \(reason)")
        }
    }

    enum Outcome {
        case success([UInt8])
        case failure(String)
    }

    /// Runs the compiler on `file` in its folder, with auxiliary files in a private folder.
    private func run(_ file: String) throws(CLIError) -> Outcome {
        let folder = PathName.parent(file)
        let name = PathName.lastComponent(file)
        let auxiliary = PathName.join(folder, ".\(PathName.stem(file)).latex-\(FileSystem.randomSuffix())")
        guard TemporaryFiles.shared.createFolder(auxiliary) else {
            throw .io("cannot compile \(file): cannot create a folder beside it: \(FileSystem.lastError())")
        }
        defer {
            try? FileManager.default.removeItem(atPath: auxiliary)
            TemporaryFiles.shared.unregisterFolder(auxiliary)
        }
        let common = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape"]
        let runs: [[String]] = usesLatexmk
            ? [["-pdf", "-outdir=\(auxiliary)"] + common + [name]]
            : Array(repeating: common + ["-output-directory=\(auxiliary)", name], count: 2)
        var ok = true
        for arguments in runs where ok {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw .io("cannot run \(program): \(error.localizedDescription)")
            }
            process.waitUntilExit()
            ok = process.terminationStatus == 0
        }
        let stem = PathName.stem(file)
        if ok, let bytes = FileManager.default.contents(atPath: auxiliary + "/" + stem + ".pdf") {
            return .success(Array(bytes))
        }
        let log = (try? String(contentsOfFile: auxiliary + "/" + stem + ".log", encoding: .utf8)) ?? ""
        return .failure(log.split(separator: "\n").first { $0.hasPrefix("!") }.map(String.init) ?? "no PDF was produced")
    }
}
