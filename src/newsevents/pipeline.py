"""`process(article, options) -> ArticleRecord`: the one function every runner maps.

It is a pure module-level function of picklable arguments, so a process pool or Ray can ship
it to workers; the spaCy model is loaded once per worker process (`load_model` is cached).
`process_batch` does the same for many articles with `nlp.pipe`, which is how runners use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.extract.actors import extract_actors
from newsevents.extract.anchor import anchor_events
from newsevents.extract.claims import extract_claims
from newsevents.extract.context import ExtractContext
from newsevents.extract.dates import extract_dates
from newsevents.extract.events import extract_events, load_verb_dictionaries
from newsevents.extract.events.headline_verbs import reread_headline_verb
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.ingest.clean import PreparedText, prepare_text
from newsevents.nlp import load_model
from newsevents.nlp.text import forget_doc, remember_text
from newsevents.options import Options
from newsevents.types import Article, ArticleRecord, InputError, Rejected


@dataclass(frozen=True)
class Stage:
    """One extraction step; like a spaCy component it declares what it reads and writes."""

    name: str
    run: Callable[[ExtractContext], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    enabled_by: str | None = None  # name of the boolean option that switches it off


STAGES: tuple[Stage, ...] = (
    Stage("actors", extract_actors, reads=("doc",), writes=("actors",)),
    Stage("dates", extract_dates, reads=("doc",), writes=("dates",), enabled_by="dates"),
    Stage("places", extract_places, reads=("doc", "actors"), writes=("places",), enabled_by="places"),
    Stage("quotes", extract_quotes, reads=("doc", "actors"), writes=("quotes",), enabled_by="quotes"),
    Stage("claims", extract_claims, reads=("doc", "actors", "quotes"), writes=("claims",), enabled_by="claims"),
    Stage("events", extract_events, reads=("doc", "actors", "quotes"), writes=("events",), enabled_by="events"),
    Stage("anchor", anchor_events, reads=("events", "dates", "places"), writes=("events",), enabled_by="events"),
)

DEFAULT_OPTIONS = Options()


def validate(options: Options) -> None:
    """Load every dictionary the options name, so that a broken config fails once, before any work.

    Raises `InputError("PATH:LINE: reason")` for a missing, unreadable or malformed dictionary; without
    this, each article would meet the error in its own stage and be rejected one by one.
    """
    from newsevents.extract.actors.dictionary import dictionary_for

    try:
        dictionary_for(tuple(options.actor_dictionaries))
        load_verb_dictionaries(options)
    except InputError:
        raise
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # a loader that did not name the file itself
        named = ", ".join([*options.actor_dictionaries, *options.verb_dictionaries])
        raise InputError(f"{named}: cannot load dictionary: {type(exc).__name__}: {exc}") from exc


def process(article: Article, options: Options = DEFAULT_OPTIONS) -> ArticleRecord:
    """Everything we extract from one article. Raises `InputError` for unusable input."""
    _check_options(options)
    prepared = prepare_text(article, options)
    if not prepared.english:
        return _record(article, prepared, None)
    doc = load_model(options.model)(prepared.analysis_text)
    return _record(article, prepared, _extract(doc, prepared, options))


def process_batch(
    articles: Iterable[Article], options: Options = DEFAULT_OPTIONS, batch_size: int = 32
) -> Iterator[ArticleRecord | Rejected]:
    """`process` over many articles, parsing them with `nlp.pipe`; output in input order.

    Articles are taken `batch_size` at a time, so an iterable as long as a whole corpus is read
    lazily and memory stays flat: only one batch of articles and docs is alive at once.
    """
    _check_options(options)
    nlp = load_model(options.model)
    total = len(articles) if isinstance(articles, Sized) else None
    source = iter(articles)
    done = 0
    while window := list(islice(source, batch_size)):
        yield from _process_window(nlp, window, options, batch_size, Progress(done, total))
        done += len(window)


@dataclass(frozen=True)
class Progress:
    """Where a window starts in the whole batch, and the batch's size when it is known."""

    offset: int
    total: int | None


