"""Run one command and print its wall time, CPU time and peak memory as JSON (used by bench/run.py).

Running each measurement under its own parent keeps the figures specific to that command. Two memory
figures: ``peak_mb`` is the largest single process (ru_maxrss of the children), ``tree_peak_mb`` the
largest sum of the proportional set sizes (PSS) of the command and all its worker processes, sampled
every 20 ms from /proc (Linux; 0 elsewhere). PSS shares the pages that forked workers have in common
with their parent, so the sum is what the run really occupies.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def _tree_pss_kb(root: int) -> int:
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue
        pending += _children(pid)
    return total


def _sample_tree(root: int, done: threading.Event, peak: list[int]) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], _tree_pss_kb(root))
        done.wait(0.02)


def main() -> None:
    command = sys.argv[1:]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done, tree_peak = threading.Event(), [0]
    sampler = None
    if (PROC / "self" / "smaps_rollup").exists():
        sampler = threading.Thread(target=_sample_tree, args=(process.pid, done, tree_peak), daemon=True)
        sampler.start()
    stderr = process.stderr.read() if process.stderr else b""
    returncode = process.wait()
    wall = time.perf_counter() - start
    done.set()
    if sampler:
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime,
                "peak_mb": usage.ru_maxrss / 1024,
                "tree_peak_mb": tree_peak[0] / 1024,
                "returncode": returncode,
                "stderr": stderr.decode("utf-8", "replace")[-2000:],
            }
        )
    )


if __name__ == "__main__":
    main()
