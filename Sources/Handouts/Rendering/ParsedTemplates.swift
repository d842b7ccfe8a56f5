import Foundation
import Documents

/// Parsed templates by origin and text, shared by every render in the process: a batch of
/// variants renders the same templates thousands of times and parses each once.
enum ParsedTemplates {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var parsed: [String: MustacheTemplate] = [:]

    /// The template of `text` from `origin`, parsed on first use.
    static func template(_ text: String, origin: String) throws(SourceError) -> MustacheTemplate {
        let key = origin + "\u{0}" + text
        lock.lock()
        let cached = parsed[key]
        lock.unlock()
        if let cached { return cached }
        let template = try MustacheTemplate(source: text, name: origin)
        lock.lock()
        parsed[key] = template
        lock.unlock()
        return template
    }
}
