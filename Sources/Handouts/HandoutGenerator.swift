import Backprop
import Documents

/// Generates the complete worked handout of a spec: derivation from the trace, section
/// templates rendered with Mustache, read into one document tree, written in one format.
public struct HandoutGenerator: Sendable {
    public let options: HandoutOptions

    public init(options: HandoutOptions) {
        self.options = options
    }

    /// The handout of `spec`: the main file and the files that go beside it.
    public func generate(_ spec: Spec) throws(HandoutError) -> RenderedDocument {
        let library = TemplateLibrary(overrideDirectory: options.templatesDirectory)
        let document = try document(for: spec, library: library)
        do {
            return try options.writer(library: library).write(document)
        } catch let error as SourceError {
            throw .template(error.description)
        } catch let error as TemplateLibraryError {
            throw .template(error.description)
        } catch {
            throw .document(String(describing: error))
        }
    }

    /// The document tree of the handout, before any writer.
    public func document(for spec: Spec, library: TemplateLibrary) throws(HandoutError) -> Document {
        try options.validate(for: spec.network)
        var shortfall: PrecisionShortfall?
        do {
            return try Engine.refine(spec) { trace in try build(from: trace, library: library, shortfall: &shortfall) }
        } catch let error as HandoutError {
            throw error
        } catch {
            throw PrecisionShortfall.error(shortfall, after: error)
        }
    }

    /// The document from one trace, or `nil` when some displayed number needs more precision.
    private func build(from trace: Trace, library: TemplateLibrary, shortfall: inout PrecisionShortfall?) throws(HandoutError) -> Document? {
        let derivation = Derivation(trace: trace, options: options)
        var context: [String: MustacheValue] = [:]
        var blocks: [String: Block] = [:]
        do {
            for section in options.symbolic ? HandoutSections.symbolic : HandoutSections.all {
                let output = try section.build(derivation)
                context[section.key] = .object(output.values)
                blocks.merge(output.blocks) { first, _ in first }
            }
            // The hand-check sentence counts what every chain recorded, so it is asked last.
            if context["handCheck"] != nil { context["handCheck"] = .object(HandCheckSection.values(derivation)) }
        } catch let error as PrecisionShortfall {
            shortfall = error
            return nil
        } catch {
            throw .computation(String(describing: error))
        }
        let renderer = SectionRenderer(library: library, context: .object(context), generatedBlocks: blocks)
        return Document(
            metadata: try renderer.metadata(spec: trace.spec),
            blocks: try renderer.blocks(template: options.symbolic ? "handout-symbolic" : "handout")
        )
    }
}
