import Backprop
import Documents
import Foundation
import JSON

/// A file a build generates, its path relative to the output root.
public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Why one document of a build failed.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// The document's output name.
    public var document: String
    public var message: String

    public init(document: String, message: String) {
        self.document = document
        self.message = message
    }

    public var description: String { "\(document): \(message)" }
}

/// Renders one manifest document into its files, handing each to a sink as it is ready (the
/// caller writes or compares them); a variant set's combined answers come in pieces, so a set
/// of any size is never whole in memory.
public struct DocumentRenderer: Sendable {
    public init() {}

    /// Every file of `document`, in memory.
    public func render(_ document: ManifestDocument) throws(BuildError) -> [GeneratedFile] {
        var files = FileAssembler()
        _ = try render(document) { files.add($0); return true }
        return files.files
    }

    /// Hands every file of `document` to `sink`, whole or in pieces, each path once. Returns
    /// `false` as soon as `sink` does (it could not place a file and has recorded why).
    public func render(_ document: ManifestDocument, into sink: (FilePiece) -> Bool) throws(BuildError) -> Bool {
        func fail(_ message: String) -> BuildError { BuildError(document: document.name, message: message) }
        // The size is checked before a byte is read, as for the other commands.
        let text: String
        do throws(TextFileError) {
            text = try TextFile.read(document.spec, limit: SpecLimits.maximumSpecBytes)
        } catch {
            throw fail(error.message("spec", document.spec))
        }
        guard TextFile.startsLikeJSON(text) else { throw fail("\(document.spec) \(TextFile.notJSONMessage)") }
        let spec: Spec
        do {
            spec = try SpecReader(symbolic: document.options.symbolic).read(text)
        } catch {
            throw fail("\(document.spec): \(error.description)")
        }
        // Formats share a folder's answers.json and spec.json: the first format's copy is kept,
        // every piece of a later one is dropped.
        var written = Set<String>()
        var dropping = Set<String>()
        func emit(_ piece: FilePiece) -> Bool {
            if piece.starts && !written.insert(piece.path).inserted { dropping.insert(piece.path) }
            if dropping.contains(piece.path) {
                if piece.ends { dropping.remove(piece.path) }
                return true
            }
            return sink(piece)
        }
        func emit(_ file: GeneratedFile) -> Bool { emit(FilePiece(file)) }
        let output = document.output
        switch document.kind {
        case .trace:
            let encoder = TraceEncoder()
            do {
                let json = try Engine.refine(spec) { encoder.encode($0) }
                return emit(GeneratedFile(path: output.addingSuffix(".json").text, contents: JSONWriter().write(json)))
            } catch {
                throw fail(String(describing: error))
            }
        case .exercises, .variants:
            for format in document.formats {
                var options = document.options
                options.format = format
                let generator = ExerciseGenerator(options: options)
                do {
                    if case .variants(let count, let seed) = document.kind {
                        let batch = ExerciseBatch(
                            generator: generator, base: spec, seed: seed, numbers: Array(1...count),
                            distribution: VariantDistribution())
                        guard try batch.stream(in: output.text, format: format, into: emit) else { return false }
                    } else {
                        for file in try generator.generate(spec).files(in: output.text, format: format) {
                            guard emit(file) else { return false }
                        }
                    }
                } catch {
                    throw fail("\(format.rawValue): \(error.description)")
                }
            }
            return true
        case .handout:
            for format in document.formats {
                var options = document.options
                options.format = format
                options.attachmentStem = output.name
                do {
                    let rendered = try HandoutGenerator(options: options).generate(spec)
                    guard emit(GeneratedFile(path: output.addingSuffix("." + format.fileExtension).text, contents: rendered.main)) else { return false }
                    for attachment in rendered.attachments {
                        let path = output.parent.map { $0.appending(attachment.name) } ?? (try? OutputPath(attachment.name))
                        guard let path, emit(GeneratedFile(path: path.text, contents: attachment.contents)) else { return false }
                    }
                } catch {
                    throw fail("\(format.rawValue): \(error.description)")
                }
            }
            return true
        }
    }
}
