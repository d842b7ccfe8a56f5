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

/// Renders one manifest document into its files, in memory (the caller writes or compares them).
public struct DocumentRenderer: Sendable {
    public init() {}

    public func render(_ document: ManifestDocument) throws(BuildError) -> [GeneratedFile] {
        func fail(_ message: String) -> BuildError { BuildError(document: document.name, message: message) }
        let spec: Spec
        do {
            let text = try String(contentsOfFile: document.spec, encoding: .utf8)
            spec = try SpecReader().read(text)
        } catch let error as SpecError {
            throw fail("\(document.spec): \(error.description)")
        } catch {
            throw fail("cannot read spec \(document.spec)")
        }
        let folder = (document.output as NSString).deletingLastPathComponent
        func beside(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
        switch document.kind {
        case .trace:
            let encoder = TraceEncoder()
            do {
                let json = try Engine.refine(spec) { encoder.encode($0) }
                return [GeneratedFile(path: document.output + ".json", contents: JSONWriter().write(json))]
            } catch {
                throw fail(String(describing: error))
            }
        case .exercises, .variants:
            var files: [GeneratedFile] = []
            for format in document.formats {
                var options = document.options
                options.format = format
                let generator = ExerciseGenerator(options: options)
                do {
                    let generated: [GeneratedFile]
                    if case .variants(let count, let seed) = document.kind {
                        let batch = ExerciseBatch(
                            generator: generator, base: spec, seed: seed, numbers: Array(1...count),
                            distribution: VariantDistribution())
                        generated = try batch.files(try batch.generate(), in: document.output, format: format)
                    } else {
                        generated = try generator.generate(spec).files(in: document.output, format: format)
                    }
                    for file in generated where !files.contains(where: { $0.path == file.path }) { files.append(file) }
                } catch {
                    throw fail("\(format.rawValue): \(error.description)")
                }
            }
            return files
        case .handout:
            var files: [GeneratedFile] = []
            for format in document.formats {
                var options = document.options
                options.format = format
                options.attachmentStem = (document.output as NSString).lastPathComponent
                do {
                    let rendered = try HandoutGenerator(options: options).generate(spec)
                    files.append(GeneratedFile(path: document.output + "." + format.fileExtension, contents: rendered.main))
                    for attachment in rendered.attachments where !files.contains(where: { $0.path == beside(attachment.name) }) {
                        files.append(GeneratedFile(path: beside(attachment.name), contents: attachment.contents))
                    }
                } catch {
                    throw fail("\(format.rawValue): \(error.description)")
                }
            }
            return files
        }
    }
}
