import Backprop
import ExactArithmetic
import JSON
import Testing

/// The engine against `shared/REFERENCE.md` (computed independently with 50-digit arithmetic).
@Suite struct ReferenceValueTests {
    static let seed000 = try! SpecReader().read(BuiltinExamples.seed000)

    static let seed002 = try! SpecReader().read("""
    {"network": {"layers": [2, 2, 1], "activation": "sigmoid", "loss": "mse",
                 "weights": [[[0.4, 0.6], [0.3, 0.5]], [[0.7, 0.8]]], "biases": [[0.1, 0.2], [0.3]]},
     "sample": {"input": [0.5, 1.0], "target": 1.0}, "learningRate": 0.5}
    """)

    /// Asserts that `x` rounds to `expected` (given with as many significant digits as it has).
    static func expect(_ x: Real, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let significant = expected.filter(\.isNumber).drop { $0 == "0" }.count
        let shown = x.formatted(DecimalFormat(.significantDigits(significant), scientificBelow: nil, scientificFrom: nil))
        #expect(shown?.text == expected, "expected \(expected)", sourceLocation: sourceLocation)
    }

    @Test func seed000ForwardPass() throws {
        let t = try Engine(precision: 128).trace(Self.seed000)
        #expect(t.layers[1].z![0].exactValue == Rational(0))
        #expect(t.layers[1].z![1].exactValue == Rational(1, 4))
        #expect(t.layers[1].a[0].exactValue == Rational(1, 2))
        #expect(!t.layers[1].a[1].isExact)
        Self.expect(t.layers[1].a[1], "0.562176500886")
        Self.expect(t.layers[2].z![0], "0.899741200709")
        Self.expect(t.layers[2].z![1], "1.21217650089")
        Self.expect(t.layers[2].a[0], "0.710896316388")
        Self.expect(t.layers[2].a[1], "0.770683829222")
        Self.expect(t.layers[3].z![0], "0.621542426605")
        Self.expect(t.layers[3].a[0], "0.650569268093")
        Self.expect(t.loss, "0.0610509182007")
        guard case .diagonal(let d1) = t.layers[1].derivative! else {
            Issue.record("sigmoid has a diagonal derivative")
            return
        }
        #expect(d1[0].exactValue == Rational(1, 4))
    }

    @Test func seed000BackwardPass() throws {
        let t = try Engine(precision: 128).trace(Self.seed000)
        Self.expect(t.deltas[3][0], "-0.0794357023404")
        Self.expect(t.deltas[2][0], "-0.00489775304863")
        Self.expect(t.deltas[2][1], "-0.00561547707725")
        Self.expect(t.deltas[1][0], "-0.00212058912589")
        Self.expect(t.deltas[1][1], "-0.00234656346282")
        let w1 = [["-0.00212058912589", "-0.00106029456295", "0.00212058912589"],
                  ["-0.00234656346282", "-0.00117328173141", "0.00234656346282"]]
        let w2 = [["-0.00244887652432", "-0.00275340167108"], ["-0.00280773853863", "-0.00315688925409"]]
        let w3 = [["-0.0564705481834", "-0.0612198112566"]]
        for (l, expected) in [w1, w2, w3].enumerated() {
            for (j, row) in expected.enumerated() {
                for (k, value) in row.enumerated() { Self.expect(t.weightGradients[l][j][k], value) }
            }
        }
        Self.expect(t.focusGradient, "-0.00212058912589")
    }

    @Test func seed000FiniteDifferenceIsTheRealDoubleComputation() throws {
        let fd = try Engine(precision: 128).trace(Self.seed000).finiteDifference
        #expect(fd.lossPlus == 0.06105089699477986)
        #expect(fd.lossMinus == 0.061050939406562345)
        #expect(fd.estimate == -0.002120589124091077)
        // About 8.5e-10 with ε = 1e-5 (REFERENCE.md), not the seed's invented 9.34e-9.
        let relative = fd.relativeError!.toDouble()
        #expect(relative > 8e-10 && relative < 9e-10)
    }

    @Test func seed000OneStepOfGradientDescentLowersTheLoss() throws {
        let update = try Engine(precision: 128).trace(Self.seed000).update
        Self.expect(update.loss, "0.05463")
        #expect(update.change.toDouble() < 0)
    }

    @Test func seed002() throws {
        let t = try Engine(precision: 128).trace(Self.seed002)
        #expect(t.layers[1].z![0].exactValue == Rational(9, 10))
        #expect(t.layers[1].z![1].exactValue == Rational(85, 100))
        Self.expect(t.layers[1].a[0], "0.710949502625")
        Self.expect(t.layers[1].a[1], "0.700567142474")
        Self.expect(t.layers[2].z![0], "1.35811836582")
        Self.expect(t.layers[2].a[0], "0.795453712666")
        Self.expect(t.loss, "0.020919591831")
        Self.expect(t.deltas[2][0], "-0.0332811339789")
        Self.expect(t.deltas[1][0], "-0.00478749828296")
        Self.expect(t.deltas[1][1], "-0.00558518189825")
        Self.expect(t.weightGradients[0][0][0], "-0.00239374914148")
        Self.expect(t.weightGradients[0][1][1], "-0.00558518189825")
        Self.expect(t.weightGradients[1][0][0], "-0.0236612056491")
        Self.expect(t.weightGradients[1][0][1], "-0.0233156689299")
        // Seed 002 prints 0.7115 and 0.8115; the true updated weights are these.
        Self.expect(t.update.weights[1][0][0], "0.71183")
        Self.expect(t.update.weights[1][0][1], "0.81166")
    }

    @Test func traceJSONMarksExactValues() throws {
        let encoder = TraceEncoder(digits: 30)
        let json = try Engine.refine(Self.seed000) { encoder.encode($0) }
        let layer1 = json["layers"].flatMap { value -> JSONValue? in
            if case .array(let layers) = value { return layers[1] }
            return nil
        }
        #expect(layer1?["z"] == .array([
            .object([.init("value", .string("0")), .init("exact", .bool(true))]),
            .object([.init("value", .string("0.25")), .init("exact", .bool(true))]),
        ]))
        guard case .array(let a)? = layer1?["a"] else {
            Issue.record("layers[1].a is an array")
            return
        }
        #expect(a[0] == .object([.init("value", .string("0.5")), .init("exact", .bool(true))]))
        #expect(a[1] == .object([.init("value", .string("0.562176500885798104027323637903")), .init("exact", .bool(false))]))
    }
}
