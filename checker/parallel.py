"""Extraction over many documents: in this process, in a pool of processes (`--jobs N`), or as a
Dask bag on a cluster (`--engine dask`, a local cluster unless `--scheduler ADDRESS` names one).

Documents stream: this process reads them one by one, answers what it can from the claims cache,
and sends the rest out in batches, keeping only a few batches in flight, so memory grows with the
claims, not with the corpus. Results come back batch by batch in reading order, so every engine
gives the same claims in the same order.
"""
from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .model import Claim, Document

if TYPE_CHECKING:  # the CLI imports this module for its option choices: keep that cheap
    from .cache import ClaimsCache
    from .rules import Rules

ENGINES = ("local", "dask")
_BATCH_DOCUMENTS = 256  # documents per batch, cached ones included: bounds what waits in order
_BATCH_BYTES = {"local": 256_000, "dask": 4_000_000}  # text per batch sent out: seconds of work each


class EngineError(Exception):
    """An engine that cannot run (Dask not installed, scheduler unreachable); one line for the user."""


@dataclass(frozen=True)
class Engine:
    """How to run extraction: `kind` local or dask, `jobs` processes (dask: local workers), `scheduler` address."""

    kind: str = "local"
    jobs: int = 1
    scheduler: str | None = None


# A batch of documents goes out, a list of claim lists (one per document, in order) comes back.
_Submit = Callable[[list[Document]], Callable[[], list[list[Claim]]]]

_worker_rules: Rules | None = None


def _init_worker(rules: Rules) -> None:
    global _worker_rules  # noqa: PLW0603  (one compiled copy of the rules per worker process)
    _worker_rules = rules


def _extract_batch(documents: list[Document], rules: Rules | None = None) -> list[list[Claim]]:
    from .extract import extract  # noqa: PLC0415

    rules = rules or _worker_rules
    return [extract(d, rules) for d in documents]


@contextmanager
def _submitter(engine: Engine, rules: Rules) -> Iterator[_Submit]:
    """A function sending a batch out and returning a function that waits for its claims."""
    if engine.kind == "dask":
        with _dask_submitter(engine, rules) as submit:
            yield submit
    elif engine.jobs > 1:
        import multiprocessing  # noqa: PLC0415

        # started by the first batch sent out: a run whose only batch is extracted here starts none
        pool = None

        def submit(batch: list[Document]) -> Callable[[], list[list[Claim]]]:
            nonlocal pool
            pool = pool or multiprocessing.get_context().Pool(engine.jobs, _init_worker, (rules,))
            return pool.apply_async(_extract_batch, (batch,)).get

        try:
            yield submit
        finally:
            if pool is not None:
                pool.terminate()  # as leaving `with Pool(...)` does
    else:
        yield lambda batch: lambda: _extract_batch(batch, rules)


@contextmanager
def _dask_submitter(engine: Engine, rules: Rules) -> Iterator[_Submit]:
    try:
        import dask.bag as db  # noqa: PLC0415  (optional extra: pip install 'casualty-check[dask]')
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'casualty-check[dask]'") from None
    try:
        if engine.scheduler:
            cluster = None
            client = Client(engine.scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=engine.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EngineError(f"--engine dask: cannot reach the scheduler {engine.scheduler or '(local)'} ({exc})") from None
    try:
        shared = client.scatter(rules, broadcast=True)  # compiled once per worker, not per task
        workers = max(1, len(client.scheduler_info()["workers"]))

        def submit(batch: list[Document]) -> Callable[[], list[list[Claim]]]:
            bag = db.from_sequence(batch, npartitions=min(len(batch), 2 * workers))
            return client.compute(bag.map_partitions(_extract_partition, shared)).result

        yield submit
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _extract_partition(documents: list[Document], rules: Rules) -> list[list[Claim]]:
    return _extract_batch(list(documents), rules)


def extract_documents(documents: Iterable[Document], rules: Rules, engine: Engine = Engine(),
                      cache: ClaimsCache | None = None) -> Iterator[list[Claim]]:
    """The claims of each document, in reading order; cached ones from `cache`, new ones stored there."""
    in_flight = max(2, 2 * engine.jobs)  # batches sent out and not yet collected
    budget = _BATCH_BYTES["dask" if engine.kind == "dask" else "local"]
    waiting: deque[tuple[list[str], list[list[Claim] | None], Callable[[], list[list[Claim]]] | None]] = deque()
    with _submitter(engine, rules) as submit:
        keys: list[str] = []
        found: list[list[Claim] | None] = []
        fresh: list[Document] = []
        size = 0
        sent = False  # whether a batch has gone out

        def send(here: bool = False) -> None:
            nonlocal keys, found, fresh, size
            run = (lambda batch: lambda: _extract_batch(batch, rules)) if here else submit
            waiting.append((keys, found, run(fresh) if fresh else None))
            keys, found, fresh, size = [], [], [], 0

        def collect() -> Iterator[list[Claim]]:
            batch_keys, batch_found, result = waiting.popleft()
            extracted = iter(result() if result else ())
            for key, claims in zip(batch_keys, batch_found):
                if claims is None:
                    claims = next(extracted)
                    if cache is not None:
                        cache.put(key, claims)
                yield claims

        for document in documents:
            key = cache.key(document) if cache is not None else ""
            claims = cache.get(key) if cache is not None else None
            keys.append(key)
            found.append(claims)
            if claims is None:
                fresh.append(document)
                size += len(document.text)
            if size >= budget or len(keys) >= _BATCH_DOCUMENTS:
                send()
                sent = True
                while len(waiting) > in_flight:
                    yield from collect()
        if keys:
            # a run of one batch (one short article) is extracted here: no process to start
            send(here=engine.kind == "local" and not waiting and not sent)
        while waiting:
            yield from collect()
