"""Guards at the boundaries where outside data enters the workbench.

Every reader of outside data (briefs, settings, segment libraries, compliance rules,
CSV/JSONL/XLSX imports, LLM answers, edits) goes through these small modules:

- :mod:`.text`: C0/C1 control characters stripped at ingestion, made visible at display;
- :mod:`.decode`: bounded reads of regular files only, decoding with encoding detection;
- :mod:`.limits`: nesting depth and integer bounds;
- :mod:`.archive`: ZIP (XLSX) members checked for size and ratio before parsing;
- :mod:`.csvio`: CSV readers with a field limit large enough for long variants;
- :mod:`.redact`: secrets removed from anything printed or stored;
- :mod:`.patterns`: user regular expressions compiled safely (no catastrophic backtracking);
- :mod:`.budget`: a time and output budget for template rendering.

Each failure is an ``InputError`` naming the file (and line, when known) in one line.
"""

# Imported for its one side effect: csv's field limit raised for the whole process, so that
# every CSV reader (review and A/B imports) takes variants longer than 131,072 characters.
from workbench.guards import csvio as csvio
