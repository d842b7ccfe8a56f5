@testable import Documents
import Foundation
import Testing

/// Every role colour and box label of the HTML palette is legible: WCAG contrast of at least
/// 4.5:1 against every background it can sit on (page, box body, box title bar of any kind of
/// box) in light and in dark mode. The backgrounds mix the frame colour into the page colour as
/// the page's CSS `color-mix` does.
@Suite struct HTMLPaletteTests {
    static func rgb(_ hex: String) -> [Double] {
        let value = Int(hex, radix: 16)!
        return [Double((value >> 16) & 255), Double((value >> 8) & 255), Double(value & 255)]
    }

    static func luminance(_ colour: [Double]) -> Double {
        let linear = colour.map { channel -> Double in
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: [Double], _ b: [Double]) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func mix(_ frame: String, _ background: String, _ amount: Double) -> [Double] {
        zip(rgb(frame), rgb(background)).map { ($0 * amount + $1 * (1 - amount)).rounded() }
    }

    static func backgrounds(_ scheme: HTMLPalette.Scheme) -> [[Double]] {
        [rgb(scheme.background)] + DivisionStyle.frames.flatMap { frame in
            [mix(frame.hex, scheme.background, HTMLPalette.bodyTint), mix(frame.hex, scheme.background, HTMLPalette.titleTint)]
        }
    }

    @Test(arguments: HTMLPalette.Scheme.allCases)
    func roleColoursAreLegibleOnEveryBackground(_ scheme: HTMLPalette.Scheme) {
        for role in RolePalette.roles {
            let worst = Self.backgrounds(scheme).map { Self.contrast(Self.rgb(HTMLPalette.colour(role, scheme)), $0) }.min()!
            #expect(worst >= 4.5, "\(role) in \(scheme) mode: \(worst):1")
        }
    }

    @Test(arguments: HTMLPalette.Scheme.allCases)
    func boxLabelsAreLegibleOnTheirTitleBar(_ scheme: HTMLPalette.Scheme) {
        for frame in DivisionStyle.frames {
            let bar = Self.mix(frame.hex, scheme.background, HTMLPalette.titleTint)
            let ratio = Self.contrast(Self.rgb(HTMLPalette.label(frame.key, scheme)), bar)
            #expect(ratio >= 4.5, "\(frame.key) label in \(scheme) mode: \(ratio):1")
        }
    }

    @Test func thePrintColoursWereNotLegibleEnough() {
        // Why the page has its own shades: the print orange on white is below 4.5:1.
        #expect(Self.contrast(Self.rgb(RolePalette.hex(.input)), Self.rgb("FFFFFF")) < 4.5)
    }

    @Test func darkModeRecoloursTheMath() {
        let css = HTMLPalette.css
        #expect(css.contains("@media (prefers-color-scheme:dark){:root{--wb-input:#\(HTMLPalette.colour(.input, .dark))"))
        #expect(css.contains(".wb-error{color:var(--wb-error)}"))
    }
}
