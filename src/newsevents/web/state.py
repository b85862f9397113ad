"""What every request reads: the snapshot being served, and the parameters pages and API share."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import HTTPException, Query, Request

from newsevents.analyze import counts
from newsevents.analyze.snapshot import Snapshot, StoreBusy, take_snapshot

T = TypeVar("T")


class ViewCache:
    """Views already computed on one snapshot: it never changes, so a view is computed once per refresh.

    Bounded (least recently used goes first); a refresh starts a new cache with the new snapshot.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: two first requests may both compute, neither waits
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class SnapshotHolder:
    """The snapshot being served, swapped whole on refresh; `busy` says why the last refresh failed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.current: Snapshot | None = None
        self.busy: str | None = None
        self.cache = ViewCache()
        self._lock = threading.Lock()

    def refresh(self) -> bool:
        with self._lock:
            try:
                fresh = take_snapshot(self.path)
            except StoreBusy as exc:
                self.busy = str(exc)
                return False
            # The old snapshot is not closed here: requests still running on it finish on it, and it
            # is freed when the last of their cursors goes.
            self.current, self.cache, self.busy = fresh, ViewCache(), None
        return True

    def start(self, wait: float) -> None:
        """Take the first snapshot, retrying for `wait` seconds while a writer holds the store."""
        deadline = time.monotonic() + wait
        while not self.refresh() and time.monotonic() < deadline:
            time.sleep(0.5)

    def status(self) -> dict[str, Any]:
        return {
            "db": str(self.path),
            "snapshot_taken_at": self.current.taken_at.isoformat() + "Z" if self.current else None,
            "busy": self.busy,
        }


def get_holder(request: Request) -> SnapshotHolder:
    holder: SnapshotHolder = request.app.state.holder
    return holder


@dataclass(frozen=True)
class Views:
    """The views of the snapshot served to this request, each computed once per snapshot."""

    con: Any
    cache: ViewCache

    def __call__(self, view: Callable[..., T], *args: Hashable) -> T:
        result: T = self.cache.get((view.__name__, args), lambda: view(self.con, *args))
        return result


def get_views(request: Request) -> Views:
    holder = get_holder(request)
    return Views(get_cursor(request), holder.cache)


def get_cursor(request: Request) -> Any:
    """A cursor on the snapshot for this request; 503 when there is none yet (a writer held the store)."""
    holder = get_holder(request)
    if holder.current is None:
        raise HTTPException(503, holder.busy or "no snapshot of the store yet; retry")
    return holder.current.cursor()


def parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def event_filter(
    source: str | None = None,
    target: str | None = None,
    actor: str | None = None,
    day: str | None = None,
    month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
    undated: bool = False,
    quad_class: int | None = Query(None, ge=1, le=4),
    cameo: str | None = Query(None, pattern=r"^\d{2,4}$"),
    place: str | None = None,
) -> counts.EventFilter:
    return counts.EventFilter(
        source=source,
        target=target,
        actor=actor,
        day=parse_date(day, "day"),
        month=month,
        undated=undated,
        quad_class=quad_class,
        cameo=cameo,
        place=place,
    )
