"""The SQLite store: one ``Store`` object, plain records in, plain dicts out."""

from workbench.store._import import import_sqlite_utils

import_sqlite_utils()  # before anything below imports sqlite-utils (see _import.py)

from workbench.store.records import (  # noqa: E402
    GenerationRecord,
    JobRecord,
    VariantRecord,
    scrub_settings,
    variant_uid,
)
from workbench.store.store import Store  # noqa: E402

__all__ = [
    "GenerationRecord",
    "JobRecord",
    "Store",
    "VariantRecord",
    "scrub_settings",
    "variant_uid",
]
