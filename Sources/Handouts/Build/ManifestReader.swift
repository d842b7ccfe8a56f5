import Backprop
import Documents
import Foundation
import JSON

/// Reads a build manifest, validating it like a spec: every error names the JSON path.
///
/// ```json
/// {"outputRoot": "../Output",
///  "defaults": {"formats": ["latex", "html", "markdown"], "digits": 4, "notation": "standard",
///               "maxShown": 8},
///  "documents": [{"spec": "seed-000.json", "kind": "handout", "output": "seed-000/handout"},
///                {"spec": "seed-000.json", "kind": "trace", "output": "seed-000/trace"}]}
/// ```
/// A document may override any key of `defaults`.
public struct ManifestReader: Sendable {
    public init() {}

    /// Most documents in one manifest.
    public static let maximumDocuments = 10_000

    static let optionKeys = [
        "formats", "digits", "decimals", "notation", "superscript", "firstLayer", "weightTheorem", "lossSymbol",
        "templates", "katexURL", "math", "full", "maxShown", "errorForm", "symbolic",
        "handCheckable",
    ]

    /// Parses manifest text; `directory` is the manifest's folder, the base of relative paths.
    public func read(_ text: String, directory: String) throws(SpecError) -> Manifest {
        let json: JSONValue
        do {
            json = try JSONParser().parse(text)
        } catch {
            throw SpecError("", "invalid JSON at \(error.description)")
        }
        let root = try Field(json, path: "").object(allowing: ["outputRoot", "defaults", "documents"])
        let outputRoot = try root.optional("outputRoot").map { f throws(SpecError) in try resolve(try f.text(), in: directory) }
            ?? directory
        let defaults = try root.optional("defaults")?.object(allowing: Self.optionKeys)
        _ = try readOptions(nil, defaults: defaults, directory: directory)  // defaults are checked even if unused
        let entries = try root.required("documents").array()
        guard entries.count <= Self.maximumDocuments else {
            throw SpecError(root.path("documents"), "expected at most \(Self.maximumDocuments) documents, got \(entries.count)")
        }
        var documents: [ManifestDocument] = []
        var claims = OutputClaims()
        var byOutput: [OutputPath: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let object = try entry.object(allowing: ["spec", "kind", "output", "count", "seed"] + Self.optionKeys)
            let kind = try readKind(object)
            let outputField = try object.required("output")
            let written = try outputField.text()
            let output: OutputPath
            do {
                output = try OutputPath(written)
            } catch {
                throw SpecError(outputField.path, "expected a relative path inside the output root, got \"\(written)\" (\(error))")
            }
            let (formats, options) = try readOptions(object, defaults: defaults, directory: directory)
            if options.symbolic && kind != .handout {
                throw SpecError(object.path("symbolic"), "only a handout can be symbolic; this document is \(kind.noun)")
            }
            let document = ManifestDocument(
                index: index, spec: try resolve(try object.required("spec").text(), in: directory),
                kind: kind, formats: kind == .trace ? [] : formats, output: output, options: options
            )
            if let earlier = byOutput[output].map({ documents[$0] }) {
                let alias = earlier.writtenOutput == written ? "" : " (\"\(earlier.writtenOutput)\")"
                throw SpecError(outputField.path, "\"\(written)\" is already the output of documents[\(earlier.index)]\(alias)")
            }
            if let other = claims.add(document.claim, of: index) {
                let earlier = documents[other]
                throw SpecError(outputField.path, "\"\(written)\" overlaps the output \"\(earlier.writtenOutput)\" of documents[\(other)]"
                    + " (\(earlier.kind.noun)): two documents would write the same files")
            }
            byOutput[output] = index
            documents.append(document.with(writtenOutput: written))
        }
        return Manifest(outputRoot: outputRoot, documents: documents)
    }

    private func readKind(_ object: ObjectField) throws(SpecError) -> ManifestDocument.Kind {
        let kindField = try object.required("kind")
        let name = try kindField.text()
        if name != "variants" {
            for key in ["count", "seed"] where object.optional(key) != nil {
                throw SpecError(object.path(key), "only documents of kind \"variants\" have a \(key)")
            }
        }
        switch name {
        case "handout": return .handout
        case "trace": return .trace
        case "exercises": return .exercises
        case "variants":
            let count = try integer(try object.required("count"), in: 1...ExerciseBatch.maximumVariants)
            let seed = try object.optional("seed").map { f throws(SpecError) in try seedValue(f) } ?? 1
            return .variants(count: count, seed: seed)
        default:
            throw SpecError(kindField.path, "unknown kind \"\(name)\"; expected handout, exercises, variants or trace")
        }
    }

