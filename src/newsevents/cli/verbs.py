"""`newsevents verbs --unknown CORPUS` (filled in by the event-coding issue)."""
