// TEMPORARY: a stand-in for the Mustache engine, which is written in another branch. It knows
// just the tags the shell templates use ({{x}}, {{{x}}}, {{#x}}, {{^x}}, {{/x}}, {{! }}) and the
// specification's standalone-line rule, so the goldens stay the same once the lead connects
// the real engine through `ShellRenderer`. Delete this file then.
import Documents

struct TemporaryShellRenderer: ShellRenderer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func render(_ template: ShellTemplate, values: ShellValues, escape: TextEscaping) throws -> String {
        var fields: [String: ShellValues.Field.Value] = [:]
        for field in values.fields { fields[field.name] = field.value }
        var output = ""
        // Sections currently open: (name, whether their content is shown).
        var sections: [(name: String, shown: Bool)] = []
        var visible: Bool { sections.allSatisfy(\.shown) }
        var lines = template.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            let trimmed = line.trimmingCharacters(in: " \t")
            // A line holding only one section, inverted-section, closing or comment tag vanishes.
            if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), let kind = trimmed.dropFirst(2).first,
                "#^/!".contains(kind), trimmed.dropFirst(2).firstRange(of: "{{") == nil
            {
                try apply(String(trimmed.dropFirst(3).dropLast(2)).trimmingCharacters(in: " "), kind: kind,
                    fields: fields, sections: &sections, template: template)
                continue
            }
            var rest = Substring(line)
            var rendered = ""
            while let open = rest.firstRange(of: "{{") {
                if visible { rendered += rest[..<open.lowerBound] }
                rest = rest[open.upperBound...]
                if rest.hasPrefix("{") {
                    guard let close = rest.firstRange(of: "}}}") else { throw Failure(description: "\(template.name): unclosed {{{") }
                    let name = String(rest.dropFirst()[..<close.lowerBound]).trimmingCharacters(in: " ")
                    if visible { rendered += try text(name, fields: fields, escape: .none, template: template) }
                    rest = rest[close.upperBound...]
                    continue
                }
                guard let close = rest.firstRange(of: "}}") else { throw Failure(description: "\(template.name): unclosed {{") }
                let tag = String(rest[..<close.lowerBound])
                rest = rest[close.upperBound...]
                if let kind = tag.first, "#^/!".contains(kind) {
                    try apply(String(tag.dropFirst()).trimmingCharacters(in: " "), kind: kind, fields: fields,
                        sections: &sections, template: template)
                } else if visible {
                    rendered += try text(tag.trimmingCharacters(in: " "), fields: fields, escape: escape, template: template)
                }
            }
            if visible {
                rendered += rest
                output += rendered + (isLast && !template.source.hasSuffix("\n") ? "" : "\n")
            }
        }
        guard sections.isEmpty else { throw Failure(description: "\(template.name): unclosed section") }
        return output
    }

    private func apply(
        _ name: String, kind: Character, fields: [String: ShellValues.Field.Value],
        sections: inout [(name: String, shown: Bool)], template: ShellTemplate
    ) throws {
        switch kind {
        case "!": return
        case "/":
            guard sections.last?.name == name else { throw Failure(description: "\(template.name): unexpected {{/\(name)}}") }
            sections.removeLast()
        default:
            guard case .flag(let flag) = fields[name] else { throw Failure(description: "\(template.name): \(name) is not a flag") }
            sections.append((name, kind == "#" ? flag : !flag))
        }
    }

    private func text(
        _ name: String, fields: [String: ShellValues.Field.Value], escape: TextEscaping, template: ShellTemplate
    ) throws -> String {
        switch fields[name] {
        case .text(let text)?: return escape(text)
        case .rendered(let text)?: return escape(text)
        default: throw Failure(description: "\(template.name): unknown value \(name)")
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
