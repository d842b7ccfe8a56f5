@testable import Documents
import Foundation
import Testing

/// Issue 10, item 14, checked with the real renderers: every hostile string, escaped by the
/// Markdown writer where it stands, is shown as its literal text — no element inside — as a
/// paragraph and as a heading by Pandoc (`markdown`, `gfm`), by GitHub's parser (cmark-gfm,
/// raw HTML let through so it would be seen) and by Jupyter's (marked). `.ci/run` installs the
/// three tools; without them this test fails and says which is missing.
@Suite struct MarkdownRenderersTests {
    static let renderers: [(name: String, command: [String])] = [
        ("pandoc markdown", ["pandoc", "-f", "markdown", "-t", "html", "--wrap=none"]),
        ("pandoc gfm", ["pandoc", "-f", "gfm+tex_math_dollars", "-t", "html", "--wrap=none"]),
        ("cmark-gfm", ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]),
        ("marked", ["marked", "--gfm"]),
    ]

    /// The texts: the injection cases and the escaping table's.
    static let texts: [String] = (InjectionCase.all.map(\.text) + MarkdownTextEscapingTests.prose
        + MarkdownTextEscapingTests.escaped.map(\.text))
        .filter { !InjectionCase.literal($0).isEmpty }

    /// Each text as a paragraph, as an unnumbered heading (level 4, written `#####`), and as
    /// the shell writes a subtitle: escaped for unknown surroundings, inside `**…**`.
    static func markdown() throws -> String {
        var renderer = MarkdownRenderer(numbering: try Numbering(Document(blocks: [])), attachmentStem: "x")
        return texts.map { text in
            renderer.blocks([.paragraph([.text(text)]), .heading(level: 4, id: nil, content: [.text(text)])])
                + "\n\n**" + renderer.inlines([.text(text)], edges: .markup) + "**"
        }.joined(separator: "\n\n") + "\n"
    }

    static let shapes: [(tag: String, wrapper: String?)] = [("p", nil), ("h5", nil), ("p", "strong")]

    static func run(_ command: [String], input: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + [input.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(command[0]) exited with \(process.terminationStatus) (is it installed? .ci/run installs it)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `<p>…</p>` and `<hN …>…</hN>` lines: the tag and the raw content.
    static func blocks(_ html: String) -> [(tag: String, content: Substring)] {
        html.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<"), let nameEnd = line.firstIndex(where: { $0 == ">" || $0 == " " }) else { return nil }
            let tag = String(line[line.index(after: line.startIndex)..<nameEnd])
            guard let open = line.firstIndex(of: ">"), line.hasSuffix("</\(tag)>") else { return (tag, line) }
            return (tag, line[line.index(after: open)..<line.index(line.endIndex, offsetBy: -(tag.count + 3))])
        }
    }

    /// GitHub links every e-mail address in text, escaped or not (its autolink extension runs
    /// after escapes are resolved): `<a href="mailto:X">X</a>` becomes `X` again. Any other
    /// link is still a finding.
    static func unlinkingEmail(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<a href=\"mailto:") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let quote = after.firstIndex(of: "\""), after[quote...].hasPrefix("\">"),
                case let address = after[..<quote], after[quote...].dropFirst(2).hasPrefix(address + "</a>")
            else {
                out += rest[open]
                rest = after
                continue
            }
            out += address
            rest = after[quote...].dropFirst(2 + address.count + 4)
        }
        return out + rest
    }

    static func decode(_ html: Substring) -> String {
        var text = String(html)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    @Test(arguments: renderers.map(\.name))
    func hostileTextIsLiteral(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("markdown-renderers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cases.md")
        try Self.markdown().write(to: input, atomically: true, encoding: .utf8)
        let command = Self.renderers.first { $0.name == name }!.command
        var html = try Self.run(command, input: input)
        if name == "cmark-gfm" { html = Self.unlinkingEmail(html) }
        let blocks = Self.blocks(html)
        let count = Self.shapes.count
        try #require(blocks.count == count * Self.texts.count, "\(name) made \(blocks.count) blocks of \(count * Self.texts.count)")
        for (index, text) in Self.texts.enumerated() {
            let literal = InjectionCase.literal(text).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            for (offset, (tag, wrapper)) in Self.shapes.enumerated() {
                let block = blocks[count * index + offset]
                #expect(block.tag == tag, "\(name): «\(text)» as <\(tag)> is <\(block.tag)>")
                var content = block.content
                if let wrapper {
                    let open = "<\(wrapper)>", close = "</\(wrapper)>"
                    #expect(content.hasPrefix(open) && content.hasSuffix(close), "\(name): «\(text)» in <\(wrapper)> reads \(content)")
                    if content.hasPrefix(open) && content.hasSuffix(close) { content = content.dropFirst(open.count).dropLast(close.count) }
                }
                #expect(!content.contains("<"), "\(name): «\(text)» as <\(tag)> holds markup: \(content)")
                // Pandoc's smart typography makes an apostrophe inside a word typographic.
                let shown = Self.decode(content).replacingOccurrences(of: "\u{2019}", with: "'")
                    .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                #expect(shown == literal, "\(name): «\(text)» as <\(tag)> reads «\(shown)»")
            }
        }
    }
}
