"""Accuracy against public gold data (`../shared/eval/`): one module per task.

Each task module exposes `evaluate(gold, split, shared, options, limit) -> EvalReport`.
"""

TASKS = ("actors", "events", "quotes", "places", "dates", "claims")
