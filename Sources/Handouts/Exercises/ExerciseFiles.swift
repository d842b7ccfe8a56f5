import Backprop
import Dispatch
import Foundation
import Documents
import JSON
import Synchronization

extension RenderedDocument {
    /// The main file at `path` (relative, without extension) + `.ext`, attachments beside it.
    func files(at path: String, format: OutputFormat) -> [GeneratedFile] {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        func beside(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
        return [GeneratedFile(path: path + "." + format.fileExtension, contents: main)]
            + attachments.map { GeneratedFile(path: beside($0.name), contents: $0.contents) }
    }
}

extension ExerciseSet {
    /// The set's files in `folder` (a relative path): `exercises.EXT`, `solutions.EXT` (with
    /// their figures), `answers.json`, and for a variant its `spec.json`.
    public func files(in folder: String, format: OutputFormat) -> [GeneratedFile] {
        files(in: folder, format: format, answers: answersText)
    }

    /// `answers.json` as written.
    var answersText: String { JSONWriter().write(answersJSON) }

    /// The files, `answers` being the text of `answers.json`.
    func files(in folder: String, format: OutputFormat, answers: String) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        if variant != nil {
            files.append(GeneratedFile(path: folder + "/spec.json", contents: JSONWriter().write(SpecEncoder().encode(spec))))
        }
        for file in sheet.files(at: folder + "/exercises", format: format) + solutions.files(at: folder + "/solutions", format: format)
        where !files.contains(where: { $0.path == file.path }) {
            files.append(file)
        }
        files.append(GeneratedFile(path: folder + "/answers.json", contents: answers))
        return files
    }
}

extension ExerciseSet {
    /// Whether a file or folder named `name` is one an exercise or variant folder holds:
    /// the sheet, key and overview in any format (and the PDF and LaTeX files compiled from
    /// them), their figures, `answers.json`, `spec.json` and `variant-NN` folders.
    public static func isGeneratedName(_ name: String) -> Bool {
        if name == "answers.json" || name == "spec.json" { return true }
        if name.hasPrefix("variant-"), name.dropFirst(8).allSatisfy({ $0.isASCII && $0.isNumber }), name.count > 8 { return true }
        return ["exercises", "solutions", "overview"].contains { stem in
            name.hasPrefix(stem + ".") || name.hasPrefix(stem + "-figure-")
        }
    }
}

/// Many variants of one spec: drawn, generated (in parallel) and laid out as files.
public struct ExerciseBatch: Sendable {
    /// Most variants in one batch.
    public static let maximumVariants = 100_000

    public let generator: ExerciseGenerator
    public let base: Spec
    public let seed: UInt64
    public let numbers: [Int]
    public let distribution: VariantDistribution

    public init(generator: ExerciseGenerator, base: Spec, seed: UInt64, numbers: [Int], distribution: VariantDistribution) {
        self.generator = generator
        self.base = base
        self.seed = seed
        self.numbers = numbers
        self.distribution = distribution
    }

