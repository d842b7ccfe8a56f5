import Foundation
import Testing

/// Hostile user text for the injection tests: each string tries to run a TeX command, inject
/// HTML or script, or break Markdown (or this project's Markdown subset) structure. Every one
/// must come out of every format as the same literal text a reader typed.
struct InjectionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String

    var testDescription: String { name }

    /// What a reader should see: user text is one line, so breaks become spaces, and
    /// whitespace at either end is not part of it.
    var expected: String { InjectionCase.literal(text) }

    static func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static let all: [InjectionCase] = [
        // TeX
        InjectionCase(name: "\\input", text: #"\input{/etc/hostname}"#),
        InjectionCase(name: "\\write18", text: #"\write18{touch pwned}"#),
        InjectionCase(name: "\\immediate\\write18", text: #"\immediate\write18{touch pwned}\relax"#),
        InjectionCase(name: "\\immediate\\write file", text: #"\immediate\write\myfile{x}\closeout\myfile"#),
        InjectionCase(name: "\\openin", text: #"\newread\r \openin\r=/etc/hostname \read\r to\x \x"#),
        InjectionCase(name: "\\catcode", text: #"\catcode`\{=12 \catcode 92=11 \catcode`\^^M=13"#),
        InjectionCase(name: "^^ hex escapes", text: "^^5cinput^^7b/etc/hostname^^7d ^^5c^^5c"),
        InjectionCase(name: "\\def", text: #"\def\x{\input{/etc/passwd}}\x \gdef\title{pwned}"#),
        InjectionCase(name: "\\csname", text: #"\csname input\endcsname{/etc/hostname}\expandafter\x"#),
        InjectionCase(name: "\\makeatletter", text: #"\makeatletter\@input{/etc/hostname}\makeatother"#),
        InjectionCase(name: "TeX specials", text: #"$ % & # _ ^ ~ { } \ "#),
        InjectionCase(name: "dollar math", text: "costs $5 and $x^2$ and $$\\int f$$"),
        InjectionCase(name: "percent comment", text: "50% \\iffalse hidden \\fi % rest is a comment }"),
        InjectionCase(name: "unbalanced open", text: "{ { {\\bfseries bold"),
        InjectionCase(name: "unbalanced close", text: "} }} \\end{center}\\end{document}"),
        InjectionCase(name: "double backslash", text: #"line\\break \\ \newline \par x"#),
        InjectionCase(name: "trailing backslash", text: #"ends with a backslash\"#),
        InjectionCase(name: "Windows path", text: #"C:\Users\name\file.tex"#),
        InjectionCase(name: "ligatures", text: "a--b---c ``q'' ,,low !` ?` << >>"),
        InjectionCase(name: "line break attempt", text: "line one\nline two\r\n\\\\\nthree\tfour"),
        // HTML
        InjectionCase(name: "<script>", text: "<script>alert(1)</script>"),
        InjectionCase(name: "</title>", text: "</title><script>alert(document.domain)</script><title>"),
        InjectionCase(name: "</script> breakout", text: "</script><script>alert(1)</script>"),
        InjectionCase(name: "<img onerror>", text: "<img src=x onerror=alert(1)>"),
        InjectionCase(name: "attribute breakout", text: #"" onmouseover="alert(1)" x="' onfocus='alert(2)"#),
        InjectionCase(name: "tag breakout", text: #""><svg onload=alert(1)><p x=""#),
        InjectionCase(name: "javascript: URL", text: "javascript:alert(1)"),
        InjectionCase(name: "pre-escaped entities", text: "&lt;script&gt; &amp;amp; &#60; &#x3c; &colon; &nbsp;"),
        InjectionCase(name: "HTML comment", text: "<!-- hidden --> <!-- open"),
        InjectionCase(name: "CDATA and doctype", text: "<![CDATA[x]]> <!DOCTYPE html> <?php ?>"),
        InjectionCase(name: "KaTeX delimiters", text: #"\(x\) \[y\] \href{javascript:alert(1)}{z}"#),
        // Mustache and the Markdown subset
        InjectionCase(name: "{{mustache}}", text: "{{title}} {{#body}}x{{/body}} {{! c }}"),
        InjectionCase(name: "{{{triple}}}", text: "{{{body}}} {{&body}} {{>../../etc/passwd}} {{=<% %>=}}"),
        InjectionCase(name: "@@ generated block", text: "@@figure-architecture"),
        InjectionCase(name: "::: fenced div", text: "::: {.theorem #thm-x}"),
        InjectionCase(name: "# heading", text: "# heading"),
        InjectionCase(name: "closing hashes", text: "title ##"),
        InjectionCase(name: "$$math$$", text: "$$\\input{/etc/hostname}$$"),
        InjectionCase(name: "[@ref]", text: "[@sec-forward] [@eq:1]"),
        InjectionCase(name: "javascript link", text: "[x](javascript:alert(1))"),
        InjectionCase(name: "link with entity scheme", text: "[x](javascript&colon;alert(1)) [y][1]\n\n[1]: javascript:alert(1)"),
        InjectionCase(name: "autolinks", text: "<https://evil.example> <javascript:alert(1)> www.evil.example a@b.example"),
        InjectionCase(name: "image", text: "![x](https://evil.example/track.png)"),
        InjectionCase(name: "|table|", text: "| a | b |\n|---|---|"),
        InjectionCase(name: "backticks", text: "`code` ``two`` ```fence"),
        InjectionCase(name: "emphasis", text: "*a* _a_ **b** __b__ ~~s~~ ~sub~ ^sup^"),
        InjectionCase(name: "delimiter at the end", text: "ends in a star *"),
        InjectionCase(name: "delimiter at the start", text: "_ starts with an underscore"),
        InjectionCase(name: "list and quote markers", text: "- item"),
        InjectionCase(name: "ordered list marker", text: "1. item"),
        InjectionCase(name: "blockquote marker", text: "> quote"),
        InjectionCase(name: "setext underline", text: "==="),
        InjectionCase(name: "indented code", text: "    four spaces of indentation"),
        InjectionCase(name: "whitespace only", text: " \t "),
        InjectionCase(name: "footnote and spans", text: "[^1] [text]{.smallcaps} :smile: \\@ref"),
        InjectionCase(name: "escape then combining mark", text: "*\u{301}a*\u{301} \\\u{301} _\u{301}x_"),
        // Unicode
        InjectionCase(name: "bidi overrides", text: "abc\u{202E}fed\u{202C} \u{2066}x\u{2069} \u{200F}"),
        InjectionCase(name: "zero-width joiners", text: "a\u{200D}b\u{200C}c\u{200B}d\u{FEFF}e \u{2060}"),
        InjectionCase(name: "very long word", text: String(repeating: "Backpropagation", count: 33)),
        InjectionCase(
            name: "everything from the issue",
            text: #"\input{/etc/hostname} \write18{…} <script> </title> $ % & # _ ^ ~ { } \"#),
    ]
}
