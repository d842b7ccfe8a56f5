import Backprop
import Documents
import ExactArithmetic
import Foundation
import Handouts
import Testing
import Typesetting

/// Matrices wider than `Self.limit` shown columns — a `--full` answer key of a
/// [6, 12, 4] or [10, 16, 3] network, a 12-output softmax Jacobian — are set in labelled column
/// blocks by one helper, in every format, instead of one display scaled down to 58 %.
@Suite struct ColumnBlockTests {
    /// `Display.roundedColumnLimit`: the most columns of rounded numbers in one display.
    static let limit = 6

    @Test func blocksAreBalanced() {
        #expect(MathExpression.columnBlocks(6, limit: 6) == [0..<6])
        #expect(MathExpression.columnBlocks(12, limit: 6) == [0..<6, 6..<12])
        #expect(MathExpression.columnBlocks(16, limit: 6) == [0..<6, 6..<11, 11..<16])
        #expect(MathExpression.columnBlocks(8, limit: 6) == [0..<4, 4..<8])
    }

    /// Every matrix as wide as the cut one is cut at the same columns; a column vector beside it
    /// (δ in δ aᵀ) stays whole.
    @Test func cutsOnlyMatricesOfTheWidth() {
        func n(_ k: Int) -> MathExpression { .number(NumberLiteral(Rational(k).formatted(DecimalFormat(.significantDigits(4))))) }
        let row = MathExpression.matrix([(1...12).map(n)])
        let column = MathExpression.matrix([[n(7)], [n(8)]])
        let cut = MathExpression.product([column, row], .juxtaposition).columns(6..<12, ofWidth: 12)
        #expect(cut == .product([column, .matrix([(7...12).map(n)])], .juxtaposition))
    }

    /// The largest number of entries in one row of any pmatrix of `latex`.
    static func widestMatrixRow(_ latex: String) -> Int {
        latex.components(separatedBy: "\\begin{pmatrix}").dropFirst().map { part in
            let body = part.components(separatedBy: "\\end{pmatrix}")[0]
            return body.components(separatedBy: "\\\\").map { $0.components(separatedBy: "&").count }.max() ?? 0
        }.max() ?? 0
    }

    @Test(arguments: [0, 1]) func fullKeysSetWideMatricesInBlocks(shape: Int) throws {
        let spec = try ElisionTests.spec(ElisionTests.shapes[shape])
        let widest = spec.network.layers.max()!
        var options = HandoutOptions(format: .latex)
        options.showsEverything = true
        let key = try ExerciseGenerator(options: options).generate(spec).solutions.main
        // The given data are exact parameters, short enough to fit; the solutions' rounded values are not.
        let solutions = try #require(key.components(separatedBy: "\\begin{wbsolution}").dropFirst().joined() as String?)
        #expect(Self.widestMatrixRow(solutions) <= Self.limit)
        #expect(key.contains("Columns 1–6:"))
        #expect(key.contains("–\(widest):"), "the last block ends at column \(widest)")
        for format in [OutputFormat.markdown, .html] {
            options.format = format
            let other = try ExerciseGenerator(options: options).generate(spec).solutions.main
            #expect(other.contains("Columns 1–6:"), "\(format)")
        }
    }

    /// A 12-output softmax with MSE: the Jacobian in the derivatives section is set in blocks;
    /// its equation number stays on the first.
    @Test func softmaxJacobianOfTwelveOutputs() throws {
        let spec = try ElisionTests.spec(([6, 12], ["softmax"], "mse", [1, 2, 3]))
        let latex = try HandoutFixtures.handout(spec, .latex) { $0.showsEverything = true }
        let start = try #require(latex.range(of: "Step 1c")).upperBound
        let end = try #require(latex.range(of: "\\section", range: start..<latex.endIndex)).lowerBound
        let section = String(latex[start..<end])
        #expect(section.contains("Columns 1–6:") && section.contains("Columns 7–12:"))
        #expect(Self.widestMatrixRow(section) <= Self.limit)
        #expect(section.components(separatedBy: "\\label{eq:derivatives-jacobian}").count == 2)
    }
}
