import Backprop
import Documents

/// Reads the spec a command was given, or the built-in example when none was.
enum SpecLoader {
    static func load(_ path: String?, symbolic: Bool = false) throws(CLIError) -> Spec {
        let text: String
        let origin: String
        if let path {
            text = try FileSystem.readText(path, what: "spec", limit: SpecLimits.maximumSpecBytes)
            origin = path == "-" ? "<stdin>" : path
        } else {
            text = BuiltinExamples.seed000
            origin = "<built-in example>"
        }
        guard TextFile.startsLikeJSON(text) else { throw .invalidInput("\(origin) \(TextFile.notJSONMessage)") }
        do {
            return try SpecReader(symbolic: symbolic).read(text)
        } catch {
            throw .invalidInput("\(origin): \(error.description)")
        }
    }
}
