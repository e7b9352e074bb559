"""The streamed answer as readable text (tui/streamtext.py): decoded as it arrives, at every
cut point, never raw JSON."""

from __future__ import annotations

import json

import pytest

from workbench.tui.streamtext import readable

ANSWER = {
    "title": None,
    "body": '宝宝第一口辅食，选对更安心。\n有机认证米粉，"独立"小包装 😀',
    "hashtags": ["辅食", "会员日"],
    "cta": "点击小程序下单",
    "shots": [{"cue": "手拿米粉", "voiceover": "第一句"}, {"cue": "特写", "voiceover": "第二句"}],
    "seconds": 15,
}
LABELS = {"body": "正文", "cta": "行动号召", "hashtags": "话题标签", "title": "标题"}
EXPECTED = """标题：
正文：宝宝第一口辅食，选对更安心。
有机认证米粉，"独立"小包装 😀
话题标签：辅食 · 会员日
行动号召：点击小程序下单
shots：
  cue：手拿米粉
  voiceover：第一句
  cue：特写
  voiceover：第二句
seconds：15"""


def label(name: str) -> str:
    return LABELS.get(name, name)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_a_whole_answer_reads_as_text(ascii_only: bool) -> None:
    raw = json.dumps(ANSWER, ensure_ascii=ascii_only, indent=None if ascii_only else 2)
    assert readable(raw, label) == EXPECTED


@pytest.mark.parametrize("ascii_only", [True, False])
def test_every_prefix_is_a_prefix_of_the_text(ascii_only: bool) -> None:
    # what a reader sees only grows as chunks arrive: no escape, quote or brace flashes by
    raw = json.dumps(ANSWER, ensure_ascii=ascii_only)
    for cut in range(len(raw) + 1):
        shown = readable(raw[:cut], label)
        assert EXPECTED.startswith(shown.rstrip("：")) or EXPECTED.startswith(shown), (cut, shown)
        assert "\\" not in shown and '"body"' not in shown


def test_text_before_the_json() -> None:
    raw = json.dumps({"body": "好"}, ensure_ascii=False)
    assert readable("```json\n" + raw, label) == "正文：好"
    thought = "<think>先看优惠</think>"
    assert readable(thought + "\n" + raw, label) == thought + "\n\n正文：好"
    assert readable("这不是JSON", label) == "这不是JSON"
    assert readable("说明：" + raw, label) == "说明：" + raw  # not an answer shape: as it came


def test_english_labels_take_an_ascii_colon() -> None:
    raw = json.dumps({"body": "Fiber\nfor less", "cta": "Book"})
    assert readable(raw, colon=": ") == "body: Fiber\nfor less\ncta: Book"
