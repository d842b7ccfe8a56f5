// swift-tools-version: 6.0
// worked-backprop builds with the Swift toolchain alone: no package dependencies.
import PackageDescription

let package = Package(
    name: "worked-backprop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "worked-backprop", targets: ["worked-backprop"]),
        .library(name: "WorkedBackprop", targets: ["Backprop", "Documents", "Handouts"]),
    ],
    targets: [
        // Big integers, rationals, certified reals, correctly rounded formatting.
        .target(name: "ExactArithmetic"),
        // A JSON reader that keeps number text and source positions, and a deterministic writer.
        .target(name: "JSON"),
        // Spec, validation, engine, trace, paths, finite differences, update.
        .target(name: "Backprop", dependencies: ["ExactArithmetic", "JSON"]),
        // Math expression trees with colour roles, printed as TeX.
        .target(name: "Typesetting", dependencies: ["ExactArithmetic"]),
        // Mustache engine, Markdown-subset reader, document tree, writers.
        .target(name: "Documents", dependencies: ["JSON"]),
        // Handouts, exercises, answer keys, variants, build manifests.
        .target(name: "Handouts", dependencies: ["Backprop", "Typesetting", "Documents"]),
        // Subcommands, option parsing, error messages and exit codes.
        .target(name: "CommandLineInterface", dependencies: ["Backprop", "Documents", "Handouts", "JSON"]),
        .executableTarget(name: "worked-backprop", dependencies: ["CommandLineInterface"]),

        // Random valid specs for the property tests of several test targets.
        .target(name: "TestSupport", dependencies: ["Backprop", "ExactArithmetic"], path: "Tests/TestSupport"),
        .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "ExactArithmetic"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "BackpropTests", dependencies: ["Backprop", "ExactArithmetic", "JSON", "TestSupport"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "JSON"], exclude: ["Golden"]),
        .testTarget(
            name: "HandoutsTests",
            dependencies: ["Handouts", "Backprop", "Documents", "Typesetting", "ExactArithmetic", "JSON", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CommandLineInterfaceTests",
            dependencies: ["CommandLineInterface", "Backprop", "JSON"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
