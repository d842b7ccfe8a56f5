import Documents

/// A course's document set: which specs become which documents, in which formats, where.
/// Read from JSON by `ManifestReader`; paths are resolved against the manifest's folder.
public struct Manifest: Sendable {
    /// The folder documents are written under (`outputRoot`, default: the manifest's folder).
    public var outputRoot: String
    public var documents: [ManifestDocument]

    public init(outputRoot: String, documents: [ManifestDocument]) {
        self.outputRoot = outputRoot
        self.documents = documents
    }
}

/// One entry of a manifest.
public struct ManifestDocument: Sendable {
    /// What to generate from the spec.
    public enum Kind: Sendable, Equatable {
        /// The worked handout: `<output>.<ext>` per format, figures beside it.
        case handout
        /// The trace JSON: `<output>.json`.
        case trace
        /// The exercise sheet, worked answer key and answers in the folder `<output>/`.
        case exercises
        /// `count` variants drawn from `seed`: `<output>/variant-NN/…`, the grader's overview
        /// and all answers.
        case variants(count: Int, seed: UInt64)

        /// The kind's name in messages.
        public var noun: String {
            switch self {
            case .handout: return "a handout"
            case .trace: return "a trace"
            case .exercises: return "an exercise set"
            case .variants: return "a variant set"
            }
        }
    }

    /// Position in the manifest (0-based); shards and progress refer to it.
    public var index: Int
    /// The spec's path, resolved.
    public var spec: String
    public var kind: Kind
    public var formats: [OutputFormat]
    /// The output path without extension, relative to the output root, normalised.
    public var output: OutputPath
    /// The output as the manifest wrote it, for messages.
    public var writtenOutput: String
    /// Precision, notation, templates and KaTeX location for this document.
    public var options: HandoutOptions

    public init(index: Int, spec: String, kind: Kind, formats: [OutputFormat], output: OutputPath, options: HandoutOptions) {
        self.index = index
        self.spec = spec
        self.kind = kind
        self.formats = formats
        self.output = output
        self.writtenOutput = output.text
        self.options = options
    }

    /// The same document with the output text the manifest wrote.
    func with(writtenOutput: String) -> ManifestDocument {
        var copy = self
        copy.writtenOutput = writtenOutput
        return copy
    }

    /// A short name for progress lines and errors.
    public var name: String { output.text }

    /// The part of the output tree this document writes and owns.
    public var claim: OutputClaim { OutputClaim(kind: kind, formats: formats, output: output) }
}
