import ExactArithmetic
import Typesetting

extension Display {
    /// The most digits a comparison adds to the handout's precision to show two values apart.
    static let maximumExtraDigits = 24

    /// A display that shows `x` and `y` as different numbers whenever they differ: the
    /// handout's own when it already does, else one with just enough more digits (at most
    /// `maximumExtraDigits`). A sentence that compares two values ("the output 0.6506 lies below
    /// the target 1") prints both with it, so `--decimals 0` never gives "1 lies below 1".
    func distinguishing(_ x: Real, _ y: Real) throws(PrecisionShortfall) -> Display {
        if let a = x.exactValue, let b = y.exactValue, a == b { return self }
        var display = self
        for _ in 0...Self.maximumExtraDigits {
            if try display.literal(x).value != display.literal(y).value { return display }
            display = display.withOneMoreDigit
        }
        return self
    }

    /// The same display with one more significant digit or decimal place.
    var withOneMoreDigit: Display {
        var wider = format
        switch format.precision {
        case .significantDigits(let n): wider.precision = .significantDigits(n + 1)
        case .decimalPlaces(let k): wider.precision = .decimalPlaces(k + 1)
        }
        return Display(format: wider, printer: printer, handCheckable: handCheckable, ledger: ledger)
    }
}
