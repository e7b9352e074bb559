"""``workbench ab`` and every import's errors in a zh-CN workspace (#18): Chinese after the
``file:line: field:`` prefix or ``错误：``, import columns named by their Chinese header, and
the command line's own usage errors in Chinese too (English stays English in en-US)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_testkit import Cli

from workbench.cli.main import run
from workbench.errortexts import PART_WORDS
from workbench.i18n import CATALOG

CAMPAIGN = "member-day-2026-03"
HEADER = "variant_id,date,impressions,clicks,conversions\n"
# what may stay in Latin letters inside a Chinese message: names the operator types or
# file formats, never English prose
LATIN_OK = {
    "workbench", "stop", "campaigns", "ab", "YYYY", "MM", "DD", "UTF", "GBK", "CSV", "JSON",
    "ISO", "XLSX", "xlsx", "csv", "ts", "utm_content", "url", "user_id", "mde", "baseline",
    "click", "conversion", "share", "copy", "community", "deliverables", "new", "moms", "uid",
}  # fmt: skip


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ab-zh")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(folder))
        mp.setenv("WORKBENCH_LANG", "zh-CN")
        mp.chdir(folder)
        assert run(["init", str(folder)]) == 0
        assert run(["generate", str(folder / "briefs" / "member-day.yaml"), "--offline"]) == 0
        ids = [str(i) for i in range(1, 9)]
        assert run(["review", "approve", *ids, "--reviewer", "小王"]) == 0
        assert run(["ab", "create", "--campaign", CAMPAIGN, "--segment", "new-moms"]) == 0
    return folder / "workbench.db"


@pytest.fixture
def zh(
    generated: Path,
    copy_db: Callable[[Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    monkeypatch.setenv("WORKBENCH_DB", str(copy_db(generated)))
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    files = {
        "empty.csv": "",
        "header-only.csv": "variant_id,date,impressions\n",
        "unknown-col.csv": HEADER.replace("\n", ",foo\n") + "1,2026-03-10,9,1,1,2\n",
        "bad-rows.csv": HEADER + "1,2026-13-10,10,3,1\nzz,2026-03-10,-1,x,1\n1,2026-03-11,5,9,1\n"
        "1,2026-03-12,10,3\n",
        "zh-header.csv": "变体ID,日期,曝光,点击,转化\n1,2026/13/10,10,3,1\n",
        "unknown-variant.csv": HEADER + "999,2026-03-10,10,3,1\n",
        "repeated.csv": HEADER + "1,2026-03-10,10,3,1\n1,2026-03-10,10,3,1\n",
        "events.jsonl": '{"user_id": "", "variant_id": 1, "event": "buy", "ts": "x"}\n'
        "not json\n[1]\n",
        "none.jsonl": "",
        "scans.csv": "foo\n1\n",
        "scans-nokey.csv": "ts,url\n2026-03-10T10:00:00,https://a.cn/\n",
        "users-nocol.csv": "name\nx\n",
        "users-repeat.csv": "user_id\na\na\n",
        "users-none.csv": "user_id\n",
    }  # fmt: skip
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    return tmp_path


def _messages(err: str) -> list[str]:
    """Each stderr line's message: what follows the prefix (``错误：`` or ``file:line: field:``)."""
    found = []
    for line in err.strip().splitlines():
        cjk = re.search(r"[\u4e00-\u9fff]", line)
        assert cjk, f"no Chinese in {line!r}"
        start = line.rfind(": ", 0, cjk.start())
        found.append(line[start + 2 if start >= 0 else 0 :])
    return found


def _english_left(message: str) -> list[str]:
    text = re.sub(r"--[\w-]+|'[^']*'|\"[^\"]*\"", " ", message.replace(CAMPAIGN, " "))
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", text) if w not in LATIN_OK]


