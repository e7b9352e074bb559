"""Exporting scripts: one variant or every script of a campaign, in one format.

Formats: ``srt`` (video only), ``md`` (shooting sheet / run sheet), ``csv``, ``xlsx`` and
``txt`` (teleprompter). Text formats come back as ``str``, XLSX as ``bytes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import InputError, NotFoundError, Problem
from workbench.fsio import atomic_write_bytes, atomic_write_text
from workbench.scripts.kinds import SCRIPT_EXPORTS
from workbench.scripts.rows import labels
from workbench.scripts.writers import to_csv, to_markdown, to_xlsx
from workbench.store.variantrecord import FullVariant, Variant

if TYPE_CHECKING:
    from workbench.store import Store

FORMATS: tuple[str, ...] = ("srt", "md", "xlsx", "csv", "txt")
TEXT_FORMATS: tuple[str, ...] = ("srt", "md", "csv", "txt")
SCRIPT_KINDS: tuple[str, ...] = tuple(SCRIPT_EXPORTS)
_CJK = re.compile(r"[\u3400-\u9fff]")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Exported:
    data: str | bytes
    extension: str

    @property
    def is_text(self) -> bool:
        return isinstance(self.data, str)


def content_language(row: FullVariant) -> str:
    """The script's language: the prompt's ``lang`` when recorded, else guessed from text."""
    variables = (row.generation or {}).get("variables") or {}
    lang = variables.get("lang")
    if lang in ("zh-CN", "en-US"):
        return str(lang)
    content = row.content or {}
    sample = str(content.get("title", "")) + str(content.get("shots") or content.get("phases"))
    return "zh-CN" if _CJK.search(sample) else "en-US"


def check_format(fmt: str, kind: str | None = None) -> None:
    if fmt not in FORMATS:
        raise InputError(Problem("--format", None, fmt, f"must be one of {', '.join(FORMATS)}"))
    script = SCRIPT_EXPORTS.get(kind or "")
    if script is not None and fmt == "srt" and not script.subtitles:
        message = "SRT subtitles are for video scripts; live scripts export as md, txt, csv, xlsx"
        raise InputError(Problem("--format", None, fmt, message))


def export_variant(row: FullVariant, fmt: str) -> Exported:
    """One variant (a row from ``store.variants.get``) in ``fmt``."""
    kind = row.kind
    if kind not in SCRIPT_EXPORTS:
        raise InputError(
            Problem(
                f"variant {row.id}",
                None,
                "kind",
                f"is {kind}; script export takes video_script or live_script variants",
            )
        )
    check_format(fmt, kind)
    script = SCRIPT_EXPORTS[kind]
    lang = content_language(row)
    content = row.content
    platform = row.channel
    if fmt == "srt" and script.srt is not None:  # check_format refused srt for the others
        return Exported(script.srt(content, lang), "srt")
    if fmt == "txt":
        return Exported(script.teleprompter(content, lang), "txt")
    sheet = script.sheet(content, lang, platform)
    if fmt == "md":
        return Exported(to_markdown(sheet, lang), "md")
    if fmt == "csv":
        return Exported(to_csv(sheet), "csv")
    name = labels(lang)[script.sheet_label]
    return Exported(to_xlsx([(f"{name} {row.id}", sheet)], lang), "xlsx")


def file_stem(row: Variant) -> str:
    """``12-new-moms-video_script-douyin``: id first, so names sort and never collide."""
    parts = [str(row.id), row.segment or "", row.kind or ""]
    if row.channel:
        parts.append(str(row.channel))
    return "-".join(_UNSAFE.sub("_", p).strip("_") for p in parts if p)


@dataclass(frozen=True)
class CampaignExport:
    written: list[Path]
    skipped: list[str]  # why a script was left out (e.g. live scripts for srt)


def export_campaign(
    store: Store, campaign: str, fmt: str, folder: Path, *, status: str | None = None
) -> CampaignExport:
    """Every video and live script of a campaign (newest versions) into ``folder``."""
    check_format(fmt)
    rows = [
        r
        for kind in SCRIPT_KINDS
        for r in store.variants.rows(campaign=campaign, kind=kind, status=status)
    ]
    if not rows:
        which = f" with status {status}" if status else ""
        raise NotFoundError(f"campaign {campaign!r} has no video or live scripts{which}")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    skipped: list[str] = []
    for listed in sorted(rows, key=lambda r: int(r.id)):
        script = SCRIPT_EXPORTS[listed.kind]
        if fmt == "srt" and not script.subtitles:
            skipped.append(f"{listed.id}: {script.no_subtitles} (no subtitles)")
            continue
        row = store.variants.get(int(listed.id))
        result = export_variant(row, fmt)
        path = folder / f"{file_stem(row)}.{result.extension}"
        if isinstance(result.data, bytes):
            atomic_write_bytes(path, result.data)
        else:
            atomic_write_text(path, result.data, newline="")
        written.append(path)
    return CampaignExport(written, skipped)
