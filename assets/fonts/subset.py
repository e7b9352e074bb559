"""Rebuild the bundled font subsets (one-off; needs fontTools and Debian's fonts-noto-cjk).

    apt-get install fonts-noto-cjk && .venv/bin/pip install fonttools
    .venv/bin/python assets/fonts/subset.py

Characters: ASCII, Latin-1 punctuation, GB2312 symbol rows 1 and 3, GB2312 level-1 hanzi
(3,755 common characters), CJK symbols and punctuation, full-width forms, plus every CJK
character in the repository's example briefs, few-shot examples and offline phrase books.
fontTools is not a project dependency: only this script uses it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SOURCES = {
    "Regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "Bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
CHARS_FILE = "NotoSansSC-subset.chars.txt"
SC_FACE = 2  # TTC face index of Noto Sans CJK SC
SHARED_BRIEFS = ROOT.parent / "shared" / "examples" / "briefs"  # when present beside the repo
EXTRA_TEXT = [
    "templates/briefs/*.yaml",
    "templates/examples/*.yaml",
    "templates/posters/*.yaml",
    "templates/segments.yaml",
    "workbench/llm/offline/phrases_zh.py",
    "workbench/poster/sample.py",
]


def gb2312_rows(rows: range) -> set[str]:
    chars: set[str] = set()
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row + 0xA0, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def charset() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0xA0, 0x100)}
    chars |= set("–—‘’“”…·•※→←↑↓√×÷°℃№")
    chars |= gb2312_rows(range(1, 2)) | gb2312_rows(range(3, 4))
    chars |= gb2312_rows(range(16, 56))  # level 1
    chars |= {chr(c) for c in range(0x3000, 0x3040)}
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}
    cjk = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
    for pattern in EXTRA_TEXT:
        for path in ROOT.glob(pattern):
            chars |= set(cjk.findall(path.read_text(encoding="utf-8")))
    for path in sorted(SHARED_BRIEFS.glob("*.yaml")):
        chars |= set(cjk.findall(path.read_text(encoding="utf-8")))
    return "".join(sorted(chars))


def build(weight: str, source: str, text: str) -> Path:
    font = TTCollection(source).fonts[SC_FACE]
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2", "halt", "palt", "locl"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = HERE / f"NotoSansSC-{weight}-subset.otf"
    font.save(str(out))
    return out


def main() -> int:
    text = charset()
    covered: set[str] | None = None
    for weight, source in SOURCES.items():
        out = build(weight, source, text)
        cmap = TTFont(str(out)).getBestCmap()
        chars = {chr(cp) for cp in cmap}
        covered = chars if covered is None else covered & chars
        print(f"{out.name}: {len(chars)} characters, {out.stat().st_size / 1e6:.2f} MB")
    # The renderer reads this list to know when to fall back to a system font.
    listing = "".join(sorted(c for c in covered or set() if c.isprintable()))
    lines = [listing[i : i + 64] for i in range(0, len(listing), 64)]
    (HERE / CHARS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
