import Backprop
import Documents
import Foundation
@testable import Handouts
import JSON
import Synchronization
import Testing

/// A variant set is streamed: each variant's files as it is generated, the combined
/// `answers.json` piece by piece, and of each variant only a small overview row kept.
@Suite struct VariantStreamTests {
    static func batch(_ count: Int, format: OutputFormat = .latex) -> ExerciseBatch {
        ExerciseBatch(
            generator: ExerciseGenerator(options: HandoutOptions(format: format)), base: HandoutFixtures.seed000,
            seed: 2024, numbers: Array(1...count), distribution: VariantDistribution())
    }

    /// Streamed and joined, the set has the very bytes of the set built whole in memory (the
    /// combined answers written by `JSONWriter` as one value), across several chunks.
    @Test(arguments: [OutputFormat.latex, .markdown, .html])
    func streamedSetEqualsTheSetBuiltInMemory(format: OutputFormat) throws {
        let count = ExerciseBatch.chunkSize * 2 + 3
        let batch = Self.batch(count, format: format)
        var assembler = FileAssembler()
        #expect(try batch.stream(in: "set", format: format) { assembler.add($0); return true })
        #expect(assembler.isComplete)
        let whole = try batch.files(try batch.generate(), in: "set", format: format)
        let streamed = Dictionary(uniqueKeysWithValues: assembler.files.map { ($0.path, $0.contents) })
        #expect(streamed.count == assembler.files.count, "a path handed over twice")
        #expect(streamed == Dictionary(uniqueKeysWithValues: whole.map { ($0.path, $0.contents) }))
        // The combined answers parse and list every variant in order.
        let combined = try JSONParser().parse(try #require(streamed["set/answers.json"]))
        guard case .array(let variants) = combined["variants"] else { Issue.record("no variants array"); return }
        let ids = variants.map { $0["variant"]?["id"] }
        #expect(ids == (1...count).map { .string(ExerciseVariant(seed: 2024, number: $0).id) })
    }

    /// The combined answers come as one piece per variant (plus the closing one), none larger
    /// than a variant's own answers.json and its separators: never the whole file at once.
    @Test func combinedAnswersComeInPiecesOfOneVariant() throws {
        let count = 20
        var pieces: [FilePiece] = []
        var variantAnswers: [FilePiece] = []
        let complete = try Self.batch(count).stream(in: "set", format: .latex) { piece in
            if piece.path == "set/answers.json" {
                pieces.append(piece)
            } else if piece.path.hasSuffix("/answers.json") {
                variantAnswers.append(piece)
            }
            return true
        }
        #expect(complete)
        #expect(variantAnswers.count == count && variantAnswers.allSatisfy(\.isWhole))
        let largestVariantAnswers = variantAnswers.map(\.contents.utf8.count).max() ?? 0
        #expect(pieces.count == count + 1)
        #expect(pieces.first?.starts == true && pieces.dropFirst().allSatisfy { !$0.starts })
        #expect(pieces.last?.ends == true && pieces.dropLast().allSatisfy { !$0.ends })
        let largest = pieces.map(\.contents.utf8.count).max() ?? 0
        // Each line of a variant's answers gains four spaces of indentation in the combined file.
        let lines = largestVariantAnswers / 10
        #expect(largest > 0 && largest <= largestVariantAnswers + 4 * lines + 64, "a piece of \(largest) bytes")
    }

    /// What the batch keeps between chunks is the overview's rows: a few hundred bytes of text
    /// per variant, not the variants' documents, specs or full answers (about 40 KB each),
    /// and the same per variant for a small and a larger set.
    @Test func retainedTextPerVariantStaysSmall() throws {
        func retainedPerVariant(_ count: Int) throws -> (retained: Double, written: Double) {
            var batch = Self.batch(count)
            let retained = Mutex(0)
            batch.retained = { bytes in retained.withLock { $0 = bytes } }
            var written = 0
            let complete = try batch.stream(in: "set", format: .latex) { written += $0.contents.utf8.count; return true }
            #expect(complete)
            return (Double(retained.withLock { $0 }) / Double(count), Double(written) / Double(count))
        }
        let small = try retainedPerVariant(ExerciseBatch.chunkSize)
        let larger = try retainedPerVariant(ExerciseBatch.chunkSize * 4)
        #expect(small.retained > 0 && small.retained < 600, "\(small.retained) bytes kept per variant")
        #expect(larger.retained < small.retained * 1.25, "\(larger.retained) against \(small.retained) bytes per variant")
        #expect(larger.retained * 50 < larger.written, "\(larger.retained) kept of \(larger.written) bytes written per variant")
    }

    /// `nested` indents a pretty JSON document as `JSONWriter` would inside another.
    @Test func nestedMatchesTheWritersIndentation() throws {
        let value = JSONValue.object([
            .init("a", .array([.number("1"), .number("2")])),
            .init("b", .object([.init("c", .string("line\nbreak")), .init("d", .array([.object([.init("e", .null)])]))])),
        ])
        let inner = JSONWriter().write(value)
        let outer = JSONWriter().write(.object([.init("x", .array([value, value]))]))
        let element = CombinedAnswers.nested(inner, depth: 2)
        #expect(outer == "{\n  \"x\": [\n" + element + ",\n" + element + "\n  ]\n}\n")
    }
}
