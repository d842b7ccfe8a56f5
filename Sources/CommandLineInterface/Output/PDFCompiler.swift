import Foundation

/// Compiles LaTeX files to PDF with latexmk, or pdflatex run twice, in each file's folder.
struct PDFCompiler {
    let program: String
    let usesLatexmk: Bool

    /// The compiler on the PATH, or a clear error naming what to install.
    static func locate() throws(CLIError) -> PDFCompiler {
        if let latexmk = which("latexmk") { return PDFCompiler(program: latexmk, usesLatexmk: true) }
        if let pdflatex = which("pdflatex") { return PDFCompiler(program: pdflatex, usesLatexmk: false) }
        throw .io("--pdf needs latexmk or pdflatex, and neither is on the PATH (install TeX Live, e.g. apt-get install latexmk texlive-latex-extra)")
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Compiles each file; returns one message per failure (the document and the first TeX error line).
    func compile(_ texFiles: [String], console: Console, quiet: Bool) throws(CLIError) -> [String] {
        var failures: [String] = []
        for file in texFiles {
            let url = URL(fileURLWithPath: file)
            let folder = url.deletingLastPathComponent()
            let runs: [[String]] = usesLatexmk
                ? [["-pdf", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", url.lastPathComponent]]
                : Array(repeating: ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", url.lastPathComponent], count: 2)
            var ok = true
            for arguments in runs where ok {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: program)
                process.arguments = arguments
                process.currentDirectoryURL = folder
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
            if ok {
                if !quiet { console.writeError("pdf: \(url.deletingPathExtension().path).pdf\n") }
            } else {
                let log = (try? String(contentsOf: url.deletingPathExtension().appendingPathExtension("log"), encoding: .utf8)) ?? ""
                let firstError = log.split(separator: "\n").first { $0.hasPrefix("!") }.map(String.init) ?? "see the .log file"
                failures.append("\(file): LaTeX failed: \(firstError)")
            }
        }
        return failures
    }
}
