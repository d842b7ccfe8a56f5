import Backprop
import Documents
import Foundation
import Handouts
import Testing
import TestSupport
import Typesetting

/// Every formula of every example and of random documents (handouts, exercise sheets and answer
/// keys) goes through the MathML translator: the default HTML has a `<math>` element for each,
/// no script, no KaTeX delimiters and no TeX left in the math.
@Suite struct MathMLCoverageTests {
    /// Checks a MathML page: no script, no delimiters, well-nested `<math>` elements with no
    /// backslash inside. Returns the number of formulas.
    static func check(_ html: String, _ name: String) -> Int {
        #expect(!html.lowercased().contains("<script"), "\(name) has a script")
        #expect(!html.contains("\\(") && !html.contains("\\["), "\(name) has TeX delimiters")
        let pieces = html.components(separatedBy: "<math")
        for piece in pieces.dropFirst() {
            guard let end = piece.range(of: "</math>") else {
                Issue.record("\(name): unclosed <math>")
                continue
            }
            let body = piece[..<end.lowerBound]
            #expect(!body.contains("\\"), "\(name): TeX left in \(body.prefix(200))")
            #expect(!body.contains("merror"), "\(name): merror in \(body.prefix(200))")
        }
        return pieces.count - 1
    }

    /// Counts the formulas of a document tree: inline, displayed and chains.
    static func formulas(_ blocks: [Block]) -> Int {
        func inlines(_ list: [Inline]) -> Int {
            list.reduce(0) { count, inline in
                switch inline {
                case .math: return count + 1
                case .emphasis(let inner), .strong(let inner), .link(let inner, _): return count + inlines(inner)
                default: return count
                }
            }
        }
        return blocks.reduce(0) { count, block in
            switch block {
            case .heading(_, _, let content), .paragraph(let content): return count + inlines(content)
            case .displayMath, .equationChain: return count + 1
            case .bulletList(let items), .orderedList(_, let items): return count + items.map(formulas).reduce(0, +)
            case .table(let table):
                return count + inlines(table.caption) + (([table.header] + table.rows).flatMap { $0 }.map(inlines).reduce(0, +))
            case .division(let division): return count + inlines(division.title) + formulas(division.blocks)
            case .figure(let figure): return count + inlines(figure.caption)
            case .group(let parts): return count + formulas(parts)
            }
        }
    }

    static var specs: [(String, Spec)] {
        let examples = ["seed-000.json", "seed-002.json", "seed-004.json"].map { ($0, try! HandoutFixtures.spec($0)) }
        return examples + (1...12).map { ("random seed \($0)", RandomSpecs.make(seed: UInt64($0))) }
    }

    @Test func everyHandoutFormulaBecomesMathML() throws {
        for (name, spec) in Self.specs {
            for notation in [Notation(), NotationChoice.lookup("lecture-notes", in: NotationChoice.presets)!] {
                var options = HandoutOptions(format: .html)
                options.notation = notation
                let generator = HandoutGenerator(options: options)
                let document = try generator.document(for: spec, library: TemplateLibrary())
                let metadata = document.metadata
                let expected = Self.formulas(document.blocks)
                    + Self.formulas([.paragraph(metadata.title + metadata.subtitle + metadata.author + metadata.course + metadata.date)])
                let html = try generator.generate(spec).main
                #expect(expected > 50, "\(name)")
                #expect(Self.check(html, name) == expected, "\(name): not every formula is a <math> element")
            }
        }
    }

    @Test func everyExerciseFormulaBecomesMathML() throws {
        for (name, spec) in Self.specs {
            let set = try ExerciseGenerator(options: HandoutOptions(format: .html)).generate(spec)
            #expect(Self.check(set.sheet.main, name + " sheet") > 5)
            #expect(Self.check(set.solutions.main, name + " solutions") > 20)
        }
    }
}
