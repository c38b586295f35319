"""doclint's benchmark: wall, CPU and peak memory against the parse floor measured in the same run.

    python bench/run.py                      # corpus + generated series of 100 and 1,000 chapters
    python bench/run.py --sizes 100 1000 10000 --repeat 5
    python bench/run.py --corpus PATH        # any folder of Markdown

The floor is one Python process that reads every file and parses it once with markdown-it-py. Every figure is
also given as a multiple of the floor, because these machines are shared and absolute times are noisy.
Scenarios: cold (no cache, all cores), cold with one worker, warm (cache full, nothing changed) and warm after
one file changed. Medians of --repeat runs; every run of a scenario follows a run of the floor, and its ratio is
the median of each run's ratio to the floor run just before it (the "parse floor" row is the median of all of
them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "react-native-website"
# measure the code of this checkout, whatever doclint the interpreter may also have installed; with its
# bytecode cached, as an installed doclint and the floor's markdown-it-py are (else every run compiles doclint)
CHECKOUT_ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent / "src"), os.environ.get("PYTHONPATH")])),
}


def measure(command: list[str], cwd: Path) -> dict:
    output = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *command],
        cwd=cwd,
        env=CHECKOUT_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(output.stdout)
    # doclint runs with --exit-zero: any other status (an import error, a crash) must not pass as a fast run
    if result["returncode"] != 0:
        raise SystemExit(f"command failed ({result['returncode']}): {' '.join(command)}\n{result['stderr']}")
    return result


def median_of(runs: list[dict]) -> dict:
    return {
        key: statistics.median(run[key] for run in runs) for key in ("wall", "cpu", "peak_mb", "tree_peak_mb")
    }


def doclint(*extra: str) -> list[str]:
    """``doclint check .``, run in the folder: as an author runs it (without a configuration file, the
    working directory is the site's root, so running it from elsewhere would lint another site)."""
    return [
        sys.executable,
        "-m",
        "doclint",
        "check",
        ".",
        "--output-format",
        "json",
        "--exit-zero",
        *extra,
    ]


def bench_folder(name: str, folder: Path, repeat: int, work: Path) -> list[dict]:
    files = sum(1 for path in folder.rglob("*") if path.suffix in (".md", ".mdx"))
    # the cache lives beside the configuration (the folder's doclint.toml), else in the working directory
    caches = [folder / ".doclint_cache"]
    floor_command = [sys.executable, str(HERE / "floor.py"), str(folder)]
    floors: list[dict] = []
    rows: list[dict] = []

    def scenario(label: str, command: list[str], before=None) -> None:
        """Each run follows a run of the floor: its ratio is to the floor measured beside it, so that a
        machine that slows down or speeds up during the benchmark does not bias one scenario."""
        runs, beside = [], []
        for _ in range(repeat):
            beside.append(measure(floor_command, work))
            if before:
                before()
            runs.append(measure(command, folder))
        floors.extend(beside)
        row = {"corpus": name, "scenario": label, "files": files, **median_of(runs)}
        # paired: a run and the floor just before it see the machine at the same speed
        row["x_floor"] = statistics.median(run["wall"] / floor["wall"] for run, floor in zip(runs, beside))
        rows.append(row)

    def cold() -> None:
        for cache in caches:
            shutil.rmtree(cache, ignore_errors=True)

    env_cache = ["--no-cache"]
    scenario("cold, all cores", doclint(*env_cache))
    scenario("cold, 1 worker", doclint(*env_cache, "--jobs", "1"))
    scenario("cold, filling cache", doclint(), before=cold)
    scenario("warm, nothing changed", doclint())
    victim = next(path for path in sorted(folder.rglob("*.md")))
    original = victim.read_bytes()
    counter = iter(range(10**6))
    scenario(
        "warm, one file changed",
        doclint(),
        before=lambda: victim.write_bytes(original + f"\nEdited {next(counter)}.\n".encode()),
    )
    # a prose edit leaves the cross-document facts as they were; a new heading changes them (a new anchor)
    scenario(
        "warm, one heading added",
        doclint(),
        before=lambda: victim.write_bytes(original + f"\n## Edited heading {next(counter)}\n".encode()),
    )
    victim.write_bytes(original)
    floor = {"corpus": name, "scenario": "parse floor", "files": files, **median_of(floors), "x_floor": 1.0}
    rows.insert(0, floor)
    for row in rows:
        row["files_per_s"] = files / row["wall"]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    arguments = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    # compile the checkout's bytecode before the first measured run, not during it
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src")], env=CHECKOUT_ENV, check=True
    )
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        if arguments.corpus.is_dir():
            corpus_copy = work / "corpus"
            shutil.copytree(arguments.corpus, corpus_copy)  # the warm-changed scenario edits a file
            rows += bench_folder(arguments.corpus.name, corpus_copy, arguments.repeat, work)
        else:
            print(f"(corpus {arguments.corpus} not found; skipped)", file=sys.stderr)
        for size in arguments.sizes:
            target = work / f"series-{size}"
            generate(target, size)
            rows += bench_folder(f"series-{size}", target, arguments.repeat, work)
    print(
        f"{'corpus':<22} {'scenario':<24} {'files':>6} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'tree MB':>8} {'x floor':>8} {'files/s':>8}"
    )
    for row in rows:
        print(
            f"{row['corpus']:<22} {row['scenario']:<24} {row['files']:>6} {row['wall']:>8.2f} {row['cpu']:>8.2f} "
            f"{row['peak_mb']:>8.0f} {row['tree_peak_mb']:>8.0f} {row['x_floor']:>8.2f} {row['files_per_s']:>8.0f}"
        )
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
