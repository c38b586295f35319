"""Run one command and print its wall time, CPU time and peak memory as JSON (used by bench/run.py).

Running each measurement under its own parent keeps the peak-memory figure (ru_maxrss of the children)
specific to that command.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    command = sys.argv[1:]
    start = time.perf_counter()
    completed = subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime,
                "peak_mb": usage.ru_maxrss / 1024,
                "returncode": completed.returncode,
                "stderr": completed.stderr.decode("utf-8", "replace")[-2000:],
            }
        )
    )


if __name__ == "__main__":
    main()
