"""Sheet writers: Markdown table, CSV (UTF-8 with BOM), XLSX, and teleprompter text.

Spreadsheet cells are neutralised against formula injection: a text cell starting with
``= + - @``, a tab or a carriage return gets a leading apostrophe in CSV; in XLSX the cell
is stored as plain text with Excel's quote prefix, so nothing is ever evaluated.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from workbench.kinds.records import LiveScriptContent, VideoScriptContent
from workbench.scripts.rows import Sheet, labels
from workbench.scripts.timecode import span_minutes, span_seconds

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
BOM = "\ufeff"


def neutralise(value: str) -> str:
    """``'`` before a cell a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _md_cell(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines()) or " "


def to_markdown(sheet: Sheet, lang: str) -> str:
    t = labels(lang)
    out = [f"# {sheet.title}", ""]
    out += [f"- **{k}**: {v}" if lang == "en-US" else f"- **{k}**：{v}" for k, v in sheet.facts]
    keep = [i for i in range(len(sheet.columns)) if any(r[i].strip() for r in sheet.rows)]
    keep = keep or list(range(len(sheet.columns)))  # drop columns empty in every row
    out += ["", "| " + " | ".join(sheet.columns[i] for i in keep) + " |"]
    out.append("|" + "|".join("---" for _ in keep) + "|")
    out += ["| " + " | ".join(_md_cell(row[i]) for i in keep) + " |" for row in sheet.rows]
    if sheet.notes:
        out += ["", f"## {t['fabe']}", ""]
        for key, text in sheet.notes:
            if key == t["recap"]:
                out += ["", f"## {key}", "", text]
            else:
                out.append(f"- **{key}**: {text}" if lang == "en-US" else f"- **{key}**：{text}")
    if sheet.repairs:
        out += ["", f"> {t['repairs']}:" if lang == "en-US" else f"> {t['repairs']}："]
        out += [f"> - {r}" for r in sheet.repairs]
    return "\n".join(out) + "\n"


def to_csv(sheet: Sheet) -> str:
    """The table with a header row, UTF-8 BOM first so Excel reads the Chinese right."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(sheet.columns)
    for row in sheet.rows:
        writer.writerow([neutralise(c) for c in row])
    return BOM + buf.getvalue()


def to_xlsx(sheets: list[tuple[str, Sheet]], lang: str) -> bytes:
    """A workbook: one table sheet per script (header frozen, text wrapped) plus its facts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    t = labels(lang)
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    used: set[str] = set()
    for name, sheet in sheets:
        ws = book.create_sheet(_sheet_name(name, used))
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font, cell.fill, cell.alignment = bold, head_fill, wrap
        for row in sheet.rows:
            ws.append([None] * len(row))
            for col, value in enumerate(row, start=1):
                _text_cell(ws.cell(row=ws.max_row, column=col), value, wrap)
        for col, column in enumerate(sheet.columns, start=1):
            longest = max([len(column), *(len(r[col - 1]) for r in sheet.rows)])
            ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = min(
                max(8, longest * 1.6), 48
            )
        ws.freeze_panes = "A2"
        info = book.create_sheet(_sheet_name(f"{name} {t['info']}", used))
        for key, value in [(t["title"], sheet.title), *sheet.facts, *sheet.notes]:
            info.append([None, None])
            _text_cell(info.cell(row=info.max_row, column=1), key, wrap)
            _text_cell(info.cell(row=info.max_row, column=2), value, wrap)
            info.cell(row=info.max_row, column=1).font = bold
        for repair in sheet.repairs:
            info.append([None, None])
            _text_cell(info.cell(row=info.max_row, column=1), t["repairs"], wrap)
            _text_cell(info.cell(row=info.max_row, column=2), repair, wrap)
        info.column_dimensions["A"].width = 18
        info.column_dimensions["B"].width = 80
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _text_cell(cell: Any, value: str, alignment: Any) -> None:
    """Plain text, never a formula: typed as a string, quote-prefixed when it looks like one."""
    cell.value = value
    cell.data_type = "s"
    cell.alignment = alignment
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:28] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        candidate, n = f"{base[:25]}~{n}", n + 1
    used.add(candidate.lower())
    return candidate


def _cue_only(cue: str, line: str) -> str:
    """The cue without a trailing quote of the line itself (the line follows it anyway)."""
    for quoted in (f"：「{line}」", f"「{line}」", f': "{line}"', f'"{line}"'):
        if line and cue.endswith(quoted):
            return cue[: -len(quoted)].rstrip("，, ：:")
    return cue


def live_teleprompter(content: LiveScriptContent, lang: str) -> str:
    """What the host reads: phases and beats in order, with time marks, then the recap."""
    t = labels(lang)
    out = [str(content.get("title", "")), ""]
    for phase in content.get("phases") or []:
        span = span_minutes(phase["start"], phase["end"])
        out += [f"==== {phase.get('phase', '')}  {span}  {phase.get('goal', '')}".rstrip(), ""]
        for beat in phase.get("beats") or []:
            mark = f"[{span_minutes(beat['start'], beat['end'])}] {beat.get('segment', '')}"
            if beat.get("interaction"):
                mark += f" · {beat['interaction']}"
            out += [mark, str(beat.get("lines", "")), ""]
    out += [f"==== {t['recap']}", str(content.get("recap", "")), ""]
    return "\n".join(out).rstrip() + "\n"


def video_teleprompter(content: VideoScriptContent, lang: str) -> str:
    """What the person on camera reads: the lines in order, with time marks and cues."""
    t = labels(lang)
    en = lang == "en-US"
    colon = ": " if en else "："
    out = [str(content.get("title", "")), ""]
    for i, shot in enumerate(content.get("shots") or [], start=1):
        head = f"[{span_seconds(shot['start'], shot['end'])}] {t['shot']} {i}"
        out.append(head)
        if cue := _cue_only(str(shot.get("cue") or ""), str(shot.get("voiceover") or "")):
            out.append(f"（{t['do']}{colon}{cue}）" if not en else f"({cue})")
        out += [str(shot.get("voiceover") or f"（{t['none']}）"), ""]
    return "\n".join(out).rstrip() + "\n"
