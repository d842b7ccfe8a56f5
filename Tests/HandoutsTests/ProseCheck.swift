import Backprop
import Documents
import Foundation

/// Reads a generated document as prose and reports what a careful reader would mark: a lazy
/// plural "(s)" after a computed count, the same sentence (or the same formula) twice in a row,
/// and an activation named that the network does not use. Independent of the generator: it
/// works on the output text of any of the three formats.
struct ProseCheck {
    let format: OutputFormat
    /// The activations the network uses.
    let activations: Set<Activation>

    /// Every problem found in `text`, each with the excerpt that shows it.
    func problems(in text: String) -> [String] {
        let prose = Self.prose(of: text, format)
        return lazyPlurals(prose) + repeatedSentences(prose) + repeatedFormulas(text) + foreignActivations(text)
    }

    // MARK: The checks

    /// "carries 0 squashing derivative(s)", "1 fewer squashing layer(s)": a count followed
    /// within two words by a noun with "(s)".
    func lazyPlurals(_ prose: String) -> [String] {
        let count = #"(\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen)"#
        return Self.matches(#"\b"# + count + #"\s+(\S+\s+){0,2}\S*\(s\)"#, in: prose).map { "lazy plural: “\($0)”" }
    }

    /// The same sentence twice in a row.
    func repeatedSentences(_ prose: String) -> [String] {
        let sentences = prose
            .split(whereSeparator: \.isNewline)
            .flatMap { line in Self.sentences(of: String(line)) }
        var problems: [String] = []
        for (previous, sentence) in zip(sentences, sentences.dropFirst())
        where sentence == previous && sentence.filter(\.isLetter).count >= 12 {
            problems.append("sentence twice in a row: “\(sentence)”")
        }
        return problems
    }

    /// The same inline formula twice in a row with nothing but space between (as in
    /// "ReLU′(t) = … ReLU′(t) = …"), in the format's own inline-math delimiters.
    func repeatedFormulas(_ text: String) -> [String] {
        let pattern: String
        switch format {
        case .markdown: pattern = #"(?<![$\\])\$([^$\n]{3,})\$\s+\$\1\$(?!\$)"#
        case .latex: pattern = #"\\\((.{3,}?)\\\)\s+\\\(\1\\\)"#
        case .html: pattern = #"(<math[^>]*>.{3,}?</math>|<span class="math inline">.{3,}?</span>)\s+\1"#
        }
        return Self.matches(pattern, in: text).map { "formula twice in a row: “\($0.prefix(160))”" }
    }

    /// An activation named, in words or in its math symbol, that the network does not use.
    func foreignActivations(_ text: String) -> [String] {
        let names: [(Activation, [String])] = [
            (.sigmoid, ["sigmoid", "\\sigma", "σ", "\\tfrac14", "\\tfrac{1}{4}", "¼"]),
            (.tanh, ["tanh"]),
            (.relu, ["relu"]),
            (.softmax, ["softmax"]),
        ]
        let lowered = text.lowercased()
        return names.flatMap { activation, words -> [String] in
            guard !activations.contains(activation) else { return [] }
            return words.compactMap { word in
                guard let range = lowered.range(of: word.lowercased()) else { return nil }
                let start = lowered.index(range.lowerBound, offsetBy: -80, limitedBy: lowered.startIndex) ?? lowered.startIndex
                let end = lowered.index(range.upperBound, offsetBy: 80, limitedBy: lowered.endIndex) ?? lowered.endIndex
                return "names \(activation.rawValue) (“\(word)”), which the network does not use: …\(text[start..<end])…"
            }
        }
    }

    // MARK: Plain text

    /// The document's running text, math replaced by "M" and markup removed, one paragraph or
    /// table row per line.
    static func prose(of text: String, _ format: OutputFormat) -> String {
        var s = text
        switch format {
        case .markdown:
            s = replace(#"\$\$.*?\$\$"#, in: s, with: " M ", dotAll: true)
            s = replace(#"\$[^$\n]+\$"#, in: s, with: "M")
            s = replace(#"\\([!-/:-@\[-`{-~])"#, in: s, with: "$1")
        case .latex:
            s = replace(#"\\begin\{(equation|align|gather)\*?\}.*?\\end\{\1\*?\}"#, in: s, with: " M ", dotAll: true)
            s = replace(#"\\\[.*?\\\]"#, in: s, with: " M ", dotAll: true)
            s = replace(#"\\\(.*?\\\)"#, in: s, with: "M", dotAll: true)
            s = replace(#"\$[^$]+\$"#, in: s, with: "M")
            s = replace(#"\\[A-Za-z]+\*?(\[[^\]]*\])?"#, in: s, with: "")
            s = replace(#"[{}]"#, in: s, with: "")
        case .html:
            s = replace(#"<(head|style|script|svg)\b.*?</\1>"#, in: s, with: " ", dotAll: true)
            s = replace(#"<math\b.*?</math>"#, in: s, with: "M", dotAll: true)
            s = replace(#"<span class="math (inline|display)">.*?</span>"#, in: s, with: "M", dotAll: true)
            s = replace(#"</(p|li|tr|h\d|div|caption|figcaption|td|th)>"#, in: s, with: "\n")
            s = replace(#"<[^>]+>"#, in: s, with: "")
            s = s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"")
        }
        return s
    }

    /// Sentences of one line: split after ".", "!" or "?" followed by space.
    static func sentences(of line: String) -> [String] {
        line.replacingOccurrences(of: #"([.!?])\s+"#, with: "$1\n", options: .regularExpression)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func replace(_ pattern: String, in text: String, with template: String, dotAll: Bool = false) -> String {
        let regex = try! NSRegularExpression(pattern: pattern, options: dotAll ? [.dotMatchesLineSeparators] : [])
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}