    /// A document's options: its own keys, else the defaults', else the tool's.
    private func readOptions(
        _ object: ObjectField?, defaults: ObjectField?, directory: String
    ) throws(SpecError) -> ([OutputFormat], HandoutOptions) {
        func field(_ key: String) -> Field? { object?.optional(key) ?? defaults?.optional(key) }
        var formats = OutputFormat.allCases
        if let list = field("formats") {
            formats = []
            for entry in try list.array() {
                let format = try entry.choice(of: OutputFormat.self)
                if !formats.contains(format) { formats.append(format) }
            }
            if formats.isEmpty { throw SpecError(list.path, "expected at least one format") }
        }
        var options = HandoutOptions(format: formats[0])
        // A document's own digits/decimals replace the defaults' as a pair.
        let hasOwnPrecision = object?.optional("digits") != nil || object?.optional("decimals") != nil
        if let source = hasOwnPrecision ? object : defaults {
            switch (source.optional("digits"), source.optional("decimals")) {
            case (.some, .some(let decimals)):
                throw SpecError(decimals.path, "conflicts with digits; give digits or decimals")
            case (let digits?, nil): options.precision = .significantDigits(try integer(digits, in: 1...30))
            case (nil, let decimals?): options.precision = .decimalPlaces(try integer(decimals, in: 0...30))
            case (nil, nil): break
            }
        }
        options.notation = try notationChoice(field("notation"), NotationChoice.presets) ?? options.notation
        if let style = try notationChoice(field("superscript"), NotationChoice.superscripts) { options.notation.layerStyle = style }
        if let first = field("firstLayer") { options.notation.inputLayerNumber = try integer(first, in: 0...1) }
        if let numbering = try notationChoice(field("weightTheorem"), NotationChoice.weightTheorems) {
            options.notation.gradientNumbering = numbering
        }
        if let symbol = try notationChoice(field("lossSymbol"), NotationChoice.lossSymbols) { options.notation.loss = symbol }
        // Wide layers: `"full": true` or `"maxShown": N`; a document's own replace the defaults' as a pair.
        let hasOwnShown = object?.optional("full") != nil || object?.optional("maxShown") != nil
        if let source = hasOwnShown ? object : defaults {
            if let full = source.optional("full") {
                guard case .bool(let value) = full.value else {
                    throw SpecError(full.path, "expected true or false, got \(full.value.kindDescription)")
                }
                options.showsEverything = value
            }
            if let shown = source.optional("maxShown") {
                if options.showsEverything { throw SpecError(shown.path, "conflicts with full; give full or maxShown") }
                options.maximumShownDimension = try integer(
                    shown, in: HandoutOptions.smallestShownDimension...HandoutOptions.largestShownDimension)
            }
        }
        if let templates = field("templates") { options.templatesDirectory = try resolve(try templates.text(), in: directory) }
        if let url = field("katexURL") { options.katexBaseURL = try url.text() }
        if let math = field("math") {
            let name = try math.text()
            guard let mode = HTMLMathMode(rawValue: name) else {
                throw SpecError(math.path, "expected \"mathml\" or \"katex\", got \"\(name)\"")
            }
            options.htmlMath = mode
        }
        if let form = field("errorForm") {
            let name = try form.text()
            guard let chosen = ErrorForm(rawValue: name) else {
                throw SpecError(form.path, "expected \"hadamard\" or \"jacobian\", got \"\(name)\"")
            }
            options.errorForm = chosen
        }
        if let symbolic = field("symbolic") {
            guard case .bool(let value) = symbolic.value else {
                throw SpecError(symbolic.path, "expected true or false, got \(symbolic.value.kindDescription)")
            }
            options.symbolic = value
        }
        if let handCheckable = field("handCheckable") {
            guard case .bool(let value) = handCheckable.value else {
                throw SpecError(handCheckable.path, "expected true or false, got \(handCheckable.value.kindDescription)")
            }
            options.handCheckable = value
        }
        return (formats, options)
    }

    /// A variant seed: a whole number from 0 to 2⁶⁴ − 1, as `exercises --seed` takes.
    private func seedValue(_ field: Field) throws(SpecError) -> UInt64 {
        guard case .number(let text) = field.value, text.allSatisfy({ $0.isASCII && $0.isNumber }), let seed = UInt64(text) else {
            throw SpecError(field.path, "expected a whole number from 0 to \(UInt64.max)")
        }
        return seed
    }

    private func integer(_ field: Field, in range: ClosedRange<Int>) throws(SpecError) -> Int {
        let n = try field.integer()
        guard range.contains(n) else {
            throw SpecError(field.path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(n)")
        }
        return n
    }

    private func notationChoice<T>(_ field: Field?, _ table: [(name: String, T)]) throws(SpecError) -> T? {
        guard let field else { return nil }
        let name = try field.text()
        guard let value = NotationChoice.lookup(name, in: table) else {
            throw SpecError(field.path, "expected \(NotationChoice.names(table)), got \"\(name)\"")
        }
        return value
    }

    private func resolve(_ path: String, in directory: String) throws(SpecError) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
    }
}
