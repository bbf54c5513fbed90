"""Running wrk with POST bodies and reading its report."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench_lib.queries import HEADERS


def _lua_string(text: str) -> str:
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


# Counting a response header's values across wrk's threads: each thread has a
# Lua state of its own, so each counts in its globals and done() adds them up.
# Defining response() makes wrk parse every response's headers: compare only
# runs that count with runs that count.
_COUNT_CACHE_HEADER = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; misses = 0; others = 0 end
function response(status, headers, body)
  local value = headers["x-mall-cache"] or headers["X-Mall-Cache"]
  if value == "hit" then hits = hits + 1 elseif value == "miss" then misses = misses + 1 else others = others + 1 end
end
function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits"); m = m + thread:get("misses"); o = o + thread:get("others")
  end
  io.write(string.format("X-Mall-Cache counted: hit %d miss %d none %d\\n", h, m, o))
end
"""


def lua_script(bodies: list[str], path: Path, *, count_cache_header: bool = False) -> Path:
    """A wrk script POSTing ``bodies`` (one: always the same; several: in turn, per
    thread); with ``count_cache_header``, it also counts X-Mall-Cache hit/miss/none."""
    lines = ['wrk.method = "POST"']
    lines += [f'wrk.headers["{name}"] = "{value}"' for name, value in HEADERS.items()]
    if len(bodies) == 1:
        lines.append(f"wrk.body = {_lua_string(bodies[0])}")
    else:
        lines.append("local bodies = {")
        lines += [f"  {_lua_string(body)}," for body in bodies]
        lines.append("}")
        lines.append("local counter = 0")
        lines.append("request = function()")
        lines.append("  counter = counter + 1")
        lines.append("  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])")
        lines.append("end")
    if count_cache_header:
        lines.append(_COUNT_CACHE_HEADER)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: str | None
    raw: str
    # X-Mall-Cache values counted by the script (count_cache_header): hit, miss, none.
    cache: dict[str, int] | None = None


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse(output: str) -> WrkResult:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and p50 and p99 and total):
        raise RuntimeError(f"could not read wrk's report:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors:\s+(.*)", output)
    cache = re.search(r"X-Mall-Cache counted: hit (\d+) miss (\d+) none (\d+)", output)
    return WrkResult(
        requests_per_second=float(rps.group(1)), p50_ms=_ms(p50.group(1)), p99_ms=_ms(p99.group(1)),
        requests=int(total.group(1)), non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket.group(1).strip() if socket else None, raw=output,
        cache=dict(zip(("hit", "miss", "none"), map(int, cache.groups()), strict=True)) if cache else None,
    )


def _command(url: str, script: Path, *, seconds: float, connections: int, threads: int) -> list[str]:
    return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
            "--timeout", "10s", "-s", str(script), url]


def run(url: str, script: Path, *, seconds: float, connections: int = 16, threads: int = 2) -> WrkResult:
    done = subprocess.run(_command(url, script, seconds=seconds, connections=connections, threads=threads),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout)


class Background:
    """wrk running while this process does something else: ``start()``, then ``result()``."""

    def __init__(self, url: str, script: Path, *, seconds: float, connections: int = 16, threads: int = 2) -> None:
        self.command = _command(url, script, seconds=seconds, connections=connections, threads=threads)
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> Background:
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return self

    def result(self) -> WrkResult:
        assert self.process is not None
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            raise RuntimeError(f"wrk failed ({self.process.returncode}): {stderr or stdout}")
        return parse(stdout)

    def stop(self) -> None:
        """Stop it early (an interrupted run)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
