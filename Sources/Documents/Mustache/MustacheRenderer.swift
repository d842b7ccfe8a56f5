/// Renders tokens to text: one `switch` over `MustacheToken`.
struct MustacheRenderer {
    let partials: any MustachePartialProvider
    let escape: TextEscaping
    let options: MustacheRenderOptions
    private(set) var output = ""
    /// Partials already asked for in this rendering, by name (`nil`: not found).
    private var loaded: [String: MustacheTemplate?] = [:]
    /// Tokens rendered so far, and the last tag seen (where a bound is reported).
    private var steps = 0
    private var lastLocation: SourceLocation?

    init(partials: any MustachePartialProvider, escape: TextEscaping, options: MustacheRenderOptions) {
        self.partials = partials
        self.escape = escape
        self.options = options
    }

    /// Where tokens render: the context stack, the indentation for each source line, the
    /// block overrides in force, and how deeply partials and overrides are nested.
    struct Scope {
        var context: MustacheContext
        var indentation = ""
        var overrides: [String: [MustacheToken]] = [:]
        var depth = 0
    }

    mutating func render(_ tokens: [MustacheToken], in scope: Scope) throws(SourceError) {
        for token in tokens {
            steps += 1
            if let location = token.location { lastLocation = location }
            if steps > options.maximumSteps || output.utf8.count > options.maximumOutputBytes {
                throw boundExceeded()
            }
            switch token {
            case .text(let text):
                output += text
            case .lineStart:
                output += scope.indentation
            case .variable(let name, let escaped, let location):
                guard let value = scope.context.lookup(name) else {
                    if options.strictVariables { throw SourceError("no value named '\(name)'", at: location) }
                    continue
                }
                output += try interpolation(of: value, named: name, escaped: escaped, at: location)
            case .section(let name, let content, let inverted, _):
                let value = scope.context.lookup(name) ?? .null
                if inverted {
                    if !value.isTruthy { try render(content, in: scope) }
                } else if case .list(let elements) = value {
                    for element in elements {
                        try render(content, in: scope.with(context: scope.context.pushing(element)))
                    }
                } else if value.isTruthy {
                    try render(content, in: scope.with(context: scope.context.pushing(value)))
                }
            case .partial(let name, let indentation, let location):
                guard let template = try load(name, at: location, depth: scope.depth) else { continue }
                try render(template.tokens, in: scope.nested(indentation: indentation))
            case .parent(let name, let arguments, let indentation, let location):
                guard let template = try load(name, at: location, depth: scope.depth) else { continue }
                var inner = scope.nested(indentation: indentation)
                // Overrides from further out win: the outermost template has the last word.
                inner.overrides = arguments.merging(scope.overrides) { _, outer in outer }
                try render(template.tokens, in: inner)
            case .block(let name, let content, let indentation, let location):
                if let override = scope.overrides[name] {
                    guard scope.depth < options.maximumDepth else {
                        throw SourceError(
                            "block '\(name)' overrides itself more than \(options.maximumDepth) levels deep",
                            at: location)
                    }
                    try render(override, in: scope.nested(indentation: indentation))
                } else {
                    try render(content, in: scope)
                }
            }
        }
    }

    /// The error for a rendering that passed its output or step bound, at the last tag seen.
    private func boundExceeded() -> SourceError {
        let what = steps > options.maximumSteps
            ? "more than \(options.maximumSteps) tags"
            : "more than \(options.maximumOutputBytes) bytes"
        return SourceError(
            "the rendering expands to \(what): do partials include each other over and over?",
            at: lastLocation ?? SourceLocation(file: "", line: 1, column: 1))
    }

    private func interpolation(
        of value: MustacheValue, named name: String, escaped: Bool, at location: SourceLocation
    ) throws(SourceError) -> String {
        let text: String
        switch value {
        case .null: return ""
        case .bool(let flag): text = flag ? "true" : "false"
        case .number(let number): text = number
        case .string(let string): text = string
        case .list, .object:
            let kind = if case .list = value { "a list" } else { "an object" }
            throw SourceError("'\(name)' is \(kind), which cannot be interpolated; use a section '#\(name)'", at: location)
        }
        return escaped ? escape(text) : text
    }

    /// The partial or parent template `name`, asked of the provider once per rendering.
    private mutating func load(_ name: String, at location: SourceLocation, depth: Int) throws(SourceError)
        -> MustacheTemplate?
    {
        guard depth < options.maximumDepth else {
            throw SourceError(
                "partials nested more than \(options.maximumDepth) levels deep at '\(name)': is it recursive without end?",
                at: location)
        }
        if let cached = loaded[name] { return cached }
        let template: MustacheTemplate?
        do {
            template = try partials.template(named: name)
        } catch where error.location.file.isEmpty {
            // A problem with the name itself: report it where the name was written.
            throw SourceError(error.message, at: location)
        }
        if template == nil && options.strictPartials {
            throw SourceError("unknown partial '\(name)'", at: location)
        }
        loaded[name] = template
        return template
    }
}

extension MustacheRenderer.Scope {
    func with(context: MustacheContext) -> Self {
        var copy = self
        copy.context = context
        return copy
    }

    /// The scope for an included template: indented further when the tag stood alone on its
    /// line, not indented at all otherwise.
    func nested(indentation: String?) -> Self {
        var copy = self
        copy.indentation = indentation.map { self.indentation + $0 } ?? ""
        copy.depth += 1
        return copy
    }
}
