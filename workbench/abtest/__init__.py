"""A/B tracking: experiments, assignment, results import, statistics, winners and pitfalls.

Modules: ``experiments`` (create, list shapes), ``assign`` (hash assignment, send lists),
``importing`` (results CSV, events JSONL, QR scan logs), ``stats`` and ``bayes`` (the
numbers), ``analysis`` (one experiment's report and verdict), ``learn`` (promote winners,
pitfall guide), ``winners`` (winners as few-shot examples), ``chart`` (PNG). Nothing is
imported here, so the prompt hook does not pull in scipy.
"""
