/// Path arithmetic on plain strings, `/`-separated, with no file-system access.
///
/// Foundation's `deletingLastPathComponent` traps on some one-character paths ("t", ".")
/// on Linux; these never trap and keep relative paths relative.
public enum PathName {
    /// The folder part of `path`: `"a/b/c"` → `"a/b"`, `"c"` → `"."`, `"/c"` → `"/"`,
    /// `"a/b/"` → `"a"`.
    public static func parent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The last component: `"a/b.tex"` → `"b.tex"`, `"a/b/"` → `"b"`, `"/"` → `"/"`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let tail = String(trimmed[trimmed.index(after: slash)...])
        return tail.isEmpty ? "/" : tail
    }

    /// `name` inside `folder`: `"a" + "b"` → `"a/b"`; an empty folder or `"."` adds nothing.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last component without its extension: `"a/handout.tex"` → `"handout"`; a leading
    /// dot is part of the name, not an extension (`".tex"` → `".tex"`).
    public static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
