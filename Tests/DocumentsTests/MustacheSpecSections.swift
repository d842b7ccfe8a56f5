// specs/sections.yml (v1.4): all 34 cases.
extension MustacheSpecCase {
    static let sections: [MustacheSpecCase] = [
        .init("sections", "Truthy", data: #"{"boolean": true}"#,
              template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", expected: "\"This should be rendered.\""),
        .init("sections", "Falsey", data: #"{"boolean": false}"#,
              template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", expected: "\"\""),
        .init("sections", "Null is falsey", data: #"{"null": null}"#,
              template: "\"{{#null}}This should not be rendered.{{/null}}\"", expected: "\"\""),
        .init("sections", "Context", data: #"{"context": {"name": "Joe"}}"#,
              template: "\"{{#context}}Hi {{name}}.{{/context}}\"", expected: "\"Hi Joe.\""),
        .init("sections", "Parent contexts",
              data: #"{"a": "foo", "b": "wrong", "sec": {"b": "bar"}, "c": {"d": "baz"}}"#,
              template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"", expected: "\"foo, bar, baz\""),
        .init("sections", "Variable test", data: #"{"foo": "bar"}"#,
              template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", expected: "\"bar is bar\""),
        .init("sections", "List Contexts",
              data: #"{"tops": [{"tname": {"upper": "A", "lower": "a"}, "middles": [{"mname": "1", "bottoms": [{"bname": "x"}, {"bname": "y"}]}]}]}"#,
              template: "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
              expected: "a1.A1x.A1y."),
        .init("sections", "Deeply Nested Contexts",
              data: #"{"a": {"one": 1}, "b": {"two": 2}, "c": {"three": 3, "d": {"four": 4, "five": 5}}}"#,
              template: """
                  {{#a}}
                  {{one}}
                  {{#b}}
                  {{one}}{{two}}{{one}}
                  {{#c}}
                  {{one}}{{two}}{{three}}{{two}}{{one}}
                  {{#d}}
                  {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
                  {{#five}}
                  {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
                  {{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}
                  {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
                  {{/five}}
                  {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
                  {{/d}}
                  {{one}}{{two}}{{three}}{{two}}{{one}}
                  {{/c}}
                  {{one}}{{two}}{{one}}
                  {{/b}}
                  {{one}}
                  {{/a}}

                  """,
              expected: "1\n121\n12321\n1234321\n123454321\n12345654321\n123454321\n1234321\n12321\n121\n1\n"),
        .init("sections", "List", data: #"{"list": [{"item": 1}, {"item": 2}, {"item": 3}]}"#,
              template: "\"{{#list}}{{item}}{{/list}}\"", expected: "\"123\""),
        .init("sections", "Empty List", data: #"{"list": []}"#,
              template: "\"{{#list}}Yay lists!{{/list}}\"", expected: "\"\""),
        .init("sections", "Doubled", data: #"{"bool": true, "two": "second"}"#,
              template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
              expected: "* first\n* second\n* third\n"),
        .init("sections", "Nested (Truthy)", data: #"{"bool": true}"#,
              template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", expected: "| A B C D E |"),
        .init("sections", "Nested (Falsey)", data: #"{"bool": false}"#,
              template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", expected: "| A  E |"),
        .init("sections", "Context Misses", data: #"{}"#,
              template: "[{{#missing}}Found key 'missing'!{{/missing}}]", expected: "[]"),
        .init("sections", "Implicit Iterator - String", data: #"{"list": ["a", "b", "c", "d", "e"]}"#,
              template: "\"{{#list}}({{.}}){{/list}}\"", expected: "\"(a)(b)(c)(d)(e)\""),
        .init("sections", "Implicit Iterator - Integer", data: #"{"list": [1, 2, 3, 4, 5]}"#,
              template: "\"{{#list}}({{.}}){{/list}}\"", expected: "\"(1)(2)(3)(4)(5)\""),
        .init("sections", "Implicit Iterator - Decimal", data: #"{"list": [1.1, 2.2, 3.3, 4.4, 5.5]}"#,
              template: "\"{{#list}}({{.}}){{/list}}\"", expected: "\"(1.1)(2.2)(3.3)(4.4)(5.5)\""),
        .init("sections", "Implicit Iterator - Array", data: #"{"list": [[1, 2, 3], ["a", "b", "c"]]}"#,
              template: "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"", expected: "\"(123)(abc)\""),
        .init("sections", "Implicit Iterator - HTML Escaping", data: #"{"list": ["&", "\"", "<", ">"]}"#,
              template: "\"{{#list}}({{.}}){{/list}}\"", expected: "\"(&amp;)(&quot;)(&lt;)(&gt;)\""),
        .init("sections", "Implicit Iterator - Triple mustache", data: #"{"list": ["&", "\"", "<", ">"]}"#,
              template: "\"{{#list}}({{{.}}}){{/list}}\"", expected: "\"(&)(\")(<)(>)\""),
        .init("sections", "Implicit Iterator - Ampersand", data: #"{"list": ["&", "\"", "<", ">"]}"#,
              template: "\"{{#list}}({{&.}}){{/list}}\"", expected: "\"(&)(\")(<)(>)\""),
        .init("sections", "Implicit Iterator - Root-level", data: #"[{"value": "a"}, {"value": "b"}]"#,
              template: "\"{{#.}}({{value}}){{/.}}\"", expected: "\"(a)(b)\""),
        .init("sections", "Dotted Names - Truthy", data: #"{"a": {"b": {"c": true}}}"#,
              template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"", expected: "\"Here\" == \"Here\""),
        .init("sections", "Dotted Names - Falsey", data: #"{"a": {"b": {"c": false}}}"#,
              template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", expected: "\"\" == \"\""),
        .init("sections", "Dotted Names - Broken Chains", data: #"{"a": {}}"#,
              template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", expected: "\"\" == \"\""),
        .init("sections", "Surrounding Whitespace", data: #"{"boolean": true}"#,
              template: " | {{#boolean}}\t|\t{{/boolean}} | \n", expected: " | \t|\t | \n"),
        .init("sections", "Internal Whitespace", data: #"{"boolean": true}"#,
              template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", expected: " |  \n  | \n"),
        .init("sections", "Indented Inline Sections", data: #"{"boolean": true}"#,
              template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", expected: " YES\n GOOD\n"),
        .init("sections", "Standalone Lines", data: #"{"boolean": true}"#,
              template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", expected: "| This Is\n|\n| A Line\n"),
        .init("sections", "Indented Standalone Lines", data: #"{"boolean": true}"#,
              template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", expected: "| This Is\n|\n| A Line\n"),
        .init("sections", "Standalone Line Endings", data: #"{"boolean": true}"#,
              template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", expected: "|\r\n|"),
        .init("sections", "Standalone Without Previous Line", data: #"{"boolean": true}"#,
              template: "  {{#boolean}}\n#{{/boolean}}\n/", expected: "#\n/"),
        .init("sections", "Standalone Without Newline", data: #"{"boolean": true}"#,
              template: "#{{#boolean}}\n/\n  {{/boolean}}", expected: "#\n/\n"),
        .init("sections", "Padding", data: #"{"boolean": true}"#,
              template: "|{{# boolean }}={{/ boolean }}|", expected: "|=|"),
    ]
}
