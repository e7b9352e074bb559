"""The QR module matrix of a poster's tracked link (the link itself:
``workbench.tracking.links.variant_link``)."""

from __future__ import annotations

from functools import lru_cache

from qrcode.constants import ERROR_CORRECT_M

from workbench.poster.qrmask import build


@lru_cache(maxsize=256)
def _matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    matrix, _ = build(data, ERROR_CORRECT_M)  # qrcode's own mask choice, scored with numpy
    return tuple(tuple(row) for row in matrix.tolist())


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR symbol for ``data`` (error correction M, no quiet zone): rows of dark flags."""
    return [list(row) for row in _matrix(data)]
