"""ZIP archives (XLSX workbooks) checked before any parser inflates them.

A 1.5 MB workbook can hold a ``sharedStrings.xml`` that inflates to gigabytes. The central
directory records each member's compressed and uncompressed size; those are checked
first; Python's zipfile never inflates a member past the size its directory entry
declares (a lying entry fails its CRC check instead), so the check holds for the parser too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench.errors import InputError, Problem

MAX_MEMBERS = 10_000
MAX_TOTAL = 500_000_000  # uncompressed bytes of all members
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1_000_000


def check_zip(path: Path, label: str | None = None, what: str = "an XLSX file") -> None:
    """Raise ``InputError`` when ``path`` is not a ZIP, or its members would inflate too far."""
    where = label or str(path)

    def refuse(message: str) -> InputError:
        return InputError(Problem(where, None, "", message))

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise refuse(f"{len(members)} archive members; not {what}")
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                    raise refuse(
                        f"{member.filename} would inflate {ratio:.0f}x "
                        f"(to {member.file_size / 1e6:.0f} MB): refused as a zip bomb"
                    )
            if total > MAX_TOTAL:
                raise refuse(
                    f"members inflate to {total / 1e6:.0f} MB (at most {MAX_TOTAL / 1e6:.0f} MB)"
                )
    except zipfile.BadZipFile as exc:
        raise refuse(f"not {what} (not a ZIP archive, or truncated: {exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        raise refuse(f"unreadable: not {what} ({exc})") from None
    except OSError as exc:
        raise refuse(f"cannot read the file ({exc.strerror or exc})") from None
