"""Script exports: SRT round-trips through an independent parser, sheets, CSV/XLSX safety."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import timedelta
from typing import Any

import pytest
import srt
from openpyxl import load_workbook

from workbench.errors import InputError
from workbench.kinds.channels import weighted_len
from workbench.scripts import export_variant
from workbench.scripts.srt import LINE_MAX, cues, to_srt, wrap
from workbench.scripts.timecode import clock_minutes, clock_seconds, srt_time
from workbench.scripts.writers import neutralise
from workbench.store.variantrecord import FullVariant


def shot(start: float, end: float, vo: str, **kw: Any) -> dict[str, Any]:
    base = {"start": start, "end": end, "shot_size": "中景", "visual": "画面", "voiceover": vo,
            "onscreen_text": "", "sound": "", "props": "", "cue": ""}  # fmt: skip
    base.update(kw)
    return base


ZH: Any = {  # stored content as the export reads it (JSON)
    "title": "有机米粉会员日",
    "cover_text": "满199减50",
    "hook": "别划走！",
    "cta": "点击下单",
    "hashtags": ["母婴"],
    "duration": 30,
    "shots": [
        shot(0, 2.5, "别划走！"),
        shot(
            2.5,
            12,
            "有机认证，高铁配方，独立小包装，一次一包刚刚好。宝宝六个月开始添加辅食正需要补铁。",
        ),
        shot(12, 13.5, ""),  # a silent shot: no subtitle
        shot(13.5, 25, "会员日满199减50，再送试吃装，相当于约7.5折，活动截至3月15日。"),
        shot(25, 30, "点击下单！"),
    ],
}
EN: Any = {
    **ZH,
    "shots": [
        shot(0, 3, "Stop scrolling!"),
        shot(3, 20, "Organic certified, iron fortified, single-serve packs that make "
                    "mealtimes simple for busy parents every single day of the week."),
        shot(20, 30, "Member day: 50 off every 199 until March 15. Order now!"),
    ],
}  # fmt: skip


def row(content: dict[str, Any], kind: str = "video_script", lang: str = "zh-CN") -> FullVariant:
    return FullVariant(
        id=7, uid="a1b2c3d4e5", campaign="c", segment="new-moms", kind=kind, channel="douyin",
        style="agent", framework=None, status="draft", provider="offline", model="offline",
        content=content, version=1, parent_id=None, round=1, deliverable_index=0, slot=0,
        job_key="k", generation_id=None, lint=None, created_at="", updated_at="",
        generation={"variables": {"lang": lang}},
    )  # fmt: skip


@pytest.mark.parametrize(("content", "lang"), [(ZH, "zh-CN"), (EN, "en-US")], ids=["zh", "en"])
def test_srt_round_trips_through_an_srt_parser(content: Any, lang: str) -> None:
    text = to_srt(content, lang)
    parsed = list(srt.parse(text))
    ours = cues(content, lang)
    assert len(parsed) == len(ours) >= len([s for s in content["shots"] if s["voiceover"]])
    assert [p.index for p in parsed] == list(range(1, len(parsed) + 1))
    for p, cue in zip(parsed, ours, strict=True):
        assert p.start == timedelta(milliseconds=cue.start_ms)
        assert p.end == timedelta(milliseconds=cue.end_ms) and p.end > p.start
        assert p.content == "\n".join(cue.lines)
        lines = p.content.split("\n")
        assert 1 <= len(lines) <= 2
        limit = LINE_MAX[lang]
        assert all((len(x) if lang == "en-US" else weighted_len(x)) <= limit for x in lines)
    for a, b in itertools.pairwise(parsed):
        assert a.end <= b.start  # no overlaps
    # composing the parsed subtitles again gives the same file (srt's own writer)
    assert srt.compose(parsed, reindex=False) == text
    # every cue lies inside a shot that speaks
    spans = [(s["start"] * 1000, s["end"] * 1000) for s in content["shots"] if s["voiceover"]]
    for cue in ours:
        assert any(a <= cue.start_ms and cue.end_ms <= b for a, b in spans)
    # the words survive (Chinese: minus the punctuation the subtitle convention drops)
    said = "".join(p.content for p in parsed).replace("\n", "").replace(" ", "")
    for s in content["shots"]:
        for word in ("有机认证", "Organic", "7.5", "March"):
            if word in s["voiceover"]:
                assert word in said


def test_chinese_subtitles_drop_stops_and_wrap() -> None:
    text = to_srt(ZH, "zh-CN")
    assert "。" not in text and "，" not in text and "！" in text
    assert wrap("一二三四五六七八九十一二三四五六七八", "zh-CN") == [
        "一二三四五六七八九十一二三四五六",
        "七八",
    ]
    assert wrap("aaa bbb ccc", "en-US") == ["aaa bbb ccc"]


def test_timecodes() -> None:
    assert srt_time(3_723_004) == "01:02:03,004" and srt_time(0) == "00:00:00,000"
    assert clock_seconds(8.6) == "0:08.6" and clock_seconds(75) == "1:15"
    assert clock_minutes(6.5) == "06:30" and clock_minutes(75) == "1:15:00"


def test_markdown_sheet_reads_as_a_table() -> None:
    content = dict(ZH, repairs=["shots: re-timed"])
    content["shots"] = [dict(s) for s in ZH["shots"]]
    content["shots"][1]["visual"] = "左|右\n两行"
    md = export_variant(row(content), "md").data
    assert isinstance(md, str)
    lines = md.splitlines()
    table = [x for x in lines if x.startswith("|")]
    assert len(table) == 2 + len(ZH["shots"])
    assert table[0].startswith("| 镜号 | 时间 | 时长 | 景别 | 画面/动作 | 口播")
    assert "拍摄提示" not in table[0]  # empty in every row: left out of the Markdown table
    assert "左\\|右<br>两行" in md and "| 0:02.5–0:12 | 9.5 秒 |" in md
    assert "> 自动修正：" in md and "**行动号召**：点击下单" in md


def test_csv_has_bom_all_columns_and_no_formulas() -> None:
    content = dict(ZH)
    content["shots"] = [dict(s) for s in ZH["shots"]]
    content["shots"][0].update(visual='=HYPERLINK("http://x")', props="+1", cue="@SUM(A1)")
    content["shots"][1].update(onscreen_text="-5折", sound="\tTAB")
    data = export_variant(row(content), "csv").data
    assert isinstance(data, str) and data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data[1:])))
    assert rows[0][-2:] == ["道具", "拍摄提示"] and len(rows) == 1 + len(ZH["shots"])
    first, second = rows[1], rows[2]
    assert first[4] == '\'=HYPERLINK("http://x")' and first[8] == "'+1" and first[9] == "'@SUM(A1)"
    assert second[6] == "'-5折" and second[7] == "'\tTAB"
    assert neutralise("普通文字") == "普通文字"


def test_xlsx_cells_are_text_never_formulas(tmp_path: Any) -> None:
    content = dict(ZH)
    content["shots"] = [dict(s) for s in ZH["shots"]]
    content["shots"][0]["visual"] = "=1+1"
    data = export_variant(row(content), "xlsx").data
    assert isinstance(data, bytes)
    path = tmp_path / "s.xlsx"
    path.write_bytes(data)
    book = load_workbook(path)
    ws = book.worksheets[0]
    assert [c.value for c in ws[1]][:4] == ["镜号", "时间", "时长", "景别"]
    cell = ws.cell(row=2, column=5)
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix
    assert ws.freeze_panes == "A2" and ws.max_row == 1 + len(ZH["shots"])
    info = book.worksheets[1]
    assert info.cell(row=1, column=2).value == "有机米粉会员日"


LIVE = {
    "title": "会员日专场",
    "minutes": 60,
    "platform": "douyin",
    "phases": [
        {"phase": name, "start": a, "end": b, "goal": f"{name}目标",
         "beats": [{"start": a, "end": b, "segment": "环节", "lines": f"{name}逐字稿",
                    "action": "展示", "interaction": kind}]}
        for name, a, b, kind in (("开场", 0, 6, "盖楼"), ("爬坡", 6, 24, "抽奖"),
                                 ("高潮", 24, 51, "限时秒杀"), ("落幕", 51, 60, ""))
    ],
    "fabe": {"feature": "F文字", "advantage": "A文字", "benefit": "B文字", "evidence": "E文字"},
    "recap": "复盘文字",
}  # fmt: skip


def test_live_run_sheet_exports() -> None:
    live = row(LIVE, kind="live_script")
    md = export_variant(live, "md").data
    assert isinstance(md, str)
    assert "| 阶段 | 时间 | 时长 | 环节 | 主播逐字稿 | 动作/展示/道具 | 互动 |" in md
    assert "| 落幕 | 51:00–1:00:00 | 9 分钟 |" in md
    assert "**E 证据**：E文字" in md and "## 结尾复盘" in md
    txt = export_variant(live, "txt").data
    assert isinstance(txt, str) and "[24:00–51:00] 环节 · 限时秒杀" in txt and "复盘文字" in txt
    rows = list(csv.reader(io.StringIO(str(export_variant(live, "csv").data)[1:])))
    assert len(rows) == 5 and rows[3][0] == "高潮"
    with pytest.raises(InputError, match="SRT subtitles are for video scripts"):
        export_variant(live, "srt")


def test_english_sheet_and_teleprompter() -> None:
    content = dict(EN, audience="customer")
    content["shots"] = [dict(s, cue="Hold the phone upright") for s in EN["shots"]]
    md = str(export_variant(row(content, lang="en-US"), "md").data)
    assert "| Shot | Time | Length | Size |" in md and "中景 (medium)" in md
    assert "customer co-creation" in md
    txt = str(export_variant(row(content, lang="en-US"), "txt").data)
    assert "[0:00–0:03] Shot 1\n(Hold the phone upright)\nStop scrolling!" in txt


def test_only_scripts_and_known_formats() -> None:
    with pytest.raises(InputError, match="must be one of srt, md, xlsx, csv, txt"):
        export_variant(row(ZH), "pdf")
    with pytest.raises(InputError, match="is copy; script export takes"):
        export_variant(row(ZH, kind="copy"), "md")
