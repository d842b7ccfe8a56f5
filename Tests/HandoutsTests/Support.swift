import Backprop
import Documents
import Foundation
import Handouts

/// Specs and generated documents for the handout tests.
enum HandoutFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ name: String) throws -> Spec {
        try SpecReader().read(String(contentsOf: packageRoot.appendingPathComponent("Examples/\(name)"), encoding: .utf8))
    }

    static let seed000 = try! SpecReader().read(BuiltinExamples.seed000)

    /// The handout of `spec` in `format`, main file only.
    static func handout(_ spec: Spec, _ format: OutputFormat, options: (inout HandoutOptions) -> Void = { _ in }) throws -> String {
        var handoutOptions = HandoutOptions(format: format)
        options(&handoutOptions)
        return try HandoutGenerator(options: handoutOptions).generate(spec).main
    }
}
