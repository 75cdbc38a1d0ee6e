"""Benchmarks of leerlab side by side with a floor, as ratios of medians.

Run with the interpreter of the environment that leerlab is installed in:

    .venv/bin/python benchmarks/run.py            # about 15 minutes on 2 busy cores
    .venv/bin/python benchmarks/run.py --quick    # fewer runs; 1,000 and 10,000 leerlabs

Each comparison runs the floor and the command in alternating rounds (hyperfine
when it is installed, else a loop over subprocess runs) and reports
median(command) / median(floor): absolute times on a shared machine are noise,
ratios of commands run side by side much less so. Each ratio is printed with
its spread: the lowest and highest ratio of the single rounds. The commands use this
interpreter and the `leerlab` script beside it. The big datasets (the shipped
six leerlabs repeated with unique slugs) and leerlab's cache go into a
temporary folder, never into the repository or ~/.cache.

Modes of the dataset-size comparisons:
  warm  the cache holds the dataset (every call after the first on a file)
  cold  no cache at all (LEERLAB_NO_CACHE=1): read, parse, validate, render
  miss  the first call on a new file: as cold, and then writing the cache (the
        console script leaves that to a child process; the harness waits for
        it between runs, so that it never overlaps the next run)

Rows appear as the commands exist: `export --format html` once `export --help`
lists html. `validate` runs on files with an error in every tenth leerlab (a
misspelt field): 1,000 errors at 10,000 leerlabs; it runs cold only, since the
cache never holds a file with errors.

Bytecode: both sides get cached bytecode (PYTHONPYCACHEPREFIX in the temporary
folder, filled by the warm-up runs), as an installed package has; a source
checkout under PYTHONDONTWRITEBYTECODE would otherwise compile leerlab on
every call.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "leerlabs.toml"
PYTHON = sys.executable
LEERLAB = str(Path(sys.executable).with_name("leerlab"))

STARTUP_FLOOR = [PYTHON, "-c", "import typer, tomllib; from pydantic import BaseModel"]
STARTUP_TARGET = 1.2
SCALE_TARGET = 1.3
MEMORY_TARGET = 2.0
TARGET_LABS = 10_000
"""The size at which the issue sets the targets; other sizes show how time grows."""

# Run by a fresh interpreter, so that its children's peak is the command's alone.
_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


@dataclass
class Mode:
    """How leerlab's cache stands when the command runs."""

    name: str
    env: dict[str, str]
    emptied: Path | None = None
    """A cache folder removed before every run of the command."""


@dataclass
class Result:
    """One comparison: run times of the command and of the floor, and their peak memory."""

    name: str
    target: float | None
    floor: list[float]
    command: list[float]
    floor_kib: int | None = None
    command_kib: int | None = None
    labs: int | None = None
    series: str = ""
    rounds: list[float] = field(default_factory=list)
    """The ratio of each round's medians: the spread of the ratio."""

    @property
    def ratio(self) -> float:
        return statistics.median(self.command) / statistics.median(self.floor)

    @property
    def spread(self) -> str:
        """The lowest and highest ratio of single rounds."""
        if len(self.rounds) < 2:
            return ""
        return f"{min(self.rounds):.2f}–{max(self.rounds):.2f}"

    @property
    def memory_ratio(self) -> float | None:
        if self.floor_kib and self.command_kib:
            return self.command_kib / self.floor_kib
        return None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; 1k and 10k leerlabs")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(n) for n in text.split(",")],
        help="numbers of leerlabs, e.g. 1000,10000,20000",
    )
    parser.add_argument("--rounds", type=int, help="alternating rounds per comparison")
    parser.add_argument("--no-hyperfine", action="store_true", help="use the Python harness")
    parser.add_argument(
        "--only", choices=["startup", "scale"], help="only start-up, or only dataset sizes"
    )
    parser.add_argument("--json", type=Path, help="also write all run times to this file")
    return parser.parse_args()


def make_dataset(labs: int, folder: Path) -> Path:
    """The shipped leerlabs repeated to `labs` entries, slugs made unique with -1, -2, ..."""
    text = SHIPPED.read_text(encoding="utf-8")
    head, marker, rest = text.partition("[[leerlab]]")
    blocks = [marker + block for block in rest.split(marker)]
    slug_line = re.compile(r'^slug = "([^"]+)"', re.MULTILINE)
    parts = [head]
    for index in range(labs):
        copy = index // len(blocks) + 1
        block = blocks[index % len(blocks)]
        parts.append(slug_line.sub(lambda m, c=copy: f'slug = "{m[1]}-{c}"', block, count=1))
    path = folder / f"leerlabs-{labs}.toml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def make_dataset_with_errors(labs: int, folder: Path) -> Path:
    """As `make_dataset`, with the field `name` misspelt in every tenth leerlab."""
    valid = make_dataset(labs, folder).read_text(encoding="utf-8")
    head, marker, rest = valid.partition("[[leerlab]]")
    blocks = rest.split(marker)
    for index in range(9, len(blocks), 10):
        blocks[index] = blocks[index].replace("\nname = ", "\nnaem = ", 1)
    path = folder / f"leerlabs-{labs}-errors.toml"
    path.write_text(head + marker + marker.join(blocks), encoding="utf-8")
    return path


