import Documents
import ExactArithmetic

extension Derivation {
    /// The values of the sentence "… by ≈ amount (≈ percent % of the old loss)" for a loss that
    /// changed by `change` (certainly non-zero) from `old`: `amount` and `amountRelation`, with
    /// enough digits that the amount never shows as 0, and — when `old` is positive —
    /// `percent` and `percentRelation` (3 significant digits) with `hasPercent`.
    func changeSize(_ change: Real, from old: Real) throws(PrecisionShortfall) -> [String: MustacheValue] {
        let amount = try magnitude(change)
        let amountDisplay = try display.distinguishing(amount, Real(0))
        var values: [String: MustacheValue] = [
            "amount": .string(try amountDisplay.tex(amount)),
            "amountRelation": .string(try amountDisplay.relation(amount)),
        ]
        if try sign(old) > 0 {
            let percent = arithmetic.multiply(try quotient(amount, old), Real(100))
            let coarse = self.display(.significantDigits(3))
            values["percent"] = .string(try coarse.tex(percent))
            values["percentRelation"] = .string(try coarse.relation(percent))
            values["hasPercent"] = true
        }
        return values
    }
}
