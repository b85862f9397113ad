"""The pure per-article function that every runner maps."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from newsevents.ingest.debris import find_debris
from newsevents.ingest.language import looks_english
from newsevents.options import Options
from newsevents.pipeline import STAGES, process, process_batch
from newsevents.types import Article, ArticleRecord, InputError, Rejected

TEXT = "Russia warned Ukraine on Thursday. NATO rejected the demands."


def test_process_and_its_records_pickle() -> None:
    record = process(Article(id="a", text=TEXT, published=dt.date(2022, 1, 28)))
    assert pickle.loads(pickle.dumps(record)).to_dict() == record.to_dict()
    assert pickle.loads(pickle.dumps(process)) is process


def test_process_runs_in_a_worker_process() -> None:
    article = Article(id="a", text=TEXT)
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(process, article, Options()).result(timeout=300)
    assert remote.to_dict() == process(article).to_dict()


def test_batch_keeps_order_and_rejects_in_place() -> None:
    articles = [Article(id="1", text=TEXT), Article(id="2", text="   "), Article(id="3", html="<p>nav</p>")]
    results = list(process_batch([*articles, Article(id="4", text=TEXT)]))
    assert [type(r) for r in results] == [ArticleRecord, Rejected, Rejected, ArticleRecord]
    assert isinstance(results[1], Rejected) and "empty" in results[1].reason
    assert results[0].to_dict() == process(articles[0]).to_dict()


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        process(Article(id="x", text="\n\n"))


def test_stages_declare_reads_before_writes() -> None:
    written = {"doc"}
    for stage in STAGES:
        assert set(stage.reads) <= written, stage.name
        written |= set(stage.writes)


@pytest.mark.parametrize(
    ("line", "is_debris"),
    [
        ("Exit mobile version", True),
        ("Full coverage: Russia-Ukraine", True),
        ("Share this article", True),
        ("Subscribe to our newsletter for daily updates", True),
        ("This site uses cookies. Accept all cookies", True),
        ("Read more: Why the talks failed", True),
        ("Advertisement", True),
        ("Copyright 2023 Newsevents Wire. All rights reserved.", True),
        ("Russia warned Ukraine.", False),
        ("The minister said cookies were served at the summit, and share prices rose.", False),
        ("Share prices in Moscow fell sharply on Monday after the central bank raised rates again.", False),
    ],
)
def test_debris_lines(line: str, is_debris: bool) -> None:
    text = f"First paragraph.\n\n{line}\n\nLast paragraph."
    spans = find_debris(text)
    assert bool(spans) == is_debris
    for span in spans:
        assert text[span.start : span.end] == span.text == line


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("The government said on Monday that it would not change its position on the talks.", True),
        ("Le gouvernement a déclaré lundi qu'il ne changerait pas sa position sur les négociations.", False),
        ("Die Regierung sagte am Montag, dass sie ihre Position zu den Gesprächen nicht ändern werde.", False),
        ("El gobierno dijo el lunes que no cambiaría su posición sobre las conversaciones de paz.", False),
        ("US Deputy Secretary of Energy Jeffrey Kupfer met Brazilian Minister Edison Lobao in Brasilia.", True),
        ("Die Bundesregierung und die Opposition streiten seit Wochen über den Haushalt für das Jahr.", False),
    ],
)
def test_language_check(text: str, english: bool) -> None:
    assert looks_english(text, Options().min_english_score)[0] is english


def test_a_bug_in_one_stage_rejects_only_that_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsevents.pipeline as pipeline

    def broken(ctx: object) -> None:
        raise ZeroDivisionError("boom")

    stages = tuple(pipeline.Stage(s.name, broken, s.reads, s.writes) if s.name == "dates" else s for s in STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    monkeypatch.delenv("NEWSEVENTS_DEBUG", raising=False)
    results = list(process_batch([Article(id="a", text=TEXT, source="a.txt")]))
    assert isinstance(results[0], Rejected)
    assert results[0].message() == "a.txt: internal error in the dates stage: ZeroDivisionError: boom"


@pytest.mark.parametrize(
    ("values", "error"),
    [({"events": "yes"}, "'events' must be bool"), ({"max_chars": 1.5}, "'max_chars' must be int"), ({"x": 1}, "x")],
)
def test_options_are_checked(values: dict[str, object], error: str) -> None:
    with pytest.raises(InputError, match=error):
        Options.from_mapping(values)


def test_options_layering(tmp_path: object) -> None:
    from pathlib import Path

    config = Path(str(tmp_path)) / "c.toml"
    config.write_text('[newsevents]\nmodel = "my_model"\nmin_english_score = 1\nactor_dictionaries = ["a.actors"]\n')
    options = Options.load(config, events=False)
    assert (options.model, options.min_english_score, options.actor_dictionaries) == ("my_model", 1.0, ("a.actors",))
    assert options.events is False and options.quotes is True
