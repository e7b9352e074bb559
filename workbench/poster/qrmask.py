"""QR symbols with the mask chosen by numpy instead of qrcode's pure-Python scoring.

``qrcode``'s ``make(fit=True)`` builds the symbol under each of the 8 mask patterns and
scores each with the ISO/IEC 18004 penalty rules (N1 runs of five or more, N2 2x2 blocks,
N3 finder-like 1:1:3:1:1 patterns, N4 dark-module balance) in pure Python: about 7 ms for
a version-7 code. Here the symbol is built once (mask 0), the data modules are unmasked,
the 8 candidates are scored together with the same rules in numpy, and the best mask is
applied. The choice is exactly qrcode's: same penalties, same tie-break (lowest pattern
number) and, like qrcode, scored with the format and version information areas light.
The result equals ``qrcode.QRCode(...).make(fit=True)``'s matrix module for module.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import qrcode
from numpy.lib.stride_tricks import sliding_window_view

Matrix = np.ndarray

_FINDER_LIKE = np.array(
    [
        [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1],
    ],
    dtype=bool,
)


def mask_grids(n: int) -> Matrix:
    """The 8 mask patterns for an n x n symbol: shape (8, n, n), True where a data module
    is inverted (ISO/IEC 18004 table 10; i is the row, j the column)."""
    i, j = np.indices((n, n))
    return np.stack(
        [
            (i + j) % 2 == 0,
            i % 2 == 0,
            j % 3 == 0,
            (i + j) % 3 == 0,
            (i // 2 + j // 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0,
            ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i * j) % 3 + (i + j) % 2) % 2 == 0,
        ]
    )


@lru_cache(maxsize=40)
def _areas(version: int, error_correction: int) -> tuple[Matrix, Matrix, Matrix]:
    """(data modules, format + version information modules, mask grids) for a version."""
    n = version * 4 + 17
    probe = qrcode.QRCode(version=version, error_correction=error_correction)
    probe.modules_count = n
    probe.modules = [[None] * n for _ in range(n)]
    probe.setup_position_probe_pattern(0, 0)
    probe.setup_position_probe_pattern(n - 7, 0)
    probe.setup_position_probe_pattern(0, n - 7)
    probe.setup_position_adjust_pattern()
    probe.setup_timing_pattern()
    fixed = np.array([[m is not None for m in row] for row in probe.modules])
    probe.setup_type_info(True, 0)
    if version >= 7:
        probe.setup_type_number(True)
    info = np.array([[m is not None for m in row] for row in probe.modules]) & ~fixed
    data = ~fixed & ~info
    return data, info, mask_grids(n)


def _runs_penalty(lines: Matrix) -> Matrix:
    """N1 per candidate: each run of >= 5 same-colour modules in a line scores length - 2.
    ``lines``: (candidates, lines, n)."""
    k, m, n = lines.shape
    starts = np.ones(lines.shape, dtype=bool)
    starts[:, :, 1:] = lines[:, :, 1:] != lines[:, :, :-1]
    scores = np.zeros(k, dtype=np.int64)
    for c in range(k):
        where = np.flatnonzero(starts[c])
        lengths = np.diff(np.append(where, m * n))
        long = lengths[lengths >= 5]
        scores[c] = int((long - 2).sum())
    return scores


def penalties(candidates: Matrix) -> list[int]:
    """ISO/IEC 18004 penalty score (N1 + N2 + N3 + N4) of each (k, n, n) candidate,
    computed as qrcode.util.lost_point does."""
    k, n, _ = candidates.shape
    lines = np.concatenate([candidates, candidates.transpose(0, 2, 1)], axis=1)
    n1 = _runs_penalty(lines)
    a = candidates
    top = a[:, :-1, :-1]
    blocks = (top == a[:, 1:, :-1]) & (top == a[:, :-1, 1:]) & (top == a[:, 1:, 1:])
    n2 = 3 * blocks.sum(axis=(1, 2))
    windows = sliding_window_view(lines, 11, axis=2)  # (k, 2n, n - 10, 11)
    hits = (windows[..., None, :] == _FINDER_LIKE).all(axis=-1).any(axis=-1)
    n3 = 40 * hits.sum(axis=(1, 2))
    dark = candidates.sum(axis=(1, 2))
    scores = []
    for c in range(k):
        percent = float(dark[c]) / (n**2)
        n4 = int(abs(percent * 100 - 50) / 5) * 10
        scores.append(int(n1[c]) + int(n2[c]) + int(n3[c]) + n4)
    return scores


def build(data: str, error_correction: int) -> tuple[Matrix, int]:
    """(the symbol for ``data`` as an n x n bool array, no quiet zone; its mask pattern)."""
    code = qrcode.QRCode(error_correction=error_correction, border=0, mask_pattern=0)
    code.add_data(data)
    code.make(fit=True)
    masked0 = np.array(code.modules, dtype=bool)
    is_data, info, grids = _areas(code.version, error_correction)
    plain = masked0 ^ (grids[0] & is_data)
    candidates = np.where(is_data, plain ^ grids, masked0 & ~info)
    scores = penalties(candidates)
    best = scores.index(min(scores))
    code.setup_type_info(False, best)
    final = np.array(code.modules, dtype=bool)
    final[is_data] = candidates[best][is_data]
    return final, best