def _process_window(
    nlp: Language, articles: list[Article], options: Options, batch_size: int, progress: Progress
) -> Iterator[ArticleRecord | Rejected]:
    ready = [(a, _prepare_or_reject(a, options)) for a in articles]
    parse = [p.analysis_text for _, p in ready if isinstance(p, PreparedText) and p.english]
    docs = iter(nlp.pipe(parse, batch_size=batch_size))
    report = _on_progress.get()
    for done, (article, prepared) in enumerate(ready):
        if report is not None:
            report(progress.offset + done, progress.total)
        if isinstance(prepared, Rejected):
            yield prepared
        elif not prepared.english:
            yield _record(article, prepared, None)
        else:
            yield _extract_or_reject(article, prepared, next(docs), options)


def _check_options(options: Options) -> None:
    """Files named in the options must load before any article is touched (raises `InputError`)."""
    if options.events:
        load_verb_dictionaries(options)


# Who wants to hear how far `process_batch` has got (a progress bar of `eval` or `verbs`): (done, total).
ProgressCallback = Callable[[int, int | None], None]
_on_progress: ContextVar[ProgressCallback | None] = ContextVar("on_progress", default=None)


@contextmanager
def reporting_progress(callback: ProgressCallback) -> Iterator[None]:
    """Within the block, every `process_batch` calls `callback(done, total)` before each article."""
    token = _on_progress.set(callback)
    try:
        yield
    finally:
        _on_progress.reset(token)


def _extract_or_reject(
    article: Article, prepared: PreparedText, doc: Doc, options: Options
) -> ArticleRecord | Rejected:
    try:
        return _record(article, prepared, _extract(doc, prepared, options))
    except StageError as exc:  # set NEWSEVENTS_DEBUG=1 to get the traceback instead
        return Rejected(article.source or article.id, str(exc))


def _prepare_or_reject(article: Article, options: Options) -> PreparedText | Rejected:
    try:
        return prepare_text(article, options)
    except InputError as exc:
        return Rejected(article.source or article.id, str(exc))


class StageError(RuntimeError):
    """A bug met in one stage on one article; batches report it for that article and go on."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"internal error in the {stage} stage: {type(error).__name__}: {error}")
        self.stage = stage


def _extract(doc: Doc, prepared: PreparedText, options: Options) -> ExtractContext:
    remember_text(doc, prepared.analysis_text)  # the stages read it back instead of rebuilding doc.text
    ctx = ExtractContext(text=prepared.text, doc=doc, published=prepared.published, options=options)
    # before any stage reads the tree: a headline verb read as a noun (issue 9)
    if options.events and reread_headline_verb(doc, load_verb_dictionaries(options), load_model(options.model)):
        forget_doc()  # no index of the old tree may outlive it
    for stage in STAGES:
        if stage.enabled_by is None or getattr(options, stage.enabled_by):
            try:
                stage.run(ctx)
            except Exception as exc:
                if os.environ.get("NEWSEVENTS_DEBUG"):
                    raise
                raise StageError(stage.name, exc) from exc
    return ctx


def _record(article: Article, prepared: PreparedText, ctx: ExtractContext | None) -> ArticleRecord:
    record = ArticleRecord(
        id=article.id,
        title=prepared.title,
        url=prepared.url,
        published=prepared.published,
        text=prepared.text,
        boilerplate=prepared.boilerplate,
        warnings=list(prepared.warnings),
        language="en" if prepared.english else None,
        date_source=prepared.date_source,
    )
    if ctx is not None:
        record.actors = ctx.actors
        record.events = ctx.events
        record.quotes = ctx.quotes
        record.claims = ctx.claims
        record.places = ctx.places
        record.dates = ctx.dates
        record.warnings.extend(ctx.warnings)
    return record
