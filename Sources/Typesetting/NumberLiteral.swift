import ExactArithmetic

/// A number as it is displayed, together with the exact value of the displayed digits and
/// whether that display is the true value it stands for.
///
/// `0.5622` standing for σ(0.25) = 0.56217650… has `value` 5622/10000 and `isExact` false;
/// `0.5` standing for σ(0) has `value` 1/2 and `isExact` true. Relations between displayed
/// expressions are decided from `value`, never from the true quantity behind it.
public struct NumberLiteral: Hashable, Sendable {
    /// How the digits are written.
    public enum Form: Hashable, Sendable {
        /// A decimal significand without sign (`"0.5622"`, `"8.497"`) and an optional power of
        /// ten: `8.497 \times 10^{-10}`.
        case decimal(significand: String, exponent: Int?)
        /// An exact fraction without sign: `\frac{1}{3}`.
        case fraction(numerator: String, denominator: String)
    }

    /// Whether a minus sign is shown.
    public let negative: Bool
    public let form: Form
    /// The exact value of what is displayed.
    public let value: Rational
    /// Whether `value` is the true value the literal stands for (nothing was rounded).
    public let isExact: Bool
    public var role: Role
    /// The certified value a literal was rounded from and the format it was rounded in, so a
    /// step can show it with more digits (`moreDigits(_:)`, `HandCheck`); nil for literals
    /// built from digits alone. Not part of the literal's identity (`==`, `hash`).
    public var origin: LiteralOrigin?

    /// A correctly rounded (or exact) decimal from the formatter.
    public init(_ decimal: FormattedDecimal, role: Role = .plain) {
        self.init(negative: decimal.negative, significand: decimal.significand,
                  exponent: decimal.exponent, isExact: decimal.isExact, role: role)
    }

    /// An exact rational: a decimal when it has a finite expansion (`0.25`, `-3`), otherwise a
    /// fraction (`\frac{1}{3}`).
    public init(exactly value: Rational, role: Role = .plain) {
        let text = value.description
        let negative = text.hasPrefix("-")
        let magnitude = negative ? String(text.dropFirst()) : text
        if let slash = magnitude.firstIndex(of: "/") {
            form = .fraction(numerator: String(magnitude[..<slash]),
                             denominator: String(magnitude[magnitude.index(after: slash)...]))
        } else {
            form = .decimal(significand: magnitude, exponent: nil)
        }
        self.negative = negative
        self.value = value
        self.isExact = true
        self.role = role
    }

    /// A decimal given by its parts; the significand is unsigned decimal text such as "0.5622".
    /// Precondition: `significand` is a decimal number without sign or exponent.
    public init(negative: Bool, significand: String, exponent: Int? = nil, isExact: Bool, role: Role = .plain) {
        let digits = significand + (exponent.map { "e\($0)" } ?? "")
        guard !significand.hasPrefix("-"), let magnitude = try? Rational.parse(digits, maxExponent: .max) else {
            preconditionFailure("NumberLiteral: significand \(significand) is not an unsigned decimal")
        }
        self.negative = negative && !magnitude.isZero
        self.form = .decimal(significand: significand, exponent: exponent)
        self.value = self.negative ? Rational(0) - magnitude : magnitude
        self.isExact = isExact
        self.role = role
    }

    /// The same digits with the opposite sign.
    public var negated: NumberLiteral {
        var copy = NumberLiteral(negative: !negative && !value.isZero, form: form, value: Rational(0) - value, isExact: isExact, role: role)
        copy.origin = origin?.negated
        return copy
    }

    /// The same quantity correctly rounded with `extra` more significant digits (decimal
    /// places): nil when the literal has no origin, or its enclosure cannot decide them.
    /// An exact literal is itself.
    public func moreDigits(_ extra: Int) -> NumberLiteral? {
        if extra <= 0 || isExact { return self }
        guard let origin, let shown = origin.value.formatted(origin.format.widened(by: extra)) else { return nil }
        var literal = NumberLiteral(shown, role: role)
        if origin.isNegated { literal = literal.negated }
        literal.origin = origin
        return literal
    }

    /// The same digits with another role.
    public func with(role: Role) -> NumberLiteral {
        var copy = self
        copy.role = role
        return copy
    }

    /// Whether the number is written with a power of ten.
    public var isScientific: Bool {
        if case .decimal(_, .some) = form { return true }
        return false
    }

    /// Whether the number is written as `\frac{p}{q}`.
    public var isFraction: Bool {
        if case .fraction = form { return true }
        return false
    }

    /// The TeX of the magnitude, without sign or role macro.
    public var magnitudeTeX: String {
        switch form {
        case .decimal(let significand, nil):
            significand
        case .decimal(let significand, .some(let exponent)):
            "\(significand) \\times 10^{\(exponent)}"
        case .fraction(let numerator, let denominator):
            "\\frac{\(numerator)}{\(denominator)}"
        }
    }

    public static func == (a: NumberLiteral, b: NumberLiteral) -> Bool {
        a.negative == b.negative && a.form == b.form && a.value == b.value && a.isExact == b.isExact && a.role == b.role
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(negative)
        hasher.combine(form)
        hasher.combine(isExact)
        hasher.combine(role)
    }

    private init(negative: Bool, form: Form, value: Rational, isExact: Bool, role: Role) {
        self.negative = negative
        self.form = form
        self.value = value
        self.isExact = isExact
        self.role = role
    }
}

/// Where a rounded literal's digits come from: a certified value and the format that rounded it.
public struct LiteralOrigin: Hashable, Sendable {
    public let value: Real
    public let format: DecimalFormat
    /// Whether the literal shows −value (a literal negated after rounding).
    public let isNegated: Bool

    public init(value: Real, format: DecimalFormat, isNegated: Bool = false) {
        self.value = value
        self.format = format
        self.isNegated = isNegated
    }

    var negated: LiteralOrigin { LiteralOrigin(value: value, format: format, isNegated: !isNegated) }
}

extension DecimalFormat {
    /// The same format with `extra` more significant digits or decimal places.
    public func widened(by extra: Int) -> DecimalFormat {
        var wider = self
        switch precision {
        case .significantDigits(let n): wider.precision = .significantDigits(n + extra)
        case .decimalPlaces(let k): wider.precision = .decimalPlaces(k + extra)
        }
        return wider
    }
}