CASES = [
    (("ab", "create", "--campaign", "nosuch"), "错误：找不到活动"),
    (("ab", "create", "--campaign", CAMPAIGN, "--variants", "1"), "只能用一种"),
    (("ab", "create", "--campaign", CAMPAIGN, "--weights", "1,x"), "必须是用逗号分隔的数字"),
    (
        ("ab", "create", "--campaign", CAMPAIGN, "--alpha", "2"),
        "--alpha: 2.0: 必须在 0 到 0.5 之间",
    ),
    (("ab", "create", "--campaign", CAMPAIGN, "--segment", "nosuch"), "里没有符合这些条件的变体"),
    (("ab", "create", "--campaign", CAMPAIGN, "--metric", "foo"), "只能是其中之一：click"),
    (("ab", "create", "--campaign", CAMPAIGN, "--mde", "0"), "--mde: 0.0: 必须大于 0"),
    (("ab", "create", "--variants", "1,1"), "同一个变体写了两次"),
    (("ab", "create", "--variants", "1,999"), "--variants: 999: 没有这个变体"),
    (("ab", "create", "--variants", "1,2"), "已是进行中的实验 #"),
    (
        ("ab", "create", "--variants", "9,10"),
        "--variants: 9: 状态是 草稿，还没通过审核（或加 --include-drafts）",
    ),
    (("ab", "report", "99"), "错误：找不到实验 99"),
    (("ab", "stop", "99"), "错误：找不到实验 99"),
    (("ab", "promote", "1"), "错误：实验 1 还没有胜出者（结论：还没有数据）"),
    (("ab", "promote", "1", "--force"), "--force 要同时写 --reason"),
    (("ab", "size", "--baseline", "2", "--mde", "0.1"), "baseline 必须大于 0 且小于 1"),
    (("ab", "size", "--baseline", "0.1", "--mde", "0"), "mde 不能为 0"),
    (("ab", "size", "--baseline", "0.9", "--mde", "0.5"), "不是 0 到 1 之间的比率"),
    (("ab", "assign", "1", "--holdout", "2", "--users", "x.csv"), "必须大于等于 0 且小于 1"),
    (("ab", "assign", "1", "--users", "users-nocol.csv"), "表头必须有 user_id 列"),
    (
        ("ab", "assign", "1", "--users", "users-repeat.csv"),
        "users-repeat.csv:3: user_id: 'a' 与第 2 行重复",
    ),
    (("ab", "assign", "1", "--users", "users-none.csv"), "文件里没有用户"),
    (("ab", "import", "nosuch.csv"), "nosuch.csv: 找不到文件"),
    (("ab", "import", "empty.csv"), "文件是空的：第一行应该是表头"),
    (
        ("ab", "import", "header-only.csv"),
        "header-only.csv:1: 点击: 缺少这一列；表头应为 变体ID,日期,曝光",
    ),
    (("ab", "import", "unknown-col.csv"), "unknown-col.csv:1: foo: 没有这一列"),
    (("ab", "import", "bad-rows.csv"), "bad-rows.csv:3: 曝光: '-1' 不是大于等于 0 的整数"),
    (("ab", "import", "bad-rows.csv"), "bad-rows.csv:4: 点击: 9 超过了曝光数 5"),
    (("ab", "import", "bad-rows.csv"), "bad-rows.csv:5: 这一行有 4 个字段，表头有 5 个"),
    (("ab", "import", "zh-header.csv"), "zh-header.csv:2: 日期: '2026/13/10' 不是日期（写成"),
    (("ab", "import", "unknown-variant.csv"), "变体ID: '999' 不是任何实验里的变体"),
    (("ab", "import", "repeated.csv"), "的数据与第 2 行重复"),
    (("ab", "import", "binary.csv"), "不是 UTF-8 文本（也不是 UTF-16 或 GBK）"),
    (("ab", "import", "adir"), "adir: 是文件夹，不是文本文件"),
    (("ab", "import-events", "events.jsonl"), "events.jsonl:1: user_id: 必须是非空的文字或数字"),
    (("ab", "import-events", "events.jsonl"), "events.jsonl:2: 不是 JSON：这里缺一个值"),
    (("ab", "import-events", "events.jsonl"), "events.jsonl:3: 每一行都必须是一个 JSON 对象"),
    (("ab", "import-events", "none.jsonl"), "none.jsonl: 没有事件"),
    (("ab", "import-scans", "scans.csv"), "表头要有 ts 列，以及 utm_content 或 url 列"),
    (("ab", "import-scans", "scans-nokey.csv"), "没有 utm_content"),
    (("review", "import", "empty.csv"), "empty.csv:1: 文件是空的"),
    (("review", "import", "adir"), "是文件夹"),
    (
        ("ab", "create", "--deliverable", "x"),
        "workbench ab create: 错误：'--deliverable' 的值不对：应该是整数",
    ),
    (("ab", "create", "--alpha"), "错误：选项 '--alpha' 后面要写一个值"),
    (("ab", "nosuch"), "workbench ab: 错误：没有 'nosuch' 这个命令"),
    (("ab", "create", "--varients", "1"), "没有 --varients 这个选项（是不是想写：--variants）"),
    (("review", "approve"), "workbench review approve: 错误：缺少参数 'ids'"),
    (("ab", "list", "x"), "错误：多了参数：x"),
]


@pytest.mark.parametrize(
    ("args", "expected"), CASES, ids=lambda x: " ".join(x) if isinstance(x, tuple) else None
)
def test_ab_and_import_errors_are_chinese_in_zh_cn(
    zh: Path, cli: Cli, args: tuple[str, ...], expected: str
) -> None:
    code, _, err = cli(*args)
    assert code != 0
    assert expected in err, err
    for message in _messages(err):
        assert not _english_left(message), message


def test_en_us_keeps_the_english_messages(
    zh: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "en-US")
    code, _, err = cli("ab", "import", "bad-rows.csv")
    assert code == 2 and "bad-rows.csv:3: impressions: '-1' is not a whole number >= 0" in err
    code, _, err = cli("ab", "nosuch")
    assert code == 2 and err.strip() == "workbench ab: error: No such command 'nosuch'."


def test_status_words_agree_with_the_catalog() -> None:
    shared = [s for s in PART_WORDS["status"] if f"cal.status.{s}" in CATALOG]
    assert len(shared) >= 5
    for status in shared:
        assert PART_WORDS["status"][status] == CATALOG[f"cal.status.{status}"][0], status
