"""Variant content as plain form fields and back (the TUI's edit dialog), and the dialog on
a title variant: one title per line with its angle, no YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from tui_testkit import make_app, open_variants, settle

from workbench.errors import InputError
from workbench.tui.dialogs.edit_content import EditDialog
from workbench.tui.edit_fields import content_from, fields_of

COPY = {
    "title": None,
    "body": "第一行\n第二行",
    "hashtags": ["辅食", "宝妈"],
    "cta": "点击下单",
    "length": 7,
}
TITLES = {"titles": [{"text": "宝宝第一口", "angle": "安心"}, {"text": "会员日", "angle": "利益"}]}


def test_copy_fields_are_plain_text_and_round_trip() -> None:
    fields = fields_of(COPY)
    assert [(f.key, f.kind) for f in fields] == [
        ("title", "line"),
        ("body", "text"),
        ("hashtags", "lines"),
        ("cta", "line"),
    ]
    assert fields[2].text == "辅食\n宝妈"
    typed = {"body": "新的正文\n第二行\n", "hashtags": "辅食\n\n  新品 \n", "title": "  "}
    content = content_from(COPY, fields, typed, "variant 1")
    assert content == {
        "title": None,
        "body": "新的正文\n第二行",
        "hashtags": ["辅食", "新品"],
        "cta": "点击下单",
    }


def test_rows_keep_their_columns_and_a_bad_row_names_the_field() -> None:
    fields = fields_of(TITLES)
    assert fields[0].kind == "rows" and fields[0].columns == ("text", "angle")
    assert fields[0].text == "宝宝第一口 | 安心\n会员日 | 利益"
    content = content_from(TITLES, fields, {"titles": "新标题 | 好奇\n会员日|利益"}, "v")
    assert content["titles"] == [
        {"text": "新标题", "angle": "好奇"},
        {"text": "会员日", "angle": "利益"},
    ]
    with pytest.raises(InputError) as caught:
        content_from(TITLES, fields, {"titles": "只有标题"}, "variant 9")
    assert str(caught.value) == "variant 9: titles: line 1: expected 2 parts (text | angle)"


def test_nested_data_stays_yaml_for_that_field_only() -> None:
    script = {"hook": "开场", "duration": 30, "shots": [{"start": 0, "end": 3, "visual": "x"}]}
    fields = {f.key: f for f in fields_of(script)}
    assert fields["hook"].kind == "line" and fields["duration"].kind == "number"
    assert fields["shots"].kind == "yaml" and fields["shots"].text.startswith("shots:")
    typed = {"duration": "30", "shots": "shots:\n- {start: 0, end: 4, visual: y}\n"}
    content = content_from(script, list(fields.values()), typed, "v")
    assert content["duration"] == 30 and isinstance(content["duration"], int)
    assert content["shots"] == [{"start": 0, "end": 4, "visual": "y"}]
    with pytest.raises(InputError, match="duration: must be a number"):
        content_from(script, list(fields.values()), {"duration": "thirty"}, "v")


async def test_editing_a_title_in_the_form(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_variants(pilot, app)
        while (current := screen.current_variant()) is not None and current.kind != "title":
            await pilot.press("down")
            await settle(pilot)
        assert current is not None
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        text = dialog.query_one("#edit-text", Input)
        assert text.value == current.content["text"]
        assert dialog.query_one("#edit-angle", Input).value == current.content["angle"]
        assert not dialog.query(TextArea)  # two short fields: no text area, no YAML
        text.value = "宝宝辅食第一口"
        dialog.query_one("#edit-comment", Input).value = "换标题"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        new = screen.current_variant()
        assert new is not None and new.parent_id == current.id
        assert new.content["text"] == "宝宝辅食第一口"
        assert new.content["angle"] == current.content["angle"]
