"""Fit text into a box: the largest font size in a range whose lines fit the box's width,
height and line cap; past the smallest size, an ellipsis after the last whole atom that
fits. The result never overflows the box (a test renders it and checks the ink)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.poster.fonts import Typeface
from workbench.poster.linebreak import atoms, break_lines, ellipsize, wrap, wrap_balanced


@dataclass(frozen=True)
class Fitted:
    lines: list[str]
    size: int
    line_height: int
    truncated: bool = False

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def line_height(size: int, spacing: float) -> int:
    return max(size, round(size * spacing))


def _try(
    text: str, face: Typeface, size: int, width: int, balance: bool, keep: tuple[str, ...] = ()
) -> list[str] | None:
    measure = face.measurer(size)
    pieces = atoms(text, keep)
    return (wrap_balanced if balance else wrap)(pieces, width, measure)


def fit_text(
    text: str,
    face: Typeface,
    width: int,
    height: int,
    min_size: int,
    max_size: int,
    *,
    max_lines: int = 0,
    spacing: float = 1.25,
    balance: bool = False,
    keep: tuple[str, ...] = (),
) -> Fitted:
    """Lines and size for ``text`` in a ``width`` x ``height`` box (``max_lines`` 0: any)."""
    min_size = max(6, min(min_size, max_size))
    if not text.strip() or width <= 0 or height <= 0:
        return Fitted([], min_size, line_height(min_size, spacing))

    def fits(size: int, keep: tuple[str, ...]) -> list[str] | None:
        lh = line_height(size, spacing)
        lines = _try(text, face, size, width, balance, keep)
        if lines is None:
            return None
        if max_lines and len(lines) > max_lines:
            return None
        if lh * len(lines) > height:
            return None
        return lines

    # Kept phrases (product, brand) stay whole if any size allows it; else they may break.
    for phrases in (keep, ()) if keep else ((),):
        best: tuple[int, list[str]] | None = None
        lo, hi = min_size, max_size
        while lo <= hi:  # the fit is monotone in size for practical text; search it
            mid = (lo + hi) // 2
            lines = fits(mid, phrases)
            if lines is not None:
                best = (mid, lines)
                lo = mid + 1
            else:
                hi = mid - 1
        if best is not None:
            return Fitted(best[1], best[0], line_height(best[0], spacing))
    return _truncate(text, face, width, height, min_size, max_lines, spacing)


def _truncate(
    text: str,
    face: Typeface,
    width: int,
    height: int,
    size: int,
    max_lines: int,
    spacing: float,
) -> Fitted:
    """At the smallest size: as many lines as fit, the last one ending in an ellipsis."""
    lh = line_height(size, spacing)
    room = height // lh
    if max_lines:
        room = min(room, max_lines)
    if room <= 0:
        return Fitted([], size, lh, truncated=True)
    measure = face.measurer(size)
    lines = break_lines(text, width, measure)
    if len(lines) <= room and all(measure(line) <= width for line in lines):
        return Fitted(lines, size, lh)
    kept = lines[: room - 1]
    rest = "".join(lines[room - 1 :])
    last = ellipsize(atoms(rest), width, measure)
    out = [*kept, last] if last else kept
    return Fitted(out, size, lh, truncated=True)


def fit_list(
    items: list[str],
    face: Typeface,
    width: int,
    height: int,
    min_size: int,
    max_size: int,
    *,
    indent: float = 1.3,
    gap: float = 0.45,
    spacing: float = 1.2,
    max_lines: int = 2,
) -> tuple[int, list[list[str]]]:
    """One size for every bullet; each bullet ``indent`` ems in, ``gap`` ems apart.
    Bullets that do not fit at the smallest size are left out (never cut mid-list)."""
    items = [i for i in items if i.strip()]
    if not items:
        return min_size, []

    def layout(size: int, strict: bool) -> list[list[str]] | None:
        text_w = width - round(indent * size)
        lh = line_height(size, spacing)
        used = 0
        out: list[list[str]] = []
        for n, item in enumerate(items):
            if strict:
                lines = _try(item, face, size, text_w, False)
                if lines is None or len(lines) > max_lines:
                    return None
            else:
                lines = _truncate(
                    item, face, text_w, lh * max_lines, size, max_lines, spacing
                ).lines
            extra = (round(gap * size) if n else 0) + lh * len(lines)
            if used + extra > height:
                return None if strict else out
            used += extra
            out.append(lines)
        return out

    lo, hi = min_size, max_size
    best: tuple[int, list[list[str]]] | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        found = layout(mid, True)
        if found is not None:
            best = (mid, found)
            lo = mid + 1
        else:
            hi = mid - 1
    if best is not None:
        return best
    return min_size, layout(min_size, False) or []
