"""Import budgets: a contacts CSV all the way into the store and its queue.

* ``import_contacts_csv``: 100k rows (quick: 10k) from a realistic CSV
  (bench/datagen.py) through TransferService.import_file, against
  csv.reader plus sqlite3 executemany of the same rows into a bare table,
  side by side in one run.  Goal: ours <= 3x the baseline.
* ``import_memory``: 1M rows (quick: 100k) imported in a subprocess; the
  figure is the peak RSS growth over the process after start-up, against
  the same for the raw baseline.  Goal: <= 500 MB.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Benchmark, Result
from datagen import DATA_VERSION, csv_rows

# Loaded here, like the baseline's csv and sqlite3: loading the app's modules
# (about a second) is start-up, which the app pays once, not import work.
from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench-data"


def contacts_csv(n: int) -> Path:
    """A deterministic contacts CSV of n rows, written once and cached."""
    path = CACHE / f"import-v{DATA_VERSION}-{n}.csv"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(csv_rows(n))
        tmp.rename(path)
    return path


def raw_baseline(path: Path, db: Path) -> None:
    """csv.reader plus one executemany into a bare table, with the store's pragmas."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE t (a, b, c, d, e, f)")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    conn.close()


def ours(path: Path, data_dir: Path) -> int:
    """Import the CSV into a fresh store; returns the rows created."""
    store = Store.open_dir(data_dir)
    try:
        report = TransferService(store).import_file(path)
        queued = store.pending_changes()
    finally:
        store.close()
    if report.failed or queued != report.created + report.accounts_created:
        raise RuntimeError(f"import went wrong: {report.failed} failed, {queued} queued")
    return report.created


def bench_import_speed(quick: bool) -> Result:
    path = contacts_csv(10_000 if quick else 100_000)
    with tempfile.TemporaryDirectory(prefix="crm-bench-import-") as tmp:
        start = time.perf_counter()
        raw_baseline(path, Path(tmp) / "bare.sqlite3")
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        ours(path, Path(tmp) / "store")
        mine = time.perf_counter() - start
    return Result(ours=mine, baseline=baseline, unit="s", max_ratio=3.0)


_CHILD = """
import resource, sys
from pathlib import Path
sys.path[:0] = [{bench!r}, {root!r}]
import bench_import  # loads the app's modules: start-up cost, not the import's

def status_mb(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)

try:  # Linux: reset the peak to now, so start-up's own peak does not hide the import's
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    before = status_mb("VmRSS")
    peak = lambda: status_mb("VmHWM")
except OSError:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    before = peak()
if sys.argv[1] == "ours":
    bench_import.ours(Path(sys.argv[2]), Path(sys.argv[3]))
else:
    bench_import.raw_baseline(Path(sys.argv[2]), Path(sys.argv[3]) / "bare.sqlite3")
print(peak() - before)
"""


def _peak_growth_mb(which: str, path: Path, target: Path) -> float:
    code = _CHILD.format(bench=str(ROOT / "bench"), root=str(ROOT))
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", code, which, str(path), str(target)], capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def bench_import_memory(quick: bool) -> Result:
    path = contacts_csv(100_000 if quick else 1_000_000)
    with tempfile.TemporaryDirectory(prefix="crm-bench-import-") as tmp:
        baseline = _peak_growth_mb("raw", path, Path(tmp) / "raw")
        mine = _peak_growth_mb("ours", path, Path(tmp) / "store")
    return Result(ours=mine, baseline=max(baseline, 0.1), unit="MB", max_ours=500.0)


BENCHMARKS = [
    Benchmark("import_contacts_csv", bench_import_speed),
    Benchmark("import_memory", bench_import_memory),
]
