import Documents
import Handouts
import Typesetting

/// The options every document command shares: format, templates, math mode and KaTeX location,
/// precision, notation and how much of a wide layer is shown (`handout`, `exercises`).
enum DocumentOptionsParser {
    static func parse(_ arguments: inout ArgumentList, defaultFormat: OutputFormat) throws(CLIError) -> HandoutOptions {
        var format = defaultFormat
        if let name = try arguments.option("--format") {
            guard let chosen = OutputFormat(rawValue: name) else {
                throw .usage("--format expects latex, markdown or html, got \"\(name)\"")
            }
            format = chosen
        }
        var options = HandoutOptions(format: format)
        options.templatesDirectory = try arguments.option("--templates")
        if let url = try arguments.option("--katex-url") { options.katexBaseURL = url }
        if let name = try arguments.option("--math") {
            guard let mode = HTMLMathMode(rawValue: name) else {
                throw .usage("--math expects mathml or katex, got \"\(name)\"")
            }
            options.htmlMath = mode
        }
        let digits = try arguments.integerOption("--digits", in: 1...30)
        let decimals = try arguments.integerOption("--decimals", in: 0...30)
        switch (digits, decimals) {
        case (.some, .some): throw .usage("give --digits or --decimals, not both")
        case (let n?, nil): options.precision = .significantDigits(n)
        case (nil, let n?): options.precision = .decimalPlaces(n)
        case (nil, nil): break
        }
        options.notation = try notation(&arguments)
        if let name = try arguments.option("--error-form") {
            guard let form = ErrorForm(rawValue: name) else {
                throw .usage("--error-form expects hadamard or jacobian, got \"\(name)\"")
            }
            options.errorForm = form
        }
        let full = arguments.flag("--full")
        let range = HandoutOptions.smallestShownDimension...HandoutOptions.largestShownDimension
        if let shown = try arguments.integerOption("--max-shown", in: range) {
            if full { throw .usage("give --full or --max-shown N, not both") }
            options.maximumShownDimension = shown
        }
        options.showsEverything = full
        options.handCheckable = arguments.flag("--hand-checkable")
        return options
    }

    static func notation(_ arguments: inout ArgumentList) throws(CLIError) -> Notation {
        func choose<T>(_ option: String, _ table: [(name: String, T)]) throws(CLIError) -> T? {
            guard let name = try arguments.option(option) else { return nil }
            guard let value = NotationChoice.lookup(name, in: table) else {
                throw .usage("\(option) expects \(NotationChoice.names(table)), got \"\(name)\"")
            }
            return value
        }
        var notation = try choose("--notation", NotationChoice.presets) ?? Notation()
        if let style = try choose("--superscript", NotationChoice.superscripts) { notation.layerStyle = style }
        if let first = try arguments.integerOption("--first-layer", in: 0...1) { notation.inputLayerNumber = first }
        if let numbering = try choose("--weight-theorem", NotationChoice.weightTheorems) { notation.gradientNumbering = numbering }
        if let symbol = try choose("--loss-symbol", NotationChoice.lossSymbols) { notation.loss = symbol }
        return notation
    }
}
