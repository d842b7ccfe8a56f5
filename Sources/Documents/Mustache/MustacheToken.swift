/// A parsed template: text and tags, with sections holding their content. Comments and
/// set-delimiter tags are gone, and standalone lines are already stripped; what remains is
/// exactly what the renderer walks.
indirect enum MustacheToken: Hashable, Sendable {
    /// Literal template text.
    case text(String)
    /// The start of a source line: the indentation of an enclosing standalone partial,
    /// parent or block goes here.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(name: String, escaped: Bool, at: SourceLocation)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(name: String, content: [MustacheToken], inverted: Bool, at: SourceLocation)
    /// `{{>name}}`; `indentation` is set when the tag stands alone on its line.
    case partial(name: String, indentation: String?, at: SourceLocation)
    /// `{{<name}}…{{/name}}`: the named template, with blocks overridden by `arguments`.
    case parent(name: String, arguments: [String: [MustacheToken]], indentation: String?, at: SourceLocation)
    /// `{{$name}}…{{/name}}`: a block that a parent tag can override. An override is
    /// indented by `overrideIndentation` when the block stands alone on its line.
    case block(name: String, content: [MustacheToken], overrideIndentation: String?, at: SourceLocation)
}

extension MustacheToken {
    /// Where the tag was written; `nil` for text.
    var location: SourceLocation? {
        switch self {
        case .text, .lineStart: return nil
        case .variable(_, _, let at), .section(_, _, _, let at), .partial(_, _, let at), .parent(_, _, _, let at),
             .block(_, _, _, let at):
            return at
        }
    }
}
