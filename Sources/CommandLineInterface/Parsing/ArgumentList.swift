/// The arguments of one subcommand, consumed as options and positionals are recognised.
///
/// Options are `--name value`, `--name=value` or a short alias `-o value`; flags take no
/// value; `--` ends the options. Whatever is left unconsumed is an error, so a misspelt
/// option never passes silently.
struct ArgumentList {
    private var items: [String]
    private var positionalsOnlyFrom: Int?

    init(_ arguments: [String]) {
        if let separator = arguments.firstIndex(of: "--") {
            items = Array(arguments[..<separator]) + Array(arguments[(separator + 1)...])
            positionalsOnlyFrom = separator
        } else {
            items = arguments
        }
    }

    private func isOptionIndex(_ i: Int) -> Bool {
        if let boundary = positionalsOnlyFrom, i >= boundary { return false }
        return items[i].hasPrefix("-") && items[i] != "-"
    }

    /// Removes and returns whether `--name` (or an alias) was given.
    mutating func flag(_ names: String...) -> Bool {
        var found = false
        var i = 0
        while i < items.count {
            if isOptionIndex(i) && names.contains(items[i]) {
                remove(at: i)
                found = true
            } else {
                i += 1
            }
        }
        return found
    }

    /// Removes and returns the value of `--name value` / `--name=value`. Giving an option
    /// twice (under any of its names) is an error, never a silent choice of one.
    mutating func option(_ names: String...) throws(CLIError) -> String? { try option(names) }

    private mutating func option(_ names: [String]) throws(CLIError) -> String? {
        var value: String?
        var i = 0
        while i < items.count {
            guard isOptionIndex(i) else { i += 1; continue }
            let item = items[i]
            var found: String?
            if names.contains(item) {
                guard i + 1 < items.count else { throw .usage("\(item) needs a value") }
                found = items[i + 1]
                remove(at: i)
                remove(at: i)
            } else if let equals = item.firstIndex(of: "="), names.contains(String(item[..<equals])) {
                found = String(item[item.index(after: equals)...])
                remove(at: i)
            } else {
                i += 1
            }
            if let found {
                if value != nil { throw .usage("\(names.joined(separator: "/")) is given more than once") }
                value = found
            }
        }
        return value
    }

    /// Removes and returns a path option's value; an empty path is refused.
    mutating func pathOption(_ names: String...) throws(CLIError) -> String? {
        let value = try option(names)
        if value == "" { throw .usage("\(names.joined(separator: "/")) needs a path, got an empty one") }
        return value
    }

    /// Removes and returns an option's value parsed as a whole number in `range`.
    mutating func integerOption(_ name: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .usage("\(name) expects a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    /// Removes and returns the remaining positionals; fails on any unrecognised option.
    mutating func positionals(atMost count: Int) throws(CLIError) -> [String] {
        if let i = items.indices.first(where: isOptionIndex) {
            throw .usage("unknown option \(items[i])")
        }
        guard items.count <= count else {
            throw .usage("unexpected argument \"\(items[count])\"")
        }
        defer { items = [] }
        return items
    }

    private mutating func remove(at i: Int) {
        items.remove(at: i)
        if let boundary = positionalsOnlyFrom, i < boundary { positionalsOnlyFrom = boundary - 1 }
    }
}
