from __future__ import annotations

from workbench.guards.text import clean_cell, clean_data, clean_text, for_display, has_controls

HOSTILE = "标题\x1b[31m红\x0b字\x07\x9b2J\x00尾"


def test_clean_text_drops_c0_c1_and_del_but_keeps_tab_and_newline() -> None:
    assert clean_text(HOSTILE) == "标题[31m红字2J尾"
    assert clean_text("a\tb\nc") == "a\tb\nc"
    assert clean_text("a\r\nb\rc\x7f") == "a\nb\nc"


def test_lone_surrogates_become_replacement_characters() -> None:
    assert clean_text("x\ud800y") == "x\ufffdy"
    assert for_display("x\udfffy") == "x\ufffdy"


def test_clean_data_walks_keys_lists_and_nested_mappings() -> None:
    data = {"t\x1b": ["a\x1bb", {"c": "d\x9be"}], "n": 5, "none": None}
    assert clean_data(data) == {"t": ["ab", {"c": "de"}], "n": 5, "none": None}


def test_display_makes_controls_visible_instead_of_executing_them() -> None:
    shown = for_display("a\x1b]0;pwn\x07b")
    assert shown == "a\\x1b]0;pwn\\x07b"
    assert not has_controls(shown)
    assert for_display("普通\t文本\n") == "普通\t文本\n"


def test_cells_keep_cr_but_lose_what_openpyxl_refuses() -> None:
    assert clean_cell("\rx\x0b\x1by") == "\rxy"
