import Backprop
import Dispatch
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
        var files: [GeneratedFile] = []
        if variant != nil {
            files.append(GeneratedFile(path: folder + "/spec.json", contents: JSONWriter().write(SpecEncoder().encode(spec))))
        }
        for file in sheet.files(at: folder + "/exercises", format: format) + solutions.files(at: folder + "/solutions", format: format)
        where !files.contains(where: { $0.path == file.path }) {
            files.append(file)
        }
        files.append(GeneratedFile(path: folder + "/answers.json", contents: JSONWriter().write(answersJSON)))
        return files
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

    /// Every variant's set, in variant order; `progress` is called after each one. The first
    /// failure (in variant order) is thrown, naming its variant.
    public func generate(progress: @escaping @Sendable () -> Void = {}) throws(HandoutError) -> [ExerciseSet] {
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