    /// Variants generated at once: enough to keep every core busy, few enough that memory
    /// does not grow with the batch.
    static var chunkSize: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) * 4 }

    /// Every variant's set, in variant order; `progress` is called after each one. The first
    /// failure (in variant order) is thrown, naming its variant. Holds every set in memory:
    /// for large batches use `stream`.
    public func generate(progress: @escaping @Sendable () -> Void = {}) throws(HandoutError) -> [ExerciseSet] {
        try generate(numbers, progress: progress)
    }

    private func generate(_ numbers: [Int], progress: @escaping @Sendable () -> Void) throws(HandoutError) -> [ExerciseSet] {
        let results = Mutex([Result<ExerciseSet, HandoutError>?](repeating: nil, count: numbers.count))
        DispatchQueue.concurrentPerform(iterations: numbers.count) { i in
            let variant = ExerciseVariant(seed: seed, number: numbers[i])
            let result = Result { () throws(HandoutError) in
                do throws(HandoutError) {
                    return try generator.generate(variant: variant, of: base, distribution: distribution)
                } catch {
                    throw error.prefixed("variant \(variant.id): ")
                }
            }
            results.withLock { $0[i] = result }
            progress()
        }
        var sets: [ExerciseSet] = []
        for result in results.withLock({ $0 }) {
            switch result! {
            case .success(let set): sets.append(set)
            case .failure(let error): throw error
            }
        }
        return sets
    }

    /// Generates the variants a few at a time and hands their files to `sink` in variant
    /// order, then (unless `single`) the grader's overview and the combined `answers.json`.
    /// The combined answers go to `sink` in pieces, one per variant, as the variants come;
    /// of each variant only its overview row stays in memory, so memory hardly grows with
    /// the count. Returns `false` as soon as `sink` does (the caller could not place a file).
    public func stream(
        in folder: String, format: OutputFormat, single: Bool = false,
        progress: @escaping @Sendable () -> Void = {}, into sink: (FilePiece) -> Bool
    ) throws(HandoutError) -> Bool {
        var overview = OverviewAnswers()
        var combined = CombinedAnswers(path: folder + "/answers.json", seed: seed)
        var start = 0
        while start < numbers.count {
            let end = min(start + Self.chunkSize, numbers.count)
            for set in try generate(Array(numbers[start..<end]), progress: progress) {
                let answers = set.answersText
                for file in set.files(in: folder + "/" + set.variant!.folderName, format: format, answers: answers) {
                    guard sink(FilePiece(file)) else { return false }
                }
                if !single {
                    overview.add(set)
                    guard sink(combined.piece(adding: answers)) else { return false }
                }
            }
            start = end
            retained?(overview.retainedTextBytes)
        }
        guard !single else { return true }
        for file in try generator.overview(overview).files(at: folder + "/overview", format: format) {
            guard sink(FilePiece(file)) else { return false }
        }
        return sink(combined.end())
    }

    /// Called after each chunk with the bytes of text the batch still holds (a test hook).
    var retained: (@Sendable (Int) -> Void)?

    /// The files of `sets` in `folder`: `variant-NN/…` each, and unless `single`, the grader's
    /// `overview.EXT` and the combined `answers.json`.
    public func files(_ sets: [ExerciseSet], in folder: String, format: OutputFormat, single: Bool = false) throws(HandoutError) -> [GeneratedFile] {
        var files = sets.flatMap { $0.files(in: folder + "/" + $0.variant!.folderName, format: format) }
        if !single {
            files += try generator.overview(sets).files(at: folder + "/overview", format: format)
            let all = JSONValue.object([
                .init("seed", .number(String(seed))),
                .init("variants", .array(sets.map(\.answersJSON))),
            ])
            files.append(GeneratedFile(path: folder + "/answers.json", contents: JSONWriter().write(all)))
        }
        return files
    }
}

/// The combined `answers.json` of a variant set, `{"seed": S, "variants": [ … ]}`, written a
/// variant at a time: the same bytes as `JSONWriter` writes for the whole value, without
/// holding it.
struct CombinedAnswers {
    let path: String
    let seed: UInt64
    private var count = 0

    init(path: String, seed: UInt64) {
        self.path = path
        self.seed = seed
    }

    /// The piece that adds a variant whose own `answers.json` is `answers`: the opening of the
    /// file with the first variant, a separating comma before the others.
    mutating func piece(adding answers: String) -> FilePiece {
        count += 1
        let opening = count == 1 ? "{\n  \"seed\": \(seed),\n  \"variants\": [\n" : ",\n"
        return FilePiece(GeneratedFile(path: path, contents: opening + Self.nested(answers, depth: 2)), starts: count == 1, ends: false)
    }

    /// The closing piece (after at least one variant).
    func end() -> FilePiece {
        precondition(count > 0, "a variant set has at least one variant")
        return FilePiece(GeneratedFile(path: path, contents: "\n  ]\n}\n"), starts: false, ends: true)
    }

    /// `text`, a pretty JSON document, as a value nested `depth` levels deep in another:
    /// without its final newline, every line indented by two spaces per level (`JSONWriter`
    /// escapes line breaks inside strings, so each newline is one of the layout's).
    static func nested(_ text: String, depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        return indent + body.replacingOccurrences(of: "\n", with: "\n" + indent)
    }
}

extension HandoutError {
    /// The same error with `prefix` before its message.
    func prefixed(_ prefix: String) -> HandoutError {
        switch self {
        case .template(let m): return .template(prefix + m)
        case .document(let m): return .document(prefix + m)
        case .computation(let m): return .computation(prefix + m)
        case .options(let m): return .options(prefix + m)
        }
    }
}
