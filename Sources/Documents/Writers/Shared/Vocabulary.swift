/// Words the writers print around numbered elements, the same in every format.
extension Division.Kind {
    /// The name printed in a box's title, e.g. "Theorem".
    var displayName: String {
        switch self {
        case .theorem: return "Theorem"
        case .remark: return "Remark"
        case .keyObservation: return "Key observation"
        case .verification: return "Verification"
        case .algorithm: return "Algorithm"
        case .exercise: return "Exercise"
        case .solution: return "Solution"
        case .note: return "Note"
        }
    }
}

extension Division {
    /// The words for a verification's outcome, or nil when it states none.
    var outcomeText: String? {
        switch passed {
        case .some(true): return "passed"
        case .some(false): return "failed"
        case .none: return nil
        }
    }
}

extension Inline {
    /// Inlines as plain text without markup (math as its TeX source without role macros,
    /// references as their numbers), for places that take no markup such as an HTML `<title>`.
    static func plainText(_ inlines: [Inline], numbering: Numbering) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): return text
            case .emphasis(let inner), .strong(let inner), .link(let inner, _):
                return plainText(inner, numbering: numbering)
            case .reference(let id): return (try? numbering.target(id).number) ?? id
            case .math(let math): return MathMacros.strip(math.tex)
            case .lineBreak: return " "
            }
        }.joined()
    }
}

/// Which link targets a document may contain: web and mail links and fragments within the
/// document. Anything else (`javascript:`, `file:`) is printed as text, not linked.
enum LinkTarget {
    /// The URL percent-encoded to a safe alphabet, or nil when it must not become a link.
    static func safe(_ url: String) -> String? {
        let lowered = url.lowercased()
        let allowedPrefixes = ["http://", "https://", "mailto:", "#"]
        let hasScheme = lowered.contains(":")
        guard allowedPrefixes.contains(where: lowered.hasPrefix) || !hasScheme else { return nil }
        var out = ""
        for byte in url.utf8 {
            let scalar = Unicode.Scalar(byte)
            // Without a scheme, `&` could start an entity (`javascript&colon;…`) that Markdown
            // readers decode into one: encode it. After an allowed scheme it is a query separator.
            let entityRisk = byte == UInt8(ascii: "&") && !hasScheme
            if byte < 0x80, Self.unreserved.contains(scalar), !entityRisk {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// RFC 3986 unreserved and reserved characters, minus the ones that are special in
    /// Markdown link destinations or LaTeX (`( ) [ ] \ { } ^ ~` and space).
    private static let unreserved: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        for scalar in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:/?#@!$&'*+,;=%".unicodeScalars {
            set.insert(scalar)
        }
        return set
    }()
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
