import Foundation

/// Where a `--math katex` page loads KaTeX from, and what it can check before writing the page:
/// the pinned CDN files carry Subresource Integrity hashes; a local folder must hold every file
/// the page loads (Debian's libjs-katex, for one, ships no `contrib/auto-render.min.js`).
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
        func attributes(_ file: String) -> String {
            guard base == HTMLWriter.defaultKaTeXBaseURL, let hash = integrity[file] else { return "" }
            return " integrity=\"\(hash)\" crossorigin=\"anonymous\""
        }
        return [
            "<link rel=\"stylesheet\" href=\"\(escape(base))/katex.min.css\"\(attributes("katex.min.css"))>",
            "<script defer src=\"\(escape(base))/katex.min.js\"\(attributes("katex.min.js"))></script>",
            "<script defer src=\"\(escape(base))/contrib/auto-render.min.js\"\(attributes("contrib/auto-render.min.js"))></script>",
        ].joined(separator: "\n")
    }

    /// The local folder a base URL names: a `file://` URL or a path without a scheme; nil for
    /// `http(s)://` and other remote URLs.
    public static func localFolder(_ base: String) -> String? {
        if base.hasPrefix("file://") { return URL(string: base)?.path }
        if base.contains("://") || base.hasPrefix("//") { return nil }
        return base
    }

    /// Warnings for a local KaTeX folder that lacks files the page loads, one per missing
    /// file; none for remote URLs.
    public static func warnings(base: String) -> [String] {
        guard let folder = localFolder(base) else { return [] }
        return loadedFiles.compactMap { file in
            let path = (folder as NSString).appendingPathComponent(file)
            return FileManager.default.fileExists(atPath: path)
                ? nil
                : "the KaTeX folder \(folder) has no \(file), which the HTML page loads: its formulas will not be typeset there"
        }
    }
}
