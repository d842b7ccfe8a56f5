/// A normalised path inside an output root: relative, `/`-separated, with no empty, `.` or
/// `..` component. `"./tt"`, `"tt/"` and `"tt"` are one `OutputPath`, so two documents that
/// name one file differently are caught by plain equality.
public struct OutputPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The components, none empty, `.` or `..`; at least one.
    public let components: [String]

    /// Normalises `text`, refusing what could leave the root or names nothing.
    public init(_ text: String) throws(OutputPathError) {
        guard !text.isEmpty else { throw .empty }
        guard !text.hasPrefix("/") else { throw .absolute }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { throw .controlCharacter }
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.contains("..") else { throw .parent }
        let kept = parts.filter { $0 != "." }
        guard !kept.isEmpty else { throw .nothingNamed }
        components = kept
    }

    private init(components: [String]) { self.components = components }

    /// The path as text: `a/b/c`.
    public var text: String { components.joined(separator: "/") }
    public var description: String { text }

    /// The last component.
    public var name: String { components[components.count - 1] }

    /// The folder holding it, `nil` for a path directly in the root.
    public var parent: OutputPath? {
        components.count > 1 ? OutputPath(components: Array(components.dropLast())) : nil
    }

    /// Every folder above it, outermost first (`a/b/c` → `a`, `a/b`).
    public var ancestors: [OutputPath] {
        (1..<max(1, components.count)).map { OutputPath(components: Array(components.prefix($0))) }
    }

    /// `name` inside this path (a single component, or several joined by `/`).
    public func appending(_ name: String) -> OutputPath {
        OutputPath(components: components + name.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty })
    }

    /// The sibling with `suffix` added to the last component: `a/handout` → `a/handout.tex`.
    public func addingSuffix(_ suffix: String) -> OutputPath {
        OutputPath(components: Array(components.dropLast()) + [name + suffix])
    }

    /// Whether `other` is this path or lies inside it.
    public func contains(_ other: OutputPath) -> Bool {
        other.components.count >= components.count && Array(other.components.prefix(components.count)) == components
    }

    public static func < (a: OutputPath, b: OutputPath) -> Bool { a.text < b.text }
}

/// Why a text is not an output path.
public enum OutputPathError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty, absolute, parent, nothingNamed, controlCharacter

    public var description: String {
        switch self {
        case .empty: return "the path is empty"
        case .absolute: return "it is absolute"
        case .parent: return "'..' would leave the output root"
        case .nothingNamed: return "it names the output root itself, not a file or folder in it"
        case .controlCharacter: return "it contains a control character"
        }
    }
}
