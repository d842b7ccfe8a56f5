import Documents
import Foundation
import Handouts
import Testing

/// Issue 10, item 14: the seed's Markdown reads as a person would write it (no `\[2, 2, 1\]`,
/// `η \= 0\.5`, `Step 1a\:`), and uses only constructs GitHub, Jupyter and Pandoc all show:
/// no GitHub alerts, no image alone in a paragraph (Pandoc would caption it with its alt text).
@Suite struct MarkdownSourceTests {
    static func documents() throws -> [(name: String, markdown: String)] {
        let set = try ExerciseGenerator(options: HandoutOptions(format: .markdown)).generate(HandoutFixtures.seed000)
        return [
            ("handout", try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)),
            ("sheet", set.sheet.main), ("key", set.solutions.main),
        ]
    }

    /// The text with `$$…$$`, `$…$` and code spans left out: the part a person types as prose.
    static func prose(_ markdown: String) -> String {
        var out = ""
        var rest = markdown[...]
        while let start = rest.firstIndex(where: { $0 == "$" || $0 == "`" }) {
            out += rest[..<start]
            let fence = rest[start...].prefix { $0 == rest[start] }
            let after = rest[fence.endIndex...]
            guard let close = after.range(of: String(fence)) else { return out + rest[start...] }
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    @Test func proseHasNoBackslashExceptLineBreaks() throws {
        for (name, markdown) in try Self.documents() {
            let prose = Self.prose(markdown)
            var escapes: [String] = []
            var index = prose.startIndex
            while let backslash = prose[index...].firstIndex(of: "\\") {
                let next = prose.index(after: backslash)
                if next < prose.endIndex, prose[next] != "\n" {
                    let start = prose.index(backslash, offsetBy: -20, limitedBy: prose.startIndex) ?? prose.startIndex
                    escapes.append(String(prose[start...next]))
                }
                index = next
            }
            #expect(escapes.isEmpty, "\(name): needless escapes \(escapes.prefix(10))")
            #expect(!prose.isEmpty && prose.count < markdown.count)
        }
    }

    @Test func seedPhrasesReadAsTyped() throws {
        let handout = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(handout.contains("**Computing one partial derivative in a [3, 2, 2, 1] network**"))
        #expect(handout.contains("**Abstract.** This handout develops"))
        #expect(handout.contains("(sigmoid activations, mean squared error loss)"))
        #expect(handout.contains("the sample's values"))
    }

    @Test func constructsEveryRendererShows() throws {
        for (name, markdown) in try Self.documents() {
            for alert in ["[!NOTE]", "[!IMPORTANT]", "[!WARNING]", "[!TIP]", "[!CAUTION]"] {
                #expect(!markdown.contains(alert), "\(name) has a GitHub alert \(alert)")
            }
            // Every image shares its paragraph with the caption after a hard line break, and
            // its alt text is plain: no TeX, no escapes.
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains("![") {
                #expect(line.hasSuffix(".svg)\\"), "\(name): the image line \(line) does not end in a line break")
                #expect(number + 1 < lines.count && lines[number + 1].hasPrefix("**Figure "))
                guard let open = line.range(of: "!["), let close = line.range(of: "](", options: .backwards) else { continue }
                let alt = line[open.upperBound..<close.lowerBound]
                #expect(!alt.contains("\\") && !alt.contains("{") && !alt.contains("$"), "\(name): alt text \(alt)")
            }
        }
        let handout = try HandoutFixtures.handout(HandoutFixtures.seed000, .markdown)
        #expect(handout.contains("![The [3, 2, 2, 1] network with the sample's values on its neurons. The two highlighted paths are every route through which w₁,₁⁽¹⁾ influences the loss L.]("))
        #expect(handout.contains(".svg)\\\n**Figure 1:** The $[3, 2, 2, 1]$ network"))
    }
}
