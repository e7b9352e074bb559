"""Named schema migrations, applied in order on open and recorded in ``_sqlite_migrations``.

Add a new migration as a new function at the end (``m002_...``); never edit one that has
shipped. Tables are created with sqlite-utils; the one exception is ``variants``, written as
plain DDL because sqlite-utils cannot declare ``AUTOINCREMENT`` (variant ids are never
reused, so an id quoted in a review or an export always means the same row).

Columns holding JSON are TEXT; status values are checked in Python, not with CHECK
constraints, so that later issues can add statuses without rebuilding tables.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("workbench")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db.table("campaigns").create(
        {
            "id": str,
            "name": str,
            "goal": str,
            "language": str,
            "brand": str,  # JSON
            "product": str,  # JSON
            "current_round": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null=["name", "current_round", "created_at", "updated_at"],
        defaults={"current_round": 1},
    )
    db.table("segments").create(
        {"campaign_id": str, "id": str, "name": str, "data": str, "updated_at": str},
        pk=("campaign_id", "id"),
        foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null=["data"],
    )
    db.table("briefs").create(
        {
            "id": int,
            "campaign_id": str,
            "path": str,
            "raw": str,
            "sha256": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null=["campaign_id", "raw", "sha256", "created_at"],
    )
    db.table("briefs").create_index(["campaign_id", "sha256"], unique=True)
    db.table("runs").create(
        {
            "id": int,
            "campaign_id": str,
            "brief_id": int,
            "provider": str,
            "model": str,
            "settings": str,  # JSON, scrubbed of secrets
            "started_at": str,
            "finished_at": str,
            "status": str,  # running | done | failed | interrupted
            "counts": str,  # JSON
        },
        pk="id",
        foreign_keys=[("campaign_id", "campaigns", "id"), ("brief_id", "briefs", "id")],
        not_null=["campaign_id", "status", "started_at"],
        defaults={"status": "running"},
    )
    db.table("runs").create_index(["campaign_id", "started_at"])
    db.table("jobs").create(
        {
            "key": str,
            "campaign_id": str,
            "run_id": int,
            "segment_id": str,
            "deliverable_index": int,
            "kind": str,
            "channel": str,
            "style": str,
            "framework": str,
            "variant_index": int,
            "count": int,
            "round": int,
            "status": str,  # ok | failed
            "attempts": int,
            "error": str,
            "updated_at": str,
        },
        pk="key",
        foreign_keys=[("campaign_id", "campaigns", "id"), ("run_id", "runs", "id")],
        not_null=["campaign_id", "status", "attempts", "updated_at"],
        defaults={"attempts": 0},
    )
    db.table("jobs").create_index(["campaign_id", "status"])
    db.table("jobs").create_index(["run_id"])
    db.table("generations").create(
        {
            "id": int,
            "job_key": str,
            "run_id": int,
            "campaign_id": str,
            "provider": str,
            "model": str,
            "template": str,
            "template_hash": str,
            "variables": str,  # JSON
            "messages": str,  # JSON
            "response_text": str,
            "prompt_tokens": int,
            "completion_tokens": int,
            "latency_ms": float,
            "error": str,
            "attempt": int,
            "purpose": str,  # generate | repair
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id"), ("campaign_id", "campaigns", "id")],
        not_null=["job_key", "campaign_id", "attempt", "purpose", "created_at"],
        defaults={"attempt": 1, "purpose": "generate"},
    )
    db.table("generations").create_index(["job_key"])
    db.table("generations").create_index(["run_id"])
    db.execute(
        """
        CREATE TABLE [variants] (
            [id] INTEGER PRIMARY KEY AUTOINCREMENT,
            [uid] TEXT NOT NULL UNIQUE,
            [job_key] TEXT NOT NULL,
            [slot] INTEGER NOT NULL,
            [campaign_id] TEXT NOT NULL REFERENCES [campaigns]([id]),
            [segment_id] TEXT,
            [deliverable_index] INTEGER,
            [kind] TEXT NOT NULL,
            [channel] TEXT,
            [style] TEXT,
            [framework] TEXT,
            [provider] TEXT,
            [model] TEXT,
            [generation_id] INTEGER REFERENCES [generations]([id]),
            [content] TEXT NOT NULL,
            [status] TEXT NOT NULL DEFAULT 'draft',
            [version] INTEGER NOT NULL DEFAULT 1,
            [parent_id] INTEGER REFERENCES [variants]([id]),
            [round] INTEGER,
            [lint] TEXT,
            [created_at] TEXT NOT NULL,
            [updated_at] TEXT NOT NULL,
            UNIQUE ([job_key], [slot], [version])
        )
        """
    )
    db.table("variants").create_index(["campaign_id", "segment_id", "kind"])
    db.table("variants").create_index(["campaign_id", "status"])
    db.table("variants").create_index(["campaign_id", "kind", "channel"])
    db.table("variants").create_index(["generation_id"])
    db.table("variants").create_index(["parent_id"])
    db.table("assets").create(
        {
            "id": int,
            "variant_id": int,
            "path": str,
            "sha256": str,
            "size": int,
            "template": str,
            "width": int,
            "height": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("variant_id", "variants", "id")],
        not_null=["variant_id", "path", "created_at"],
    )
    db.table("assets").create_index(["variant_id"])
    db.table("reviews").create(
        {
            "id": int,
            "variant_id": int,
            "campaign_id": str,
            "actor": str,
            "action": str,
            "from_status": str,
            "to_status": str,
            "comment": str,
            "data": str,  # JSON
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("variant_id", "variants", "id"), ("campaign_id", "campaigns", "id")],
        not_null=["action", "created_at"],
    )
    db.table("reviews").create_index(["variant_id"])
    db.table("reviews").create_index(["campaign_id", "created_at"])
    db.table("experiments").create(
        {
            "id": int,
            "campaign_id": str,
            "name": str,
            "metric": str,  # click | conversion | share
            "alpha": float,
            "status": str,  # draft | running | stopped
            "segment_id": str,
            "kind": str,
            "winner_arm_id": int,
            "data": str,  # JSON
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null=["campaign_id", "name", "metric", "status", "created_at", "updated_at"],
        defaults={"metric": "conversion", "alpha": 0.05, "status": "draft"},
    )
    db.table("experiments").create_index(["campaign_id"])
    db.table("arms").create(
        {
            "id": int,
            "experiment_id": int,
            "variant_id": int,
            "name": str,
            "weight": float,
            "tracking_code": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("experiment_id", "experiments", "id"), ("variant_id", "variants", "id")],
        not_null=["experiment_id", "name", "weight", "created_at"],
        defaults={"weight": 1.0},
    )
    db.table("arms").create_index(["experiment_id"])
    db.table("arms").create_index(["tracking_code"], unique=True)
    db.table("metrics").create(
        {
            "id": int,
            "arm_id": int,
            "date": str,  # YYYY-MM-DD
            "impressions": int,
            "clicks": int,
            "conversions": int,
            "shares": int,
            "cost": float,
            "revenue": float,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("arm_id", "arms", "id")],
        not_null=["arm_id", "date", "impressions", "clicks", "conversions", "shares"],
        defaults={
            "impressions": 0,
            "clicks": 0,
            "conversions": 0,
            "shares": 0,
            "cost": 0.0,
            "revenue": 0.0,
        },
    )
    db.table("metrics").create_index(["arm_id", "date"], unique=True)


@MIGRATIONS()
def m010_poster_assets(db: Database) -> None:
    """Posters: the URL an asset's QR code encodes, and the size preset it was drawn for."""
    db.table("assets").add_column("qr_url", str)
    db.table("assets").add_column("preset", str)


