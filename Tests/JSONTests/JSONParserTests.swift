import JSON
import Testing

@Suite struct JSONParserTests {
    @Test func keepsNumberTextAndMemberOrder() throws {
        let value = try JSONParser().parse(#"{"b": 0.1, "a": [-1.25e-3, 10, 1E+2], "c": {"d": null, "e": true}}"#)
        guard case .object(let members) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .number("0.1"))
        #expect(value["a"] == .array([.number("-1.25e-3"), .number("10"), .number("1E+2")]))
        #expect(value["c"]?["e"] == .bool(true))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser().parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\né😀"))
    }

    struct BadCase: Sendable, CustomStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let message: String
        var description: String { text }
    }

    static let badCases: [BadCase] = [
        BadCase(text: "", line: 1, column: 1, message: "unexpected end of input, expected a value"),
        BadCase(text: "{\"a\": 1,}", line: 1, column: 9, message: "expected a member name in double quotes"),
        BadCase(text: "[1, 2", line: 1, column: 6, message: "unexpected end of input, expected ',' or ']'"),
        BadCase(text: "{\"a\": 1, \"a\": 2}", line: 1, column: 10, message: "duplicate key \"a\""),
        BadCase(text: "{\n  \"x\": NaN}", line: 2, column: 8, message: "NaN and Infinity are not JSON numbers; write a finite number"),
        BadCase(text: "[-Infinity]", line: 1, column: 2, message: "Infinity is not a JSON number"),
        BadCase(text: "[01]", line: 1, column: 2, message: "invalid number: leading zeros are not allowed"),
        BadCase(text: "[1.]", line: 1, column: 2, message: "invalid number: expected a digit after '.'"),
        BadCase(text: "[1e]", line: 1, column: 2, message: "invalid number: expected a digit in the exponent"),
        BadCase(text: "\"abc", line: 1, column: 1, message: "unterminated string"),
        BadCase(text: "\"a\tb\"", line: 1, column: 3, message: "control character in string; write it as an escape such as \\n"),
        BadCase(text: "\"\\x\"", line: 1, column: 2, message: "invalid escape \\x"),
        BadCase(text: "\"\\ud800\"", line: 1, column: 8, message: "unpaired surrogate in \\u escape"),
        BadCase(text: "tru", line: 1, column: 1, message: "invalid literal, expected 'true'"),
        BadCase(text: "{} {}", line: 1, column: 4, message: "unexpected text after the JSON value"),
        BadCase(text: "{\"é\": x}", line: 1, column: 7, message: "unexpected character 'x', expected a value"),
    ]

    @Test(arguments: badCases)
    func rejectsMalformedText(_ bad: BadCase) {
        #expect(throws: JSONSyntaxError(line: bad.line, column: bad.column, message: bad.message)) {
            try JSONParser().parse(bad.text)
        }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONSyntaxError.self) { try JSONParser(maximumDepth: 64).parse(deep) }
        #expect((try? JSONParser(maximumDepth: 100).parse(deep)) != nil)
    }

    @Test func writerRoundTripsDeterministically() throws {
        let text = #"{"z": [1, 2.50, -3e-7], "a": {"s": "q\"\n\u0001"}, "e": [], "o": {}}"#
        let value = try JSONParser().parse(text)
        let written = JSONWriter().write(value)
        #expect(try JSONParser().parse(written) == value)
        #expect(JSONWriter(pretty: false).write(value) == #"{"z":[1,2.50,-3e-7],"a":{"s":"q\"\n\u0001"},"e":[],"o":{}}"#)
    }
}
