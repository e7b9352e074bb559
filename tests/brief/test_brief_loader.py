"""Loading briefs: the examples load, and every bad input gives exact one-line problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.brief.loader import LoadedBrief, load_brief, load_brief_text, validate_briefs
from workbench.brief.models import Segment
from workbench.errors import InputError
from workbench.segments import SegmentLibrary

FIXTURES = Path(__file__).parent / "fixtures"
MEMBER_DAY = (FIXTURES / "member-day.yaml").read_text(encoding="utf-8")
LABEL = "march.yaml"

LIBRARY = SegmentLibrary(
    [
        Segment(id="new-moms", name="新手妈妈", lifecycle="new"),
        Segment(id="students", name="学生党", tone="活泼"),
    ]
)


def edit(old: str, new: str) -> str:
    assert old in MEMBER_DAY, old
    return MEMBER_DAY.replace(old, new, 1)


def problems_of(text: str, library: SegmentLibrary | None = LIBRARY) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_brief_text(text, LABEL, library)
    lines = str(caught.value).splitlines()
    assert lines == [str(p) for p in caught.value.problems]
    return lines


@pytest.mark.parametrize("name", ["member-day.yaml", "store-opening-week.yaml"])
def test_example_briefs_load(name: str) -> None:
    loaded = load_brief(FIXTURES / name)
    assert isinstance(loaded, LoadedBrief)
    assert loaded.path == FIXTURES / name
    assert loaded.raw == (FIXTURES / name).read_text(encoding="utf-8")
    assert all(isinstance(s, Segment) for s in loaded.brief.segments)
    assert len(loaded.content_hash) == 64


def test_job_count_multiplies_segments_deliverables_styles_variants() -> None:
    loaded = load_brief(FIXTURES / "member-day.yaml")
    # 2 segments x (copy 2 styles x 3 + sms 1 x 2 + title 1 x 10 + poster 1 x 2 + video 1 x 2)
    assert loaded.job_count() == 2 * (6 + 2 + 10 + 2 + 2)
    store = load_brief(FIXTURES / "store-opening-week.yaml")
    assert store.job_count() == 2 * (2 + 2 + 2 + 1)
    assert store.brief.campaign.id == "春熙路新店开业周"


def test_content_hash_ignores_comments_and_whitespace() -> None:
    plain = load_brief_text(MEMBER_DAY, LABEL)
    noisy = "# a comment\n\n" + MEMBER_DAY.replace("variants: 3", "variants:    3   # three")
    assert load_brief_text(noisy, LABEL).content_hash == plain.content_hash
    changed = load_brief_text(edit("variants: 3", "variants: 4"), LABEL)
    assert changed.content_hash != plain.content_hash


def test_library_ids_resolve_to_segments() -> None:
    text = edit("segments:\n", "segments:\n  - students\n")
    loaded = load_brief_text(text, LABEL, LIBRARY)
    resolved = loaded.brief.resolved_segments()  # every library id became a Segment
    assert [s.id for s in resolved] == ["students", "new-moms", "dormant-vip"]
    assert loaded.brief.segment("students").tone == "活泼"
    assert loaded.job_count() == 3 * 22


def test_dates_and_numbers_in_text_fields() -> None:
    loaded = load_brief_text(edit("  name: 三月会员日\n", "  name: 618\n"), LABEL)
    assert loaded.brief.campaign.name == "618"
    assert str(loaded.brief.campaign.product.deadline) == "2026-03-15"


CASES: list[tuple[str, str, list[str]]] = [
    (
        "top-level typo",
        MEMBER_DAY + "experimnet: {}\n",
        ["march.yaml:58: experimnet: unknown key 'experimnet' (did you mean 'experiment'?)"],
    ),
    (
        "nested typo",
        edit("    variants: 2\n    styles: [specific]", "    varients: 2\n    styles: [specific]"),
        [
            "march.yaml:41: deliverables[1].varients: unknown key 'varients' "
            "(did you mean 'variants'?)"
        ],
    ),
    (
        "deeply nested typo",
        edit("    voice:", "    vioce:"),
        ["march.yaml:8: campaign.brand.vioce: unknown key 'vioce' (did you mean 'voice'?)"],
    ),
    (
        "variants 0",
        edit("variants: 2\n    styles: [specific]", "variants: 0\n    styles: [specific]"),
        ["march.yaml:41: deliverables[1].variants: must be between 1 and 50 (got 0)"],
    ),
    (
        "variants 51",
        edit("variants: 10", "variants: 51"),
        ["march.yaml:45: deliverables[2].variants: must be between 1 and 50 (got 51)"],
    ),
    (
        "variants not a number",
        edit("variants: 10", "variants: lots"),
        ["march.yaml:45: deliverables[2].variants: must be a whole number (got 'lots')"],
    ),
    (
        "bad style",
        edit("[agent, example]", "[agent, fancy]"),
        [
            "march.yaml:37: deliverables[0].styles[1]: must be one of: agent, example, "
            "instruction, specific, hybrid (got 'fancy')"
        ],
    ),
    (
        "repeated style",
        edit("[agent, example]", "[agent, agent]"),
        ["march.yaml:37: deliverables[0].styles: each style may be listed once"],
    ),
    (
        "bad kind",
        edit("kind: title", "kind: titel"),
        [
            "march.yaml:43: deliverables[2].kind: unknown kind 'titel' (did you mean 'title'?); "
            "must be one of: copy, title, poster, video_script, live_script, theme_post"
        ],
    ),
    (
        "missing kind",
        edit("  - kind: title\n", "  - template: plain\n"),
        [
            "march.yaml:43: deliverables[2].kind: missing; "
            "must be one of: copy, title, poster, video_script, live_script, theme_post"
        ],
    ),
    (
        "bad channel",
        edit("channel: sms", "channel: wechat"),
        [
            "march.yaml:40: deliverables[1].channel: must be one of: community, moments, sms, "
            "push, xiaohongshu, douyin, wechat_article (got 'wechat')"
        ],
    ),
    (
        "bad poster size",
        edit("size: xiaohongshu", "size: [1080]"),
        [
            "march.yaml:47: deliverables[3].size: must be a preset name such as 'xiaohongshu' "
            "or [width, height] in pixels"
        ],
    ),
    (
        "duration out of range",
        edit("duration: 30", "duration: 2"),
        ["march.yaml:53: deliverables[4].duration: must be between 5 and 600 (got 2)"],
    ),
    (
        "missing campaign.name",
        edit("  name: 三月会员日\n", ""),
        ["march.yaml:1: campaign.name: required field is missing"],
    ),
    (
        "missing brand name",
        edit("    name: 小鹿母婴\n", ""),
        ["march.yaml:6: campaign.brand.name: required field is missing"],
    ),
    (
        "missing inline segment name",
        edit("    name: 沉睡VIP\n", ""),
        ["march.yaml:26: segments[1].name: required field is missing"],
    ),
    (
        "missing deliverables",
        MEMBER_DAY[: MEMBER_DAY.index("deliverables:")],
        ["march.yaml:1: deliverables: required field is missing"],
    ),
    (
        "empty segments list",
        MEMBER_DAY[: MEMBER_DAY.index("segments:")]
        + "segments: []\n"
        + MEMBER_DAY[MEMBER_DAY.index("deliverables:") :],
        ["march.yaml:19: segments: must have at least 1 item"],
    ),
    (
        "duplicate segment ids",
        edit("  - id: dormant-vip", "  - id: new-moms"),
        [
            "march.yaml:26: segments[1].id: duplicate segment id 'new-moms' "
            "(already used by segments[0])"
        ],
    ),
    (
        "library id duplicating an inline segment",
        edit("segments:\n", "segments:\n  - new-moms\n"),
        [
            "march.yaml:21: segments[1].id: duplicate segment id 'new-moms' "
            "(already used by segments[0])"
        ],
    ),
    (
        "unknown library segment",
        edit("segments:\n", "segments:\n  - new-mom\n"),
        [
            "march.yaml:20: segments[0]: unknown segment 'new-mom' (did you mean 'new-moms'?); "
            "known segments: new-moms, students"
        ],
    ),
    (
        "segment neither id nor mapping",
        edit("segments:\n", "segments:\n  - [a, b]\n"),
        [
            "march.yaml:20: segments[0]: must be a segment id from the library or a mapping "
            "defining a segment (got a list)"
        ],
    ),
    (
        "bad lifecycle and rfm level",
        edit(
            "lifecycle: dormant\n    rfm: {recency: low", "lifecycle: asleep\n    rfm: {recency: lo"
        ),
        [
            "march.yaml:29: segments[1].lifecycle: must be one of: new, growing, mature, "
            "declining, dormant, churned, active (got 'asleep')",
            "march.yaml:30: segments[1].rfm.recency: must be one of: low, mid, high (got 'lo')",
        ],
    ),
    (
        "bad colour",
        edit('"#FFFFFF"', '"white"'),
        ["march.yaml:11: campaign.brand.colors[1]: 'white' is not a #RGB or #RRGGBB colour"],
    ),
    (
        "bad date",
        edit("deadline: 2026-03-15", "deadline: 2026-13-45"),
        [
            "march.yaml:17: campaign.product.deadline: must be a date like 2026-03-15 "
            "(got '2026-13-45')"
        ],
    ),
    (
        "bad landing url",
        edit("https://example.com/m/rice", "example.com/m/rice"),
        [
            "march.yaml:18: campaign.product.landing_url: 'example.com/m/rice' is not an "
            "http:// or https:// address"
        ],
    ),
    (
        "bad goal",
        edit("goal: repurchase", "goal: retain"),
        [
            "march.yaml:4: campaign.goal: must be one of: acquire, activate, convert, "
            "repurchase, refer (got 'retain')"
        ],
    ),
    (
        "negative price",
        edit("price: 89", "price: -1"),
        ["march.yaml:14: campaign.product.price: must be at least 0 (got -1)"],
    ),
    (
        "alpha out of range",
        edit("alpha: 0.05", "alpha: 0.7"),
        ["march.yaml:57: experiment.alpha: must be greater than 0 and less than 0.5 (got 0.7)"],
    ),
    (
        "empty brand mapping",
        edit("  product:\n", "  product:\n").replace(
            MEMBER_DAY[MEMBER_DAY.index("  brand:\n") : MEMBER_DAY.index("  product:\n")],
            "  brand:\n",
        ),
        ["march.yaml:6: campaign.brand: must be a mapping of keys and values (got an empty value)"],
    ),
    (
        "duplicate key",
        edit("  goal: repurchase\n", "  goal: repurchase\n  goal: convert\n"),
        ["march.yaml:5: campaign.goal: duplicate key 'goal' (first defined on line 4)"],
    ),
    (
        "several problems, in file order",
        edit("variants: 10", "variants: 0").replace("channel: sms", "channel: mms"),
        [
            "march.yaml:40: deliverables[1].channel: must be one of: community, moments, sms, "
            "push, xiaohongshu, douyin, wechat_article (got 'mms')",
            "march.yaml:45: deliverables[2].variants: must be between 1 and 50 (got 0)",
        ],
    ),
    (
        "empty text",
        "",
        [f"{LABEL}: empty file; expected a brief with campaign, segments and deliverables"],
    ),
    (
        "whitespace and comments only",
        "  \n# nothing here\n\n",
        [f"{LABEL}: empty file; expected a brief with campaign, segments and deliverables"],
    ),
    (
        "list root",
        "- campaign\n- segments\n",
        [
            "march.yaml:1: expected a mapping with campaign, segments and deliverables at "
            "the top, found a list"
        ],
    ),
    (
        "scalar root",
        "\n三月会员日\n",
        [
            "march.yaml:2: expected a mapping with campaign, segments and deliverables at "
            "the top, found a single line of text"
        ],
    ),
    (
        "syntax error: bad indentation",
        "campaign:\n  name: x\n brand: y\n",
        ["march.yaml:3: YAML syntax error: indentation does not line up with the lines above"],
    ),
    (
        "syntax error: unclosed flow list",
        "campaign: [a, b\nsegments: x\n",
        [
            "march.yaml:2: YAML syntax error: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence on line 1)"
        ],
    ),
    (
        "syntax error: tab",
        "campaign:\n\tname: x\n",
        ["march.yaml:2: YAML syntax error: tab character; indent with spaces, not tabs"],
    ),
    (
        "two documents",
        "campaign: {}\n---\nsegments: []\n",
        [
            "march.yaml:2: YAML syntax error: more than one YAML document ('---'); "
            "keep one document per file"
        ],
    ),
    (
        "python tag",
        MEMBER_DAY + "x: !!python/object/apply:os.system [ls]\n",
        [
            "march.yaml:58: YAML error: unsupported tag '!!python/object/apply:os.system'; "
            "plain YAML values only"
        ],
    ),
    (
        "control character",
        "campaign:\n  name: a\x07b\n",
        ["march.yaml:2: contains a control character (#x0007) that YAML does not allow"],
    ),
    (
        "non-text key",
        MEMBER_DAY + "? [a]\n: 1\n",
        ["march.yaml:58: YAML error: a key must be plain text, not a list or a mapping"],
    ),
    (
        "number key",
        MEMBER_DAY + "1: x\n",
        ["march.yaml:58: 1: unknown key '1'"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_brief_text(text: str, expected: list[str]) -> None:
    assert problems_of(text) == expected


def test_unknown_segment_with_empty_library() -> None:
    text = edit("segments:\n", "segments:\n  - office-workers\n")
    assert problems_of(text, library=None) == [
        "march.yaml:20: segments[0]: unknown segment 'office-workers'; the segment library is "
        "empty (define the segment inline with id and name, or add it to segments.yaml)"
    ]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


FILE_CASES: list[tuple[str, bytes | None, str]] = [
    ("missing file", None, "march.yaml: file not found"),
    (
        "empty file",
        b"",
        "march.yaml: empty file; expected a brief with campaign, segments and deliverables",
    ),
    (
        "binary file",
        b"PK\x03\x04\x00\x00\x01",
        "march.yaml:1: binary file (contains NUL bytes), not YAML",
    ),
    (
        "invalid utf-8",
        "campaign:\n  name: 会员日\n".encode() + b"  goal: \xff\xfe\n",
        "march.yaml:3: not valid UTF-8 text (bad byte 0xff); save it as UTF-8",
    ),
    (
        "list root",
        b"- a\n",
        "march.yaml:1: expected a mapping with campaign, segments and deliverables at the top, "
        "found a list",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_bad_brief_file(in_tmp: Path, content: bytes | None, expected: str) -> None:
    if content is not None:
        (in_tmp / LABEL).write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_brief(Path(LABEL))
    assert str(caught.value) == expected


def test_directory_is_not_a_brief(in_tmp: Path) -> None:
    (in_tmp / "briefs").mkdir()
    with pytest.raises(InputError) as caught:
        load_brief(Path("briefs"))
    assert str(caught.value) == "briefs: is a directory, not a YAML file"


def test_utf8_bom_is_accepted(in_tmp: Path) -> None:
    (in_tmp / LABEL).write_bytes(b"\xef\xbb\xbf" + MEMBER_DAY.encode())
    assert load_brief(Path(LABEL)).brief.campaign.name == "三月会员日"


def test_validate_briefs_collects_problems_across_files(in_tmp: Path) -> None:
    (in_tmp / "good.yaml").write_text(MEMBER_DAY, encoding="utf-8")
    (in_tmp / "bad.yaml").write_text(edit("variants: 10", "variants: 51"), encoding="utf-8")
    (in_tmp / "list.yaml").write_text("- a\n", encoding="utf-8")
    paths = [Path("good.yaml"), Path("bad.yaml"), Path("list.yaml"), Path("gone.yaml")]
    with pytest.raises(InputError) as caught:
        validate_briefs(paths, LIBRARY)
    assert str(caught.value).splitlines() == [
        "bad.yaml:45: deliverables[2].variants: must be between 1 and 50 (got 51)",
        "list.yaml:1: expected a mapping with campaign, segments and deliverables at the top, "
        "found a list",
        "gone.yaml: file not found",
    ]
    loaded = validate_briefs([Path("good.yaml"), FIXTURES / "store-opening-week.yaml"], LIBRARY)
    assert [b.brief.campaign.name for b in loaded] == ["三月会员日", "春熙路新店开业周"]


def test_asset_path_is_relative_to_the_brief() -> None:
    loaded = load_brief(FIXTURES / "member-day.yaml")
    assert loaded.asset_path("brand/logo.png") == FIXTURES / "brand" / "logo.png"
