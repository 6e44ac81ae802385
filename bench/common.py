"""Shared pieces of the benchmarks: the result type and timing helpers."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """Our figure and the raw baseline's, in the same unit.

    ``max_ratio`` bounds ours/baseline; ``max_ours`` bounds ours itself
    (an absolute budget such as 30 ms); ``min_ours`` is a floor for rates
    (records per second).  Any of them may be None.
    """

    ours: float
    baseline: float
    unit: str
    max_ratio: float | None = None
    max_ours: float | None = None
    min_ours: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def ok(self) -> bool:
        if self.max_ratio is not None and self.ratio > self.max_ratio:
            return False
        if self.max_ours is not None and self.ours > self.max_ours:
            return False
        return not (self.min_ours is not None and self.ours < self.min_ours)

    def goal(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio<={self.max_ratio:g}")
        if self.max_ours is not None:
            parts.append(f"<={self.max_ours:g}{self.unit}")
        if self.min_ours is not None:
            parts.append(f">={self.min_ours:g}{self.unit}")
        return ",".join(parts) or "-"


@dataclass(frozen=True)
class Benchmark:
    name: str
    run: Callable[[bool], Result]


def format_header() -> str:
    return "name ours baseline ratio goal ok|over"


def format_result(bench: Benchmark, result: Result) -> str:
    verdict = "ok" if result.ok else "over"
    return (
        f"{bench.name} {result.ours:.4g}{result.unit} {result.baseline:.4g}{result.unit} "
        f"{result.ratio:.2f} {result.goal()} {verdict}"
    )


def p95(samples: list[float]) -> float:
    """The 95th percentile of samples."""
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20)[18]


def time_ms(fn: Callable[[], object], repeats: int) -> list[float]:
    """Wall times of ``repeats`` calls of fn, in milliseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples
