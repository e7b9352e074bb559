"""Line breaking: 避头尾, whole Latin words, numbers with their units."""

from __future__ import annotations

import itertools

import pytest

from workbench.poster.linebreak import NO_END, NO_START, atoms, break_lines


def _width(text: str) -> float:
    return float(len(text))  # one unit per character: easy to reason about


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会员日满199减50", ["会员日", "满", "199", "减", "50"]),
        ("仅需¥89元", ["仅", "需", "¥89元"]),
        ("宝宝0-12个月适用", ["宝宝", "0-12个月", "适用"]),
        ("打3.5折起", ["打", "3.5折起"]),
        ("低至50%优惠", ["低", "至", "50%", "优惠"]),
        ("iPhone 15 Pro", ["iPhone", " ", "15", " ", "Pro"]),
        ("好的，走吧。", ["好", "的，", "走", "吧。"]),
        ("《有机》米粉", ["《有机》", "米粉"]),
        ("“限时”福利！", ["“限时”", "福利！"]),
        ("截至3月15日", ["截至", "3月", "15日"]),
        ("30分钟送达社区，放心吃", ["30分钟", "送达", "社区，", "放心", "吃"]),
    ],
)
def test_atoms_table(text: str, expected: list[str]) -> None:
    assert [a.text for a in atoms(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "会员日满199减50，再送试吃装。新手妈妈更放心！",
        "开业三天第二杯半价，进群领5元无门槛券（限成都春熙路店）",
        "「青提茉莉」上新啦，低糖可选、现摘青提……快来尝鲜！",
        "Member day: $50 off $199, organic rice cereal for 6m+ babies.",
    ],
)
@pytest.mark.parametrize("width", [3, 4, 5, 7, 9, 12])
def test_no_forbidden_line_edges(text: str, width: int) -> None:
    lines = break_lines(text, width, _width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[1:]:
        assert line[0] not in NO_START, lines
    for line in lines[:-1]:
        assert line[-1] not in NO_END, lines


def test_latin_words_and_numbers_never_split() -> None:
    text = "Organic cereal 有机认证 iron-rich 配方 满199元减50元 200ml装"
    for width in range(9, 30):  # the longest word is 9 wide
        lines = break_lines(text, width, _width)
        joined = " ".join(lines)
        for word in ("Organic", "cereal", "iron-rich", "199元", "50元", "200ml"):
            assert word in joined, (width, lines)


@pytest.mark.parametrize("width", range(4, 12))  # the widest atom, 30分钟, is 4
def test_chinese_words_are_never_split(width: int) -> None:
    text = "30分钟送达社区，放心吃；新手妈妈更放心"
    lines = break_lines(text, width, _width)
    for a, b in itertools.pairwise(lines):
        for word in ("放心", "社区", "妈妈", "送达", "分钟"):
            assert not any(a.endswith(word[:k]) and b.startswith(word[k:]) for k in (1,)), lines


def test_keep_phrases_stay_whole_when_they_fit() -> None:
    lines = break_lines("原来有机婴儿米粉可以这样选", 7, _width, keep=("有机婴儿米粉",))
    assert any("有机婴儿米粉" in line for line in lines)


def test_balanced_lines_avoid_a_lone_last_character() -> None:
    text = "原来有机婴儿米粉可以这样选吗"
    greedy = break_lines(text, 13, _width)
    balanced = break_lines(text, 13, _width, balance=True)
    assert [len(x) for x in greedy] == [13, 1]
    assert len(balanced) == 2 and min(len(x) for x in balanced) >= 6


def test_a_word_wider_than_the_box_is_split_rather_than_overflowing() -> None:
    lines = break_lines("Supercalifragilistic", 6, _width)
    assert all(len(line) <= 6 for line in lines)
    assert "".join(lines) == "Supercalifragilistic"
