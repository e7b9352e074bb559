from __future__ import annotations

from typing import Any

import pytest

from workbench.llm.jsonparse import extract_json, split_think, strip_think

GOOD: list[tuple[str, str, Any]] = [
    ("plain object", '{"a": 1}', {"a": 1}),
    ("plain array", "[1, 2, 3]", [1, 2, 3]),
    ("bom", '\ufeff{"a": 1}', {"a": 1}),
    ("whitespace", '\n\n  {"a": 1}  \n', {"a": 1}),
    ("json fence", 'Here:\n```json\n{"a": 1}\n```\nDone.', {"a": 1}),
    ("bare fence", '```\n{"a": [1, 2]}\n```', {"a": [1, 2]}),
    ("upper fence", '```JSON\n{"a": 1}\n```', {"a": 1}),
    ("prose before", '好的，以下是结果：{"title": "春季上新"}', {"title": "春季上新"}),
    ("prose after", '{"a": 1}\nHope this helps! {not json}', {"a": 1}),
    ("trailing comma object", '{"a": 1, "b": 2,}', {"a": 1, "b": 2}),
    ("trailing comma array", '{"a": [1, 2, ],\n}', {"a": [1, 2]}),
    ("comma inside string kept", '{"a": "x,}", }', {"a": "x,}"}),
    ("braces inside strings", '{"a": "{[not a bracket"}', {"a": "{[not a bracket"}),
    ("escaped quote", '{"a": "say \\"hi\\" }"}', {"a": 'say "hi" }'}),
    ("think block", '<think>{"draft": true}</think>\n{"a": 1}', {"a": 1}),
    ("thinking block", '<thinking>hmm</thinking>{"a": 1}', {"a": 1}),
    ("unclosed think", '<think>let me reason about it {"a": 1}', {"a": 1}),
    ("orphan close", 'reasoning {"x": 0} </think> {"a": 1}', {"a": 1}),
    ("think then fence", '<think>x</think>```json\n{"a": 1}\n```', {"a": 1}),
    ("stray brace in prose", 'Use {name} as placeholder. {"a": 1}', {"a": 1}),
    ("raw newline in string", '{"a": "line1\nline2"}', {"a": "line1\nline2"}),
    ("nested", '{"a": {"b": [{"c": null}]}}', {"a": {"b": [{"c": None}]}}),
    ("chinese punctuation around", '结果如下：\n{"标题": "会员日"}\n以上。', {"标题": "会员日"}),
]

BAD: list[tuple[str, str, str]] = [
    ("empty", "", "no JSON object found"),
    ("prose only", "Sorry, I cannot help with that.", "no JSON object found"),
    ("think only", "<think>thinking forever", "no JSON object found"),
    ("cut off", '{"title": "春季", "body": "未完', "invalid JSON at char 0"),
    ("bad value", '{"a": tru}', "invalid JSON at char"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in GOOD], ids=[n for n, _, _ in GOOD]
)
def test_extract_json_good(text: str, expected: Any) -> None:
    assert extract_json(text) == expected


@pytest.mark.parametrize(
    ("text", "message"), [(t, m) for _, t, m in BAD], ids=[n for n, _, _ in BAD]
)
def test_extract_json_bad(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        extract_json(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_cut_off_document_does_not_return_an_inner_fragment() -> None:
    with pytest.raises(ValueError, match="cut off"):
        extract_json('{"a": {"b": 1}, "c": [1, 2')


def test_strip_think_variants() -> None:
    assert strip_think("<think>a</think>b") == "b"
    assert strip_think("<think>a\nb") == ""
    assert strip_think('<think>a {"x": 1}') == '{"x": 1}'
    assert strip_think("no tags") == "no tags"


def test_split_think_keeps_reasoning() -> None:
    reasoning, answer = split_think('<think>\nplan it\n</think>\n\n{"a": 1}')
    assert reasoning == "plan it"
    assert answer == '{"a": 1}'
    assert split_think("plain") == ("", "plain")
    assert split_think("<think>open only") == ("", "<think>open only")