def environment(folder: Path, cache: str = "cache", **extra: str) -> dict[str, str]:
    unset = {"LEERLAB_DATA", "LEERLAB_NO_CACHE", "LEERLAB_DEBUG", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["LEERLAB_CACHE_DIR"] = str(folder / cache)
    # The interface in Dutch, its catalog loaded, as leerlab's users run it.
    env["LEERLAB_LANG"] = "nl"
    env.update(extra)
    return env


def problem_running(command: list[str], env: dict[str, str], exit_code: int) -> str | None:
    """Run `command` once (filling caches); why it cannot be benchmarked, if it cannot."""
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != exit_code:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        return f"exit {done.returncode}: {message[-1] if message else ''}"
    return None


def wait_for_cache_write(folder: Path) -> None:
    """Wait until the background write of a miss has put its entry in place."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if any(folder.glob("leerlab-dataset-*.json")) and not any(folder.glob(".*.tmp")):
            return
        time.sleep(0.02)


def time_hyperfine(
    floor: list[str], command: list[str], mode: Mode, runs: int, warmup: int, failing: bool
) -> tuple[list[float], list[float]]:
    prepare = ["--ignore-failure"] if failing else []
    if mode.emptied is not None:
        prepare += [f"--prepare={shlex.join(['rm', '-rf', str(mode.emptied)])}"]
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(
            [
                "hyperfine",
                "--shell=none",
                "--output=pipe",
                "--style=none",
                f"--runs={runs}",
                f"--warmup={warmup}",
                f"--export-json={export.name}",
                *prepare,
                shlex.join(floor),
                shlex.join(command),
            ],
            env=mode.env,
            check=True,
            stdout=subprocess.DEVNULL,
            # hyperfine warns about outliers on stderr: expected on a shared machine.
            stderr=subprocess.DEVNULL,
        )
        results = json.loads(Path(export.name).read_text())["results"]
    return results[0]["times"], results[1]["times"]


def time_harness(
    floor: list[str], command: list[str], mode: Mode, runs: int, warmup: int, failing: bool
) -> tuple[list[float], list[float]]:
    times: tuple[list[float], list[float]] = ([], [])
    for run in range(warmup + runs):
        # Alternate run by run, so that both see the same load on the machine.
        for side, argv in enumerate((floor, command)):
            if mode.emptied is not None:
                shutil.rmtree(mode.emptied, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(argv, env=mode.env, capture_output=True, check=not failing)
            if run >= warmup:
                times[side].append(time.perf_counter() - start)
            if side == 1 and mode.emptied is not None:
                wait_for_cache_write(mode.emptied)
    return times


def peak_kib(command: list[str], mode: Mode) -> int:
    """The peak resident memory of one run of `command`, in KiB (ru_maxrss on Linux).

    A miss's background write runs in a child that outlives the command, so it
    is not counted; the child shares the command's pages until it serialises.
    """
    if mode.emptied is not None:
        shutil.rmtree(mode.emptied, ignore_errors=True)
    done = subprocess.run(
        [PYTHON, "-c", _PEAK_RSS, *command],
        env=mode.env,
        capture_output=True,
        check=True,
        text=True,
    )
    return int(done.stdout.strip())


def compare(
    result: Result,
    floor: list[str],
    command: list[str],
    mode: Mode,
    *,
    runs: int,
    rounds: int,
    warmup: int,
    use_hyperfine: bool,
    floor_kib: int | None = None,
    exit_code: int = 0,
) -> Result | None:
    """Time `command` against `floor` in `rounds` alternating rounds of `runs` runs each."""
    problem = problem_running(command, mode.env, exit_code)
    if problem is not None:
        print(f"  skipped {result.name}: {problem}", flush=True)
        return None
    timer = time_hyperfine if use_hyperfine else time_harness
    if mode.emptied is not None:
        wait_for_cache_write(mode.emptied)
    for _ in range(rounds):
        floor_times, command_times = timer(
            floor, command, mode, runs, warmup, failing=exit_code != 0
        )
        if mode.emptied is not None:
            wait_for_cache_write(mode.emptied)
        result.floor += floor_times
        result.command += command_times
        result.rounds.append(statistics.median(command_times) / statistics.median(floor_times))
    if floor_kib is not None:
        result.floor_kib = floor_kib
        result.command_kib = peak_kib(command, mode)
    print("  " + describe(result), flush=True)
    return result


def describe(result: Result) -> str:
    line = (
        f"{result.name}: {statistics.median(result.command) * 1000:.0f} ms vs floor "
        f"{statistics.median(result.floor) * 1000:.0f} ms = {result.ratio:.2f}x"
    )
    if result.spread:
        line += f" (rounds {result.spread})"
    if result.target is not None:
        verdict = "ok" if result.ratio <= result.target else "OVER"
        line += f" (target {result.target}x: {verdict})"
    line += f", {len(result.command)} runs"
    if result.memory_ratio is not None:
        assert result.command_kib is not None
        assert result.floor_kib is not None
        line += (
            f"; peak {result.command_kib >> 10} MiB vs {result.floor_kib >> 10} MiB "
            f"= {result.memory_ratio:.2f}x"
        )
    return line


def help_of(name: str, env: dict[str, str]) -> str:
    """The help of a command, or "" if there is no such command."""
    done = subprocess.run(
        [LEERLAB, name, "--help"],
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else ""


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for package in ("pydantic", "pydantic_core", "typer"):
        done = subprocess.run(
            [PYTHON, "-c", f"import {package}; print({package}.__version__)"],
            capture_output=True,
            text=True,
            check=False,
        )
        versions.append(f"{package} {done.stdout.strip()}")
    cpus = f"{os.cpu_count()} CPUs ({model})"
    return f"{cpus}, Python {platform.python_version()}, " + ", ".join(versions)


def growth(results: list[Result]) -> list[str]:
    """Per series, how its time grows with the size: an exponent near 1 is linear."""
    series: dict[str, list[Result]] = {}
    for result in results:
        if result.series and result.labs:
            series.setdefault(result.series, []).append(result)
    lines = []
    for name, points in series.items():
        if len(points) < 2:
            continue
        points.sort(key=lambda point: point.labs or 0)
        steps = []
        for small, big in itertools.pairwise(points):
            assert small.labs
            assert big.labs
            exponent = math.log(
                statistics.median(big.command) / statistics.median(small.command)
            ) / math.log(big.labs / small.labs)
            steps.append(f"{small.labs // 1000}k→{big.labs // 1000}k n^{exponent:.2f}")
        per_lab = ", ".join(
            f"{statistics.median(p.command) / (p.labs or 1) * 1e6:.0f}" for p in points
        )
        lines.append(f"  {name}: {'; '.join(steps)} (µs per leerlab: {per_lab})")
    return lines


def markdown_table(results: list[Result]) -> str:
    rows = [
        "| comparison | command | floor | ratio | rounds | target | peak memory, command / floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        memory = ""
        if result.memory_ratio is not None:
            assert result.command_kib is not None
            assert result.floor_kib is not None
            memory = (
                f"{result.command_kib >> 10} / {result.floor_kib >> 10} MiB "
                f"= {result.memory_ratio:.2f}×"
            )
        target = f"≤ {result.target}×" if result.target is not None else "–"
        rows.append(
            f"| {result.name} | {statistics.median(result.command) * 1000:.0f} ms "
            f"| {statistics.median(result.floor) * 1000:.0f} ms | {result.ratio:.2f}× "
            f"| {result.spread} | {target} | {memory} |"
        )
    return "\n".join(rows)


def run_startup(
    folder: Path, args: argparse.Namespace, rounds: int, use_hyperfine: bool
) -> list[Result]:
    print("start-up, stdout piped, the shipped dataset:", flush=True)
    results = []
    modes = [
        Mode("warm cache", environment(folder)),
        Mode("no cache", environment(folder, LEERLAB_NO_CACHE="1")),
    ]
    # Plain text, as in a pipe; spelt out where `show` has the choice.
    show = "show apeldoorn"
    if "text" in help_of("show", modes[0].env):
        show += " --format text"
    for label in ("list --sector zorg", show):
        for mode in modes:
            result = compare(
                Result(f"{label}, {mode.name}", STARTUP_TARGET, [], []),
                STARTUP_FLOOR,
                [LEERLAB, *shlex.split(label)],
                mode,
                runs=10,
                rounds=rounds * (1 if args.quick else 2),
                warmup=3,
                use_hyperfine=use_hyperfine,
            )
            if result:
                results.append(result)
    return results


def run_scale(
    folder: Path, args: argparse.Namespace, sizes: list[int], rounds: int, use_hyperfine: bool
) -> list[Result]:
    warm = Mode("warm", environment(folder))
    modes = [
        warm,
        Mode("cold", environment(folder, LEERLAB_NO_CACHE="1")),
        Mode("miss", environment(folder, cache="emptied"), emptied=folder / "emptied"),
    ]
    commands = ["list --sector zorg --format json", "export --format csv"]
    commands.append("export --format markdown")
    if "html" in help_of("export", warm.env):
        commands.append("export --format html")
    else:
        print("(`leerlab export` has no html format yet: its benchmarks are skipped)")
    results = []
    for labs in sizes:
        path = make_dataset(labs, folder)
        with_errors = make_dataset_with_errors(labs, folder)
        floor = [PYTHON, "-c", f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"]
        floor_kib = peak_kib(floor, warm)
        print(f"{labs} leerlabs ({path.stat().st_size >> 20} MiB of TOML):", flush=True)
        if labs == TARGET_LABS:
            # Not a target: how much of the margin is leerlab's parser. leerlab parses with
            # tomli (compiled), the floor with the standard library's tomllib.
            parser = [PYTHON, "-c", f"import tomli; tomli.load(open({str(path)!r}, 'rb'))"]
            result = compare(
                Result(f"parsing alone with tomli, {labs // 1000}k labs", None, [], []),
                floor,
                parser,
                warm,
                runs=1,
                rounds=rounds * 2,
                warmup=0,
                use_hyperfine=use_hyperfine,
                floor_kib=floor_kib,
            )
            if result:
                results.append(result)
        for label in commands:
            for mode in modes:
                if mode.emptied is not None and labs != TARGET_LABS:
                    continue
                result = compare(
                    Result(
                        f"{label}, {labs // 1000}k labs, {mode.name}",
                        SCALE_TARGET if labs == TARGET_LABS else None,
                        [],
                        [],
                        labs=labs,
                        series=f"{label}, {mode.name}",
                    ),
                    floor,
                    [LEERLAB, "--data", str(path), *shlex.split(label)],
                    mode,
                    # One run per round: floor and command alternate run by run.
                    runs=1,
                    rounds=rounds * (2 if labs <= TARGET_LABS else 1),
                    warmup=0,
                    use_hyperfine=use_hyperfine,
                    floor_kib=floor_kib,
                )
                if result:
                    results.append(result)
        result = compare(
            Result(
                f"validate, {labs // 10} errors, {labs // 1000}k labs, cold",
                # The issue asks of validate only that it grows no worse than linearly.
                None,
                [],
                [],
                labs=labs,
                series="validate with errors, cold",
            ),
            floor,
            [LEERLAB, "validate", str(with_errors)],
            modes[1],
            runs=1,
            rounds=rounds * (2 if labs <= TARGET_LABS else 1),
            warmup=0,
            use_hyperfine=use_hyperfine,
            floor_kib=floor_kib,
            exit_code=1,
        )
        if result:
            results.append(result)
    return results


def main() -> int:
    args = parse_args()
    if not Path(LEERLAB).exists():
        print(f"no leerlab script beside {PYTHON}: run this with the venv's python")
        return 2
    use_hyperfine = shutil.which("hyperfine") is not None and not args.no_hyperfine
    sizes = args.sizes or ([1000, 10000] if args.quick else [1000, 10000, 20000])
    rounds = args.rounds or (2 if args.quick else 3)
    print(f"machine: {machine()}")
    print(f"timer: {'hyperfine' if use_hyperfine else 'Python harness'}", flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="leerlab-bench-") as name:
        folder = Path(name)
        if args.only in (None, "startup"):
            results += run_startup(folder, args, rounds, use_hyperfine)
        if args.only in (None, "scale"):
            results += run_scale(folder, args, sizes, rounds, use_hyperfine)
    growth_lines = growth(results)
    if growth_lines:
        print("\ngrowth with the number of leerlabs (whole command, start-up included):")
        print("\n".join(growth_lines))
    print()
    print(markdown_table(results))
    over = [r.name for r in results if r.target is not None and r.ratio > r.target]
    over += [
        f"{r.name} (memory)"
        for r in results
        if r.target is not None and r.memory_ratio is not None and r.memory_ratio > MEMORY_TARGET
    ]
    print("\nover target: " + ("; ".join(over) if over else "none"))
    if args.json:
        records = [
            {
                "name": r.name,
                "ratio": r.ratio,
                "round_ratios": r.rounds,
                "target": r.target,
                "command_seconds": r.command,
                "floor_seconds": r.floor,
                "command_peak_kib": r.command_kib,
                "floor_peak_kib": r.floor_kib,
            }
            for r in results
        ]
        args.json.write_text(json.dumps(records, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
