"""The load generator the page benchmarks share: wrk when installed, else threads.

`run(url, concurrency=, duration=, cookies=)` keeps `concurrency` keep-alive
connections busy for `duration` seconds and returns requests/s, p50/p95/p99 in ms
and the number of errors. Requests take the `cookies` in turn (one signed-in
session after another). Every answer other than 200 counts as an error: a
redirect to the sign-in page is a failure here, not a fast page.

wrk is a small C program, so the load costs the two cores little; the thread
fallback is Python and competes with the server for them (its figures are worse).
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

WRK_SCRIPT = """
local cookies = {%s}
local threads = {}
local counter = 0
bad = 0

setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  if #cookies == 0 then
    return wrk.format("GET")
  end
  return wrk.format("GET", nil, {["Cookie"] = cookies[counter %% #cookies + 1]})
end

response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("bad")
  end
  io.write(string.format("JSON {\\"requests\\": %%d, \\"seconds\\": %%f, "
    .. "\\"errors\\": %%d, \\"p50\\": %%f, \\"p95\\": %%f, \\"p99\\": %%f}\\n",
    summary.requests, summary.duration / 1e6,
    wrong + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def generator_name() -> str:
    return "wrk" if shutil.which("wrk") else "python threads"


def run(
    url: str, *, concurrency: int, duration: float, cookies: list[str] | None = None
) -> dict:
    """Load `url` and return {"requests", "seconds", "rps", "errors", "p50", ...}."""
    load = _run_wrk if shutil.which("wrk") else _run_threads
    return load(url, concurrency=concurrency, duration=duration, cookies=cookies or [])


def _run_wrk(url: str, *, concurrency: int, duration: float, cookies: list[str]):
    quoted = ", ".join(json.dumps(cookie) for cookie in cookies)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % quoted)
    try:
        output = subprocess.run(
            [
                "wrk",
                f"-t{min(concurrency, 2)}",
                f"-c{concurrency}",
                f"-d{max(1, round(duration))}s",
                "--timeout",
                "30s",
                "-s",
                script.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _run_threads(url: str, *, concurrency: int, duration: float, cookies: list[str]):
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, port = host.split(":")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker(offset: int):
        connection = http.client.HTTPConnection(hostname, int(port), timeout=30)
        mine, count = [], offset
        while time.monotonic() < stop_at:
            headers = {"Cookie": cookies[count % len(cookies)]} if cookies else {}
            count += 1
            started = time.perf_counter()
            connection.request("GET", "/" + rest, headers=headers)
            reply = connection.getresponse()
            reply.read()
            mine.append((time.perf_counter() - started) * 1000)
            if reply.status != 200:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "errors": errors[0],
        "rps": len(latencies) / seconds,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
    }
