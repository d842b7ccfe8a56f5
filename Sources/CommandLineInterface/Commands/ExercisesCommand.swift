import Backprop
import Dispatch
import Documents
import Foundation
import Handouts
import JSON

/// `worked-backprop exercises [SPEC] -o DIR …`: an exercise sheet, its worked answer key and
/// the answers file; with `--variants N --seed S`, N reproducible variants and an overview.
struct ExercisesCommand: Command {
    static let name = "exercises"
    static let summary = "write exercise sheets, worked answer keys and answers.json, with reproducible variants"
    static let help = """
    Usage: worked-backprop exercises [SPEC] -o DIR [--format latex|markdown|html]
                                     [--variants N --seed S | --seed S --variant K] [options]

    Writes an exercise sheet on the network in SPEC (a JSON file, - for standard input, the
    built-in seed example when omitted) and its full worked answer key. The exercises are the
    spec's "exercises" list, or the classic five: bias gradients (BP4), another weight's
    gradient, a weight of a deeper layer, a full gradient matrix with a finite-difference
    check, and one SGD step with the new loss.

    Files:
      DIR/exercises.EXT      the sheet: given data and statements, no answers
      DIR/solutions.EXT      the statements with worked solutions
      DIR/answers.json       every final answer: value, exactness, shown digits, tolerance

    Variants (the spec's architecture, new parameters from a documented "nice" distribution):
      --variants N           write DIR/variant-01 … DIR/variant-N, each with spec.json, the
                             sheet, the key and answers.json, plus DIR/overview.EXT (every
                             variant's answers on one list) and DIR/answers.json (all of them)
      --seed S               the seed (a whole number, default 1); the same seed gives the same
                             bytes, another seed different parameters
      --variant K            rebuild only variant K of seed S (the id SEED-K printed on a sheet)
      --allow-saturation     also accept saturated or dead neurons
      --quiet                no progress on standard error

    Output:
      -o, --output DIR       the folder (created if missing). It is built beside itself and
                             replaced whole when every variant succeeded, so nothing changes on
                             failure and folders an earlier, larger run wrote (variant-05 after
                             --variants 3) are gone; a folder holding files this command does
                             not write is refused, not replaced. With --variant K only
                             DIR/variant-K is replaced
      --format FORMAT        latex, markdown or html (default latex)
      --templates DIR        templates in DIR override the built-in ones, file by file
      --math MODE            HTML formulas as 'mathml' (default: no script, works offline)
                             or 'katex' (typeset by KaTeX when the page loads)
      --katex-url BASE       with --math katex: where KaTeX is loaded from
      --digits N | --decimals N, --notation NAME, --superscript STYLE, --first-layer N,
      --weight-theorem NAME, --loss-symbol S, --error-form FORM, --max-shown N, --full,
      --hand-checkable       as for 'handout'
      -h, --help             show this help

    """

    var specPath: String?
    var folder: String
    var options: HandoutOptions
    var variants: Int?
    var seed: UInt64
    var singleVariant: Int?
    var distribution: VariantDistribution
    var quiet: Bool

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        guard let output = try arguments.pathOption("-o", "--output") else {
            throw .usage("exercises needs -o DIR, the folder to write the sheet, the key and answers.json to")
        }
        folder = output
        options = try DocumentOptionsParser.parse(&arguments, defaultFormat: .latex)
        variants = try arguments.integerOption("--variants", in: 1...100_000)
        singleVariant = try arguments.integerOption("--variant", in: 1...100_000)
        let seedText = try arguments.option("--seed")
        let seedGiven = seedText != nil
        if let text = seedText {
            guard let value = UInt64(text) else { throw .usage("--seed expects a whole number from 0 to \(UInt64.max), got \"\(text)\"") }
            seed = value
        } else {
            seed = 1
        }
        if variants != nil && singleVariant != nil { throw .usage("give --variants N or --variant K, not both") }
        if seedGiven && variants == nil && singleVariant == nil {
            throw .usage("--seed chooses the parameters of variants; give --variants N or --variant K with it")
        }
        distribution = VariantDistribution(allowSaturation: arguments.flag("--allow-saturation"))
        quiet = arguments.flag("--quiet", "-q")
        specPath = try arguments.positionals(atMost: 1).first
    }

    func run(_ console: Console) throws(CLIError) {
        let base = try SpecLoader.load(specPath)
        for warning in options.katexWarnings { console.writeError("warning: \(warning)\n") }
        let generator = ExerciseGenerator(options: options)
        let format = options.format
        // The folder (for --variant K, that variant's folder) is built beside itself and
        // replaced whole once everything is written: nothing changes unless all succeeded.
        let parent = singleVariant == nil ? PathName.parent(folder) : folder
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the folder \(parent): \(FileSystem.lastError())")
        }
        let target = singleVariant.map { PathName.join(folder, ExerciseVariant(seed: seed, number: $0).folderName) } ?? folder
        let staged = try StagedFolder(target: target, owns: ExerciseSet.isGeneratedName, command: "exercises")
        let writer = PieceWriter(tree: staged.tree)
        var failure: CLIError?
        func place(_ piece: FilePiece) -> Bool {
            do throws(CLIError) {
                var placed = piece
                if singleVariant != nil {
                    // Paths are variant-NN/…; the staged folder is variant-NN itself.
                    let path = try staged.tree.relative(piece.path)
                    guard path.components.count > 1 else { return true }
                    placed.file.path = path.components.dropFirst().joined(separator: "/")
                }
                try writer.write(placed)
                return true
            } catch {
                failure = error
                return false
            }
        }
        do throws(HandoutError) {
            if variants == nil && singleVariant == nil {
                for file in try generator.generate(base).files(in: ".", format: format) where !place(FilePiece(file)) { break }
            } else {
                let numbers = singleVariant.map { [$0] } ?? Array(1...variants!)
                let progress = Progress(total: numbers.count, console: console, quiet: quiet)
                let batch = ExerciseBatch(generator: generator, base: base, seed: seed, numbers: numbers, distribution: distribution)
                _ = try batch.stream(in: ".", format: format, single: singleVariant != nil, progress: { progress.advance() }, into: place)
            }
        } catch {
            staged.abandon()
            switch error {
            case .template, .document: throw .invalidInput(error.description)
            case .computation: throw .computation(error.description)
            case .options: throw .usage(error.description)
            }
        }
        if let failure {
            staged.abandon()
            throw failure
        }
        try staged.commit()
        if !quiet && (variants != nil || singleVariant != nil) {
            console.writeError("wrote \(counted(variants ?? 1, "variant")) to \(folder)\n")
        }
    }
}

/// Progress of a batch on standard error: a line at every tenth (and at the end).
private final class Progress: @unchecked Sendable {
    private let total: Int
    private let console: Console
    private let quiet: Bool
    private var done = 0
    private let lock = NSLock()

    init(total: Int, console: Console, quiet: Bool) {
        self.total = total
        self.console = console
        self.quiet = quiet
    }

    func advance() {
        lock.lock()
        done += 1
        let n = done
        lock.unlock()
        guard !quiet, total >= 10 else { return }
        let step = max(1, total / 10)
        if n % step == 0 || n == total {
            console.writeError("generated \(n)/\(total) variants\n")
        }
    }
}