@MIGRATIONS()
def m020_review_audit(db: Database) -> None:
    """Review (issue 5): the audit table is append-only; UPDATE and DELETE abort."""
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS reviews_no_update BEFORE UPDATE ON reviews "
        "BEGIN SELECT RAISE(ABORT, 'reviews is an append-only audit table'); END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS reviews_no_delete BEFORE DELETE ON reviews "
        "BEGIN SELECT RAISE(ABORT, 'reviews is an append-only audit table'); END"
    )


@MIGRATIONS()
def m030_ab_tracking(db: Database) -> None:
    """A/B tracking (issue 6): experiment scope and salt, control arms, raw events, outcomes."""
    for ddl in (
        "ALTER TABLE [experiments] ADD COLUMN [deliverable_index] INTEGER",
        "ALTER TABLE [experiments] ADD COLUMN [channel] TEXT",
        "ALTER TABLE [experiments] ADD COLUMN [source] TEXT",  # generated | manual
        "ALTER TABLE [experiments] ADD COLUMN [salt] TEXT",
        "ALTER TABLE [experiments] ADD COLUMN [decided_at] TEXT",
        "ALTER TABLE [arms] ADD COLUMN [is_control] INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(ddl)
    db.table("experiments").create_index(["campaign_id", "segment_id", "deliverable_index"])
    db.table("arms").create_index(["variant_id"])
    db.table("ab_events").create(
        {
            "arm_id": int,
            "user_id": str,
            "event": str,  # impression | click | conversion | share | scan
            "date": str,  # YYYY-MM-DD
            "ts": str,
        },
        foreign_keys=[("arm_id", "arms", "id")],
        not_null=["arm_id", "user_id", "event", "date"],
    )
    db.table("ab_events").create_index(["arm_id", "date", "event", "user_id"], unique=True)
    db.table("ab_outcomes").create(
        {
            "id": int,
            "experiment_id": int,
            "arm_id": int,
            "variant_id": int,
            "campaign_id": str,
            "segment_id": str,
            "kind": str,
            "channel": str,
            "role": str,  # winner | loser
            "metric": str,
            "impressions": int,
            "successes": int,
            "rate": float,
            "lift_abs": float,
            "lift_rel": float,
            "p_value": float,
            "p_value_adjusted": float,
            "data": str,  # JSON: the whole arm report at decision time
            "decided_at": str,
        },
        pk="id",
        foreign_keys=[
            ("experiment_id", "experiments", "id"),
            ("arm_id", "arms", "id"),
            ("variant_id", "variants", "id"),
        ],
        not_null=["experiment_id", "arm_id", "variant_id", "role", "metric", "decided_at"],
    )
    db.table("ab_outcomes").create_index(["experiment_id", "arm_id"], unique=True)
    db.table("ab_outcomes").create_index(["kind", "channel", "role"])
    db.table("ab_outcomes").create_index(["campaign_id", "role"])


@MIGRATIONS()
def m110_tracking(db: Database) -> None:
    """Tracked links (issue 13): every hit on ``/s/{code}``, the visitor salt, and the users
    each arm was sent to (the exposure ``ab report`` uses when no results were imported)."""
    import secrets

    db.table("link_hits").create(
        {
            "id": int,
            "ts": str,
            "day": str,  # YYYY-MM-DD in China Standard Time (tracking.visitors.DAY_ZONE)
            "code": str,
            "variant_id": int,  # NULL for an orphan (unknown code)
            "visitor": str,  # salted sha256 of IP + user agent
            "ip_hash": str,  # salted sha256 of the IP alone
            "user_agent": str,
            "referer": str,
            "kind": str,  # click | bot | orphan
        },
        pk="id",
        not_null=["ts", "day", "code", "visitor", "kind"],
    )
    db.table("link_hits").create_index(["variant_id", "kind", "day", "visitor"])
    db.table("link_hits").create_index(["kind", "code"])
    db.table("tracking_meta").create({"key": str, "value": str}, pk="key", not_null=["value"])
    db.table("tracking_meta").insert({"key": "visitor_salt", "value": secrets.token_hex(16)})
    db.execute("ALTER TABLE [arms] ADD COLUMN [assigned] INTEGER")


@MIGRATIONS()
def m120_calendar(db: Database) -> None:
    """Week plans (issue 15): one row per send (day x plan slot x segment). The slot's
    content is found through its campaign, segment, deliverables and variant slot; status
    follows that content until ``sent_at`` is set."""
    db.table("calendar_slots").create(
        {
            "id": int,
            "plan_key": str,
            "plan_path": str,
            "week_of": str,  # YYYY-MM-DD, the Monday
            "entry": int,  # index of the slot in the plan file
            "date": str,  # YYYY-MM-DD
            "time": str,  # HH:MM local time
            "timezone": str,
            "segment_id": str,
            "activity": str,
            "format": str,
            "owner": str,
            "campaign_id": str,
            "deliverables": str,  # JSON list of deliverable indexes
            "variant_slot": int,
            "theme": str,
            "brief_path": str,
            "sent_at": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null=[
            "plan_key",
            "week_of",
            "date",
            "time",
            "timezone",
            "segment_id",
            "activity",
            "format",
            "owner",
            "campaign_id",
            "deliverables",
            "variant_slot",
            "created_at",
            "updated_at",
        ],
    )
    db.table("calendar_slots").create_index(
        ["plan_key", "date", "time", "activity", "format", "segment_id"], unique=True
    )
    db.table("calendar_slots").create_index(["week_of", "date", "time"])


@MIGRATIONS()
def m140_hardening(db: Database) -> None:
    """Hardening (issue 17): the audit and the variants' content survive ``INSERT OR
    REPLACE``; content is never updated in place; runs remember their process.

    ``REPLACE`` resolves a conflict by deleting the old row without firing DELETE triggers,
    so the append-only triggers of ``m020_review_audit`` did not stop it. A BEFORE INSERT
    trigger refuses any insert that names an existing audit row or variant (id or uid); an
    insert that repeats a variant's (job_key, slot, version) is ignored, as the runner's
    ``ON CONFLICT DO NOTHING`` already did. Edits make new versions, so UPDATE of a
    variant's content and DELETE of a variant abort.

    What direct SQL can still do (anyone holding the file can): change a variant's status,
    lint or updated_at (the audit then shows no row for that change), drop these triggers,
    or rewrite the file byte by byte. The audit is tamper-evident against the workbench's
    own statements and careless SQL, not against its owner.

    ``runs.pid``/``runs.host``: a run still marked ``running`` whose process is gone was
    killed; the next run marks it ``interrupted``.
    """
    for ddl in (
        "CREATE TRIGGER IF NOT EXISTS reviews_no_replace BEFORE INSERT ON reviews "
        "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM reviews WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'reviews is an append-only audit table'); END",
        "CREATE TRIGGER IF NOT EXISTS variants_no_replace BEFORE INSERT ON variants "
        "WHEN EXISTS (SELECT 1 FROM variants WHERE id = NEW.id OR uid = NEW.uid) "
        "BEGIN SELECT RAISE(ABORT, 'variants cannot be replaced (an existing id or uid); "
        "edits make new versions'); END",
        "CREATE TRIGGER IF NOT EXISTS variants_same_version BEFORE INSERT ON variants "
        "WHEN EXISTS (SELECT 1 FROM variants WHERE job_key = NEW.job_key "
        "AND slot = NEW.slot AND version = NEW.version) BEGIN SELECT RAISE(IGNORE); END",
        "CREATE TRIGGER IF NOT EXISTS variants_content_frozen BEFORE UPDATE OF content "
        "ON variants WHEN NEW.content IS NOT OLD.content "
        "BEGIN SELECT RAISE(ABORT, 'variant content is never updated; edit makes a new "
        "version'); END",
        "CREATE TRIGGER IF NOT EXISTS variants_no_delete BEFORE DELETE ON variants "
        "BEGIN SELECT RAISE(ABORT, 'variants are kept for the audit trail'); END",
        "ALTER TABLE [runs] ADD COLUMN [pid] INTEGER",
        "ALTER TABLE [runs] ADD COLUMN [host] TEXT",
    ):
        db.execute(ddl)


@MIGRATIONS()
def m160_llm_robustness(db: Database) -> None:
    """Real servers (issue 12): why each answer ended (``finish_reason``), whether its token
    counts are estimates (no usage from the server), and a run's notes (a structured-output
    fallback)."""
    db.execute("ALTER TABLE [generations] ADD COLUMN [finish_reason] TEXT")
    db.execute("ALTER TABLE [generations] ADD COLUMN [tokens_estimated] INTEGER")
    db.execute("ALTER TABLE [runs] ADD COLUMN [notes] TEXT")  # JSON list of objects


@MIGRATIONS()
def m170_batch(db: Database) -> None:
    """Scale (issue 16): provider Batch API runs. ``llm_batches`` holds one row per submitted
    file (the provider's file and batch ids are recorded before the workbench waits, so a
    killed wait is collected by the re-run); ``llm_batch_jobs`` maps every job key to the
    batch it went out in (a job in an open batch is never submitted again)."""
    db.execute(
        """
        CREATE TABLE [llm_batches] (
            [id] INTEGER PRIMARY KEY AUTOINCREMENT,
            [campaign_id] TEXT NOT NULL REFERENCES [campaigns]([id]),
            [brief_id] INTEGER REFERENCES [briefs]([id]),
            [run_id] INTEGER REFERENCES [runs]([id]),
            [shard] INTEGER NOT NULL,
            [purpose] TEXT NOT NULL DEFAULT 'generate',
            [base_url] TEXT NOT NULL,
            [model] TEXT NOT NULL,
            [plan] TEXT,
            [status] TEXT NOT NULL,
            [input_file_id] TEXT,
            [batch_id] TEXT UNIQUE,
            [output_file_id] TEXT,
            [error_file_id] TEXT,
            [requests] INTEGER NOT NULL,
            [completed] INTEGER NOT NULL DEFAULT 0,
            [failed] INTEGER NOT NULL DEFAULT 0,
            [error] TEXT,
            [created_at] TEXT NOT NULL,
            [updated_at] TEXT NOT NULL,
            [collected_at] TEXT
        )
        """
    )
    db.execute("CREATE INDEX [idx_llm_batches_campaign] ON [llm_batches] ([campaign_id], [status])")
    db.execute(
        """
        CREATE TABLE [llm_batch_jobs] (
            [batch] INTEGER NOT NULL REFERENCES [llm_batches]([id]),
            [job_key] TEXT NOT NULL,
            PRIMARY KEY ([job_key], [batch])
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX [idx_llm_batch_jobs_batch] ON [llm_batch_jobs] ([batch])")


@MIGRATIONS()
def m200_tui_superseded(db: Database) -> None:
    """Operator polish (issue 18): a poster file drawn for a version that was edited since is
    marked ``superseded_by`` the newer version's id (its PNG still shows the old text)."""
    db.execute("ALTER TABLE [assets] ADD COLUMN [superseded_by] INTEGER")


@MIGRATIONS()
def m210_prompt_parts(db: Database) -> None:
    """Scale (issue 16): generations reference their rendered messages and variables as
    content-addressed, compressed parts (``prompt_parts``, see ``store/promptparts.py``)
    instead of holding both in full per call; existing rows are converted here."""
    from workbench.store.promptparts import pack_messages, pack_variables

    db.execute(
        "CREATE TABLE [prompt_parts] ([id] INTEGER PRIMARY KEY, [hash] BLOB NOT NULL UNIQUE, "
        "[z] INTEGER NOT NULL, [data] BLOB NOT NULL)"
    )
    db.execute("ALTER TABLE [generations] ADD COLUMN [messages_parts] TEXT")
    db.execute("ALTER TABLE [generations] ADD COLUMN [variables_parts] TEXT")
    conn = db.conn
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, messages, variables FROM generations WHERE id > ? "
            "AND (messages IS NOT NULL OR variables IS NOT NULL) ORDER BY id LIMIT 500",
            (last,),
        ).fetchall()
        if not rows:
            break
        for ident, messages, variables in rows:
            last = ident
            packed = pack_messages(conn, json.loads(messages)) if messages else None
            parts = pack_variables(conn, json.loads(variables)) if variables else None
            conn.execute(
                "UPDATE generations SET messages_parts = ?, variables_parts = ?, "
                "messages = ?, variables = NULL WHERE id = ?",
                (packed, parts, None if packed is not None else messages, ident),
            )


@MIGRATIONS()
def m220_scale_keys(db: Database) -> None:
    """Scale (issue 16: at most 2 KB per variant): a job key is 32 hex digits (128 bits of
    the sha256, ``generate.jobs.KEY_HEX``) instead of 64. Every variant stores its key in the
    tables and unique indexes of jobs, generations and variants; the keys already stored are
    cut to the prefix ``job_key`` now computes, so an unchanged brief still finds its jobs.
    Only sha256 keys are cut (64 lowercase hex digits); a cut that would collide with a key
    already there is skipped (``OR IGNORE``) rather than failing the migration."""
    for table, column in (
        ("jobs", "key"),
        ("generations", "job_key"),
        ("variants", "job_key"),
        ("llm_batch_jobs", "job_key"),
    ):
        db.execute(
            f"UPDATE OR IGNORE [{table}] SET [{column}] = substr([{column}], 1, 32) "
            f"WHERE length([{column}]) = 64 AND [{column}] NOT GLOB '*[^0-9a-f]*'"
        )
