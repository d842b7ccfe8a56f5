/// Reads the Markdown subset of section templates (after Mustache has filled them in) into
/// document blocks. This comment is the template authors' reference.
///
/// ## Blocks
///
/// Blocks are separated by blank lines. Tabs in indentation count as 4 columns; HTML is not
/// passed through (`<` is text).
///
/// - **Headings**: `#`, `##`, `###` and a space, then the text; an optional label ends the
///   line: `## Forward pass {#sec:forward}`. Levels 4 and deeper are an error.
/// - **Paragraphs**: consecutive non-blank lines; a line break inside becomes a space, a line
///   ending in `\` is a hard line break. A heading, fence, `$$`, `@@name`, bullet, `1.` or table
///   start ends the paragraph before it.
/// - **Display math**: from `$$` at the start of a line to the next `$$`, on one line
///   (`$$ x $$`) or several. The TeX between is kept verbatim. A label after the closing `$$`
///   numbers the equation: `$$ … $$ {#eq:bp1}`.
/// - **Lists**: `- item` or `* item` (bullets; switching the character starts a new list), and
///   `1. item` (ordered; the first number is kept). An item holds the lines indented at least
///   two columns more than its marker: more paragraphs, display math, nested lists.
///   Unindented lines right after item text continue it (lazy continuation).
/// - **Pipe tables**: a header row, a separator row (`---` plain, `:--` left, `:-:` centre,
///   `--:` right), then body rows; outer pipes are optional. Cells are inline text; write a
///   literal pipe as `\|` (pipes in code spans and `$…$` do not split cells). Every row must
///   have as many cells as the header. An optional caption line follows the table directly or
///   after one blank line: `Table: Caption text {#tbl:id}` (or `: Caption text`).
/// - **Fenced divs**: `::: kind {#thm:bp1 title="BP1 — Output Error" passed="true"}`, the
///   content, then a line of colons `:::`. Kinds: `theorem`, `remark`, `key-observation`,
///   `verification`, `algorithm`, `exercise`, `solution`, `note`; `{.kind …}` works too.
///   `title` is inline text, `passed` is `true` or `false`. As in Pandoc, a fence needs three
///   or more colons and any line of colons alone closes the innermost open div, so divs nest:
///   use longer fences for outer divs to keep them readable.
/// - **Generated blocks**: a line holding only `@@name` (letters, digits, `-`, `_`, `.`) is
///   replaced by the block code produced under that name (a figure, an equation chain).
///
/// ## Inlines
///
/// `*emphasis*` or `_emphasis_`, `**strong**`, `` `code` `` (verbatim), `[text](url)`,
/// cross-references `[@eq:bp1]`, inline math `$…$` (verbatim TeX: no escapes are processed
/// inside, and `\$` does not close it). A backslash before any ASCII punctuation character
/// makes it literal (`\*`, `\$`, `\|`, `\\`), so text escaped with `TextEscaping.markdown`
/// reads back exactly. A single `*` or `_` that is never closed is literal text.
///
/// ## Errors
///
/// Errors are `SourceError`s at the 1-based line and column (in characters) of the offending
/// opening delimiter: unclosed `**`, `` ` ``, `$`, `$$`, link destination `](…` or fenced div;
/// unknown div kinds and attributes; unknown `@@name`; table rows of the wrong width.
public struct MarkdownReader: Sendable {
    /// Blocks produced by code, inserted where a line reads `@@name`.
    public var generatedBlocks: [String: Block]

    public init(generatedBlocks: [String: Block] = [:]) {
        self.generatedBlocks = generatedBlocks
    }

    /// Reads a whole section source. `file` names it in error locations.
    public func read(_ source: String, file: String) throws(SourceError) -> [Block] {
        try BlockParser(file: file, generatedBlocks: generatedBlocks).parse(SourceLine.lines(of: source))
    }

    /// Reads one piece of inline text, such as an escaped title, as the content of a
    /// paragraph (lines joined by spaces, leading and trailing spaces dropped).
    public func readInlines(_ text: String, file: String) throws(SourceError) -> [Inline] {
        let lines = SourceLine.lines(of: text).filter { !$0.isBlank }
        return try BlockParser(file: file, generatedBlocks: generatedBlocks).inlines(InlineSource(lines: lines))
    }
}
