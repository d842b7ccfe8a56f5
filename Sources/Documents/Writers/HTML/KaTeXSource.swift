import Foundation

/// Where a `--math katex` page loads KaTeX from, and what it can check before writing the page:
/// the pinned CDN files carry Subresource Integrity hashes; a local folder must hold every file
/// the page loads, minified or not (Debian's libjs-katex ships `contrib/auto-render.js` only).
public enum KaTeXSource {
    /// The files a page loads, relative to the base URL.
    public static let loadedFiles = ["katex.min.css", "katex.min.js", "contrib/auto-render.min.js"]

    /// The `sha384` integrity values of KaTeX 0.16.4's files on the default CDN, as KaTeX's
    /// README publishes them; only pages loading from `HTMLWriter.defaultKaTeXBaseURL` use them.
    static let integrity: [String: String] = [
        "katex.min.css": "sha384-vKruj+a13U8yHIkAyGgK1J3ArTLzrFGBbBc0tDp4ad/EyewESeXE/Iv67Aj8gKZ0",
        "katex.min.js": "sha384-PwRUT/YqbnEjkZO0zZxNqcxACrXe+j766U2amXcgMg5457rve2Y7I6ZJSm2A0mS4",
        "contrib/auto-render.min.js": "sha384-+VBxd3r6XgURycqtZ117nYw44OOcIax56Z4dCRWbxyPt0Koah1uHoK0o4+/RRE05",
    ]

    /// The elements that load KaTeX from `base`; files of the pinned CDN carry their hash.
    static func links(base: String) -> String {
        let escape = TextEscaping.html
        let files = resolvedFiles(base: base)
        func attributes(_ file: String) -> String {
            guard base == HTMLWriter.defaultKaTeXBaseURL, let hash = integrity[file] else { return "" }
            return " integrity=\"\(hash)\" crossorigin=\"anonymous\""
        }
        return [
            "<link rel=\"stylesheet\" href=\"\(escape(base))/\(files[0])\"\(attributes(files[0]))>",
            "<script defer src=\"\(escape(base))/\(files[1])\"\(attributes(files[1]))></script>",
            "<script defer src=\"\(escape(base))/\(files[2])\"\(attributes(files[2]))></script>",
        ].joined(separator: "\n")
    }

    /// The files the page loads from `base`, in the order of `loadedFiles`: in a local folder
    /// that has only the unminified copy of a file (Debian ships `contrib/auto-render.js`), that
    /// copy.
    public static func resolvedFiles(base: String) -> [String] {
        guard let folder = localFolder(base) else { return loadedFiles }
        return loadedFiles.map { file in
            let unminified = file.replacingOccurrences(of: ".min.", with: ".")
            return !exists(file, in: folder) && exists(unminified, in: folder) ? unminified : file
        }
    }

    private static func exists(_ file: String, in folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(file))
    }

    /// The local folder a base URL names: a `file://` URL or a path without a scheme; nil for
    /// `http(s)://` and other remote URLs.
    public static func localFolder(_ base: String) -> String? {
        if base.hasPrefix("file://") { return URL(string: base)?.path }
        if base.contains("://") || base.hasPrefix("//") { return nil }
        return base
    }

    /// Warnings for a local KaTeX folder that lacks files the page loads (minified or not), one
    /// per missing file; none for remote URLs.
    public static func warnings(base: String) -> [String] {
        guard let folder = localFolder(base) else { return [] }
        return resolvedFiles(base: base).compactMap { file in
            exists(file, in: folder)
                ? nil
                : "the KaTeX folder \(folder) has no \(file), which the HTML page loads: its formulas will not be typeset"
        }
    }
}
