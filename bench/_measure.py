"""Runs one command and prints its wall time (s) and peak memory (MB) as JSON: `_measure.py CMD...`."""

import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(
    json.dumps(
        {
            "seconds": round(elapsed, 2),
            "peak_mb": round(peak_mb, 1),
            "returncode": result.returncode,
            "stdout": result.stdout[-2000:],
            "stderr": result.stderr[-2000:],
        }
    )
)
