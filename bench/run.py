"""Run the benchmarks: one line each, ``name ours baseline ratio goal ok|over``.

Every benchmark measures our code and a raw baseline doing the same work in
the same run, so the ratio holds across machines.  Benchmarks live in
``bench/bench_*.py`` modules, each exposing ``BENCHMARKS``: a list of
``Benchmark`` from ``bench/common.py``.

    python bench/run.py [--quick] [--only NAME]
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import Benchmark, format_header, format_result  # noqa: E402


def discover() -> list[Benchmark]:
    """Every benchmark of every bench_*.py module, in file order."""
    found: list[Benchmark] = []
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        found.extend(getattr(module, "BENCHMARKS", []))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data, few repeats")
    parser.add_argument("--only", action="append", default=[], help="run benchmarks whose name contains this")
    args = parser.parse_args(argv)
    selected = [b for b in discover() if not args.only or any(o in b.name for o in args.only)]
    print(format_header(), flush=True)
    failed = 0
    for bench in selected:
        try:
            result = bench.run(args.quick)
        except Exception as exc:  # a broken benchmark must not hide the others
            print(f"{bench.name} error {type(exc).__name__}: {exc}", flush=True)
            failed += 1
            continue
        print(format_result(bench, result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
