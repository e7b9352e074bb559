"""The numpy mask choice: the same mask and the same modules as qrcode's own
``make(fit=True)``, the same penalty scores as ``qrcode.util.lost_point``."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M

from workbench.poster.qrmask import build, mask_grids, penalties

URLS = [
    *(
        "https://example.com/m/member-day?utm_source=xiaohongshu&utm_medium=poster"
        f"&utm_campaign=c&utm_content={i:010x}"
        for i in range(24)
    ),
    "a",
    "HELLO WORLD 123",
    *("https://x.cn/" + "长" * i for i in range(1, 40, 7)),
    *("x" * i for i in range(1, 400, 61)),
]


def _reference(data: str, ec: int) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ec, border=0)
    code.add_data(data)
    code.make(fit=True)
    return code


@pytest.mark.parametrize("ec", [ERROR_CORRECT_M, ERROR_CORRECT_L, ERROR_CORRECT_H])
def test_symbol_and_mask_equal_qrcodes(ec: int) -> None:
    versions = set()
    for data in URLS:
        code = _reference(data, ec)
        expected = [[bool(m) for m in row] for row in code.get_matrix()]
        matrix, mask = build(data, ec)
        assert matrix.tolist() == expected, data
        assert mask == code.best_mask_pattern(), data  # (rebuilds code.modules 8 times)
        versions.add(code.version)
    assert min(versions) < 7 <= max(versions)  # with and without version information


def test_mask_grids_equal_qrcodes_mask_functions() -> None:
    n = 25
    grids = mask_grids(n)
    for k in range(8):
        f = util.mask_func(k)
        expected = [[bool(f(i, j)) for j in range(n)] for i in range(n)]
        assert grids[k].tolist() == expected, k


def test_penalties_equal_lost_point() -> None:
    code = _reference(URLS[0], ERROR_CORRECT_M)
    candidates = []
    for k in range(8):
        code.makeImpl(True, k)
        candidates.append(np.array(code.modules, dtype=bool))
    expected = [util.lost_point(np.array(c).tolist()) for c in candidates]
    assert penalties(np.stack(candidates)) == expected
    assert len(set(expected)) > 1
