/// Display math that never runs into the margin, and matrices of any width.
///
/// amsmath's matrices take at most `MaxMatrixCols` (10) columns unless told otherwise, and
/// a display that is wider than the line (a long chain, a wide matrix) would stick out of the
/// text block where no reader sees it. Every display is set in a box first: when it is wider
/// than the line it is scaled down to the line, and the log says by how much
/// (`Scripts/check-latex` fails when a display had to shrink below a readable size).
enum LaTeXDisplays {
    /// The room kept beside a numbered display for its equation number.
    static let numberRoom = "3em"

    /// Preamble lines: the box and the fitting macro `\wbfit[room]{math}`.
    static let definitions = [
        "\\newsavebox{\\wbfitbox}",
        "% \\wbfit[room]{math}: the display as is, or scaled to the line width less room when wider.",
        "\\newcommand{\\wbfit}[2][0pt]{\\sbox{\\wbfitbox}{$\\displaystyle #2$}%",
        "  \\ifdim\\wd\\wbfitbox>\\dimexpr\\linewidth-#1\\relax",
        "    \\typeout{worked-backprop: display scaled to"
            + " \\the\\numexpr\\dimexpr\\linewidth-#1\\relax*100/\\wd\\wbfitbox\\relax\\space percent"
            + " on input line \\the\\inputlineno}%",
        "    \\resizebox{\\dimexpr\\linewidth-#1\\relax}{!}{\\usebox{\\wbfitbox}}%",
        "  \\else\\usebox{\\wbfitbox}\\fi}",
    ].joined(separator: "\n")

    /// `math` fitted to the line; `numbered` keeps room for the equation number.
    static func fitted(_ math: String, numbered: Bool) -> String {
        (numbered ? "\\wbfit[\(numberRoom)]{" : "\\wbfit{") + math + "}"
    }

    /// amsmath's default `MaxMatrixCols`.
    static let defaultMatrixColumns = 10

    /// A `MaxMatrixCols` setting large enough for every matrix in `body`, or nil when the
    /// default suffices. It counts the alignment tabs between two row ends or environment
    /// boundaries (`\\`, `\begin{`, `\end{`): an upper bound of any matrix row's columns less
    /// one. A fixed large setting instead would make every matrix slow to typeset.
    static func matrixColumnSetting(_ body: String) -> String? {
        let pieces = body.replacing("\\begin{", with: "\\\\").replacing("\\end{", with: "\\\\")
            .split(separator: "\\\\", omittingEmptySubsequences: false)
        var widest = 0
        for piece in pieces {
            var tabs = 0
            var previous: Character?
            for character in piece {
                if character == "&", previous != "\\" { tabs += 1 }
                previous = character
            }
            widest = max(widest, tabs)
        }
        let columns = widest + 1
        guard columns > defaultMatrixColumns else { return nil }
        return "\\setcounter{MaxMatrixCols}{\(columns)}"
    }
}
