/// The context stack of a rendering: the data at the bottom, one entry per enclosing
/// section above it.
struct MustacheContext: Sendable {
    private var stack: [MustacheValue]

    init(_ root: MustacheValue) {
        stack = [root]
    }

    /// The stack with `value` on top.
    func pushing(_ value: MustacheValue) -> MustacheContext {
        var copy = self
        copy.stack.append(value)
        return copy
    }

    /// The value a tag name denotes, or `nil` when the lookup fails.
    ///
    /// `.` is the top of the stack. Otherwise the name is split on periods; the first part is
    /// looked up from the top of the stack down, in the first object that has it, and each
    /// further part only in the value found so far.
    func lookup(_ name: String) -> MustacheValue? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var found: MustacheValue?
        for entry in stack.reversed() {
            if case .object(let members) = entry, let value = members[parts[0]] {
                found = value
                break
            }
        }
        for part in parts.dropFirst() {
            guard case .object(let members)? = found, let value = members[part] else { return nil }
            found = value
        }
        return found
    }
}
