"""Benchmarks of leerlab side by side with the plain reference, as ratios of medians.

Run with the interpreter of the environment that leerlab is installed in:

    .venv/bin/python benchmarks/run.py            # start-up, 1k and 10k leerlabs, growth
    .venv/bin/python benchmarks/run.py --quick    # fewer rounds

The yardstick is the plain reference (--reference, by default
../shared/bench/plain_reference.py beside the repository): a Typer app that loads the
dataset with tomllib into pydantic models and prints the leerlabs of a sector. It runs
with this interpreter, as leerlab does. Each comparison runs the reference and the command
in alternating rounds (hyperfine when it is installed, else a loop over subprocess runs)
and reports median(command) / median(reference), with the lowest and highest ratio of
single rounds. --measure cpu takes each run's CPU time (user + system) instead of its wall
time, and --measure instructions the instructions it executes (valgrind's callgrind, about
fifty times slower, but the same on a busy machine). Peak memory is ru_maxrss of a fresh
child process. Growth between sizes is the exponent k of n^k, from each command's time
above its start-up: the same command on the shipped dataset (or, for the growth files,
`leerlab validate` of it), run in the same rounds. All big files go into a temporary folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "leerlabs.toml"
REFERENCE = ROOT.parent / "shared" / "bench" / "plain_reference.py"
PYTHON = sys.executable
LEERLAB = str(Path(sys.executable).with_name("leerlab"))

STARTUP_TARGET, STARTUP_MEMORY = 1.00, 1.10
SCALE_TARGET, SCALE_MEMORY = 1.00, 1.30
LINEAR = 1.10
"""The largest growth exponent that passes as linear: timing noise moves k by a few
hundredths, and the quadratic work this looks for gives k near 2."""

# Run by a fresh interpreter, so that its children's peak is the command's alone.
_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


@dataclass
class Row:
    """One command timed in alternating rounds beside its yardstick (and its start-up)."""

    name: str
    command: list[str]
    yardstick: list[str]
    startup: list[str] | None = None
    """The same command on the shipped dataset: subtracted before the growth exponent."""
    target: float | None = None
    memory_target: float | None = None
    exit_code: int = 0
    series: str = ""
    size: int = 0
    times: list[list[float]] = field(default_factory=lambda: [[], [], []])
    """What each run of the yardstick, the command and the start-up took: seconds (wall or
    CPU time), or instructions."""
    rounds: list[float] = field(default_factory=list)
    """The ratio of each round's medians: the spread of the ratio."""
    kib: tuple[int, int] | None = None
    """Peak memory of the command and of the yardstick."""

    def median(self, side: int) -> float:
        return statistics.median(self.times[side])

    @property
    def ratio(self) -> float:
        return self.median(1) / self.median(0)

    @property
    def above_startup(self) -> float:
        if self.startup is None:
            return self.median(1)
        # A start-up that is also the yardstick is timed once, as the yardstick.
        return self.median(1) - statistics.median(self.times[2] or self.times[0])

    @property
    def memory_ratio(self) -> float | None:
        return self.kib[0] / self.kib[1] if self.kib else None

    @property
    def passed(self) -> bool:
        memory = self.memory_ratio
        return (self.target is None or self.ratio <= self.target) and (
            self.memory_target is None or memory is None or memory <= self.memory_target
        )


@dataclass
class Growth:
    """How a series grows from one size to the next: time ∝ n^exponent."""

    series: str
    small: Row
    big: Row

    @property
    def exponent(self) -> float:
        """NaN when the smaller size took no measurable time above start-up."""
        small, big = self.small.above_startup, self.big.above_startup
        if small <= 0 or big <= 0:
            return math.nan
        return math.log(big / small) / math.log(self.big.size / self.small.size)

    @property
    def passed(self) -> bool:
        return self.exponent <= LINEAR


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1000, 10000],
        help="numbers of leerlabs of the big datasets (default 1000,10000)",
    )
    parser.add_argument("--rounds", type=int, help="alternating rounds per row (default 5, 2)")
    parser.add_argument("--only", choices=["startup", "scale", "growth"], help="one section")
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="plain_reference.py")
    parser.add_argument(
        "--measure",
        choices=list(MEASURES),
        default="wall",
        help="what a run takes: wall time (default), cpu time, or instructions (valgrind)",
    )
    parser.add_argument("--no-hyperfine", action="store_true", help="use the Python harness")
    parser.add_argument("--json", type=Path, help="also write all run times to this file")
    return parser.parse_args()


# Datasets --------------------------------------------------------------------------------


def make_dataset(labs: int, folder: Path, misspelt_every: int = 0) -> Path:
    """The shipped leerlabs repeated to `labs` entries, slugs made unique with -1, -2, ...

    With `misspelt_every`, the field `name` is misspelt `naem` in every so many leerlabs.
    """
    head, marker, rest = SHIPPED.read_text(encoding="utf-8").partition("[[leerlab]]")
    blocks = [marker + block for block in rest.split(marker)]
    slug = re.compile(r'^slug = "([^"]+)"', re.MULTILINE)
    parts = [head]
    for index in range(labs):
        copy = index // len(blocks) + 1
        block = slug.sub(lambda m, c=copy: f'slug = "{m[1]}-{c}"', blocks[index % len(blocks)])
        if misspelt_every and index % misspelt_every == misspelt_every - 1:
            block = block.replace("\nname = ", "\nnaem = ", 1)
        parts.append(block)
    path = folder / f"leerlabs-{labs}{'-errors' if misspelt_every else ''}.toml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _lab(slug: str, schools: int = 1, extra: str = "", contacts: int = 0) -> str:
    lines = [
        "[[leerlab]]",
        f'slug = "{slug}"',
        'name = "Leerlab"',
        'place = "Deventer"',
        'provinces = ["Overijssel"]',
        "schools = [",
        *(
            f'  {{ name = "School {i}", types = ["vo"], place = "Deventer" }},'
            for i in range(schools)
        ),
        "]",
    ]
    if contacts:
        lines += [
            "contacts = [",
            *(f'  {{ name = "Contact {i}", email = "c{i}@example.nl" }},' for i in range(contacts)),
            "]",
        ]
    return "\n".join(lines) + "\n" + extra + "\n"


def _unknown_route_schools(n: int) -> str:
    names = "".join(f'  "Onbekend {i}",\n' for i in range(n))
    return _lab(
        "routes", schools=1000, extra=f"routes = [{{ niveaus = [2], schools = [\n{names}] }}]"
    )


GROWTH: dict[str, tuple[list[int], int, Callable[[int], str]]] = {
    # series: (sizes n, exit code of validate, the leerlabs of the file at size n)
    "unknown route schools": ([1000, 4000, 16000], 1, _unknown_route_schools),
    "duplicate slugs": ([1000, 4000, 16000], 1, lambda n: _lab("dubbel") * n),
    # Valid files; a school or contact costs less than an error, so the sizes are larger.
    "schools in one leerlab": ([4000, 16000, 64000], 0, lambda n: _lab("scholen", schools=n)),
    "contacts in one leerlab": ([4000, 16000, 64000], 0, lambda n: _lab("contact", contacts=n)),
}
"""The files of the growth section: the meta table of the shipped dataset, then these."""


# Timing ----------------------------------------------------------------------------------


def environment(folder: Path) -> dict[str, str]:
    unset = {"LEERLAB_DATA", "LEERLAB_DEBUG", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    # Both sides get cached bytecode, as an installed package has; kept out of the repository.
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    # The interface in Dutch, its catalog loaded, as leerlab's users run it.
    env["LEERLAB_LANG"] = "nl"
    # Sizes beyond the default limit of 64 MiB can be asked for with --sizes.
    env["LEERLAB_MAX_BYTES"] = str(1 << 40)
    return env


def problem(argv: list[str], env: dict[str, str], exit_code: int) -> str | None:
    """Run `argv` once (writing its bytecode); why it cannot be timed, if it cannot."""
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    if done.returncode == exit_code:
        return None
    lines = done.stderr.decode(errors="replace").strip().splitlines()
    return f"{shlex.join(argv)}: exit {done.returncode}: {lines[-1] if lines else ''}"


def time_hyperfine(
    sides: list[list[str]], env: dict[str, str], runs: int, warmup: int
) -> list[list[float]]:
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(
            [
                "hyperfine",
                "--shell=none",
                "--output=pipe",
                "--style=none",
                "--ignore-failure",
                f"--runs={runs}",
                f"--warmup={warmup}",
                f"--export-json={export.name}",
                *map(shlex.join, sides),
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            # hyperfine warns about outliers on stderr: expected on a shared machine.
            stderr=subprocess.DEVNULL,
        )
        return [result["times"] for result in json.loads(Path(export.name).read_text())["results"]]


def time_harness(
    sides: list[list[str]],
    env: dict[str, str],
    runs: int,
    warmup: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[list[float]]:
    times: list[list[float]] = [[] for _ in sides]
    for run in range(warmup + runs):
        # Side by side run by run, so that all sides see the same load on the machine.
        for side, argv in enumerate(sides):
            start = clock()
            subprocess.run(argv, env=env, capture_output=True, check=False)
            if run >= warmup:
                times[side].append(clock() - start)
    return times


def children_cpu_seconds() -> float:
    """The CPU time, user and system, of this process's children that have ended."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_cpu(
    sides: list[list[str]], env: dict[str, str], runs: int, warmup: int
) -> list[list[float]]:
    return time_harness(sides, env, runs, warmup, clock=children_cpu_seconds)


def count_instructions(
    sides: list[list[str]], env: dict[str, str], runs: int, warmup: int
) -> list[list[float]]:
    # The count is the same run after run: one run a side is enough.
    counts: list[list[float]] = []
    for argv in sides:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise SystemExit(f"valgrind counted nothing for {shlex.join(argv)}: {done.stderr}")
        counts.append([float(found.group(1))])
    return counts


@dataclass(frozen=True)
class Measure:
    """What a run takes, and how a figure of it is printed."""

    unit: str
    scale: float
    """The figure printed is the measurement times this."""

    def show(self, value: float) -> str:
        return f"{value * self.scale:.0f} {self.unit}"


MEASURES = {
    "wall": Measure("ms", 1000),
    "cpu": Measure("ms CPU", 1000),
    "instructions": Measure("M instructions", 1e-6),
}


def peak_kib(argv: list[str], env: dict[str, str]) -> int:
    """The peak resident memory of one run of `argv`, in KiB (ru_maxrss on Linux)."""
    done = subprocess.run(
        [PYTHON, "-c", _PEAK_RSS, *argv], env=env, capture_output=True, check=True, text=True
    )
    return int(done.stdout)


@dataclass
class Bench:
    env: dict[str, str]
    timer: Callable[..., list[list[float]]]
    rounds: int
    measure: Measure = MEASURES["wall"]
    rows: list[Row] = field(default_factory=list)

    def run(self, row: Row, runs: int = 1, warmup: int = 0) -> None:
        """Time `row` in alternating rounds of `runs` runs per side; print it."""
        sides = [row.yardstick, row.command]
        if row.startup and row.startup != row.yardstick:
            sides.append(row.startup)
        for argv, code in zip(sides, [0, row.exit_code, 0], strict=False):
            reason = problem(argv, self.env, code)
            if reason:
                print(f"  skipped {row.name}: {reason}", flush=True)
                return
        for _ in range(self.rounds):
            times = self.timer(sides, self.env, runs, warmup)
            for side, side_times in enumerate(times):
                row.times[side] += side_times
            row.rounds.append(statistics.median(times[1]) / statistics.median(times[0]))
        if row.memory_target is not None:
            row.kib = (peak_kib(row.command, self.env), peak_kib(row.yardstick, self.env))
        self.rows.append(row)
        print("  " + describe(row, self.measure), flush=True)


def describe(row: Row, measure: Measure) -> str:
    line = (
        f"{row.name}: {measure.show(row.median(1))} vs {measure.show(row.median(0))}"
        f" = {row.ratio:.2f}x (rounds {min(row.rounds):.2f}-{max(row.rounds):.2f})"
    )
    if row.target is not None:
        line += f", target {row.target:.2f}x"
    if row.kib:
        line += f"; peak {row.kib[0] >> 10} vs {row.kib[1] >> 10} MiB = {row.memory_ratio:.2f}x"
        line += f", target {row.memory_target:.2f}x"
    if row.target is not None or row.memory_target is not None:
        line += ": " + ("pass" if row.passed else "FAIL")
    return line


# Sections --------------------------------------------------------------------------------


def startup(bench: Bench, reference: Path, runs: int) -> None:
    print("start-up, stdout a pipe, the shipped dataset:", flush=True)
    yardstick = [PYTHON, str(reference), "list", "--data", str(SHIPPED), "--sector", "zorg"]
    for label in ("list --sector zorg", "show apeldoorn --format text"):
        row = Row(label, [LEERLAB, *shlex.split(label)], yardstick)
        row.target, row.memory_target = STARTUP_TARGET, STARTUP_MEMORY
        bench.run(row, runs=runs, warmup=2)


def scale(bench: Bench, reference: Path, sizes: list[int], folder: Path) -> None:
    commands = [
        "list --format json",
        "export --format csv",
        "export --format markdown",
        "export --format html",
    ]
    for labs in sizes:
        path = make_dataset(labs, folder)
        size = f"{labs:,} labs"
        print(f"{size} ({path.stat().st_size >> 20} MiB of TOML):", flush=True)
        yardstick = [PYTHON, str(reference), "list", "--data", str(path), "--sector", "zorg"]
        for label in commands:
            row = Row(
                f"{label}, {size}",
                [LEERLAB, "--data", str(path), *shlex.split(label)],
                yardstick,
                startup=[LEERLAB, "--data", str(SHIPPED), *shlex.split(label)],
                series=label,
                size=labs,
            )
            row.target, row.memory_target = SCALE_TARGET, SCALE_MEMORY
            bench.run(row)
        # The reference cannot read a file with errors: it runs on the valid file, for scale.
        errors = make_dataset(labs, folder, misspelt_every=10)
        row = Row(
            f"validate, {labs // 10:,} errors, {size}",
            [LEERLAB, "validate", str(errors)],
            yardstick,
            startup=[LEERLAB, "validate", str(SHIPPED)],
            exit_code=1,
            series="validate, an error in every tenth leerlab",
            size=labs // 10,
        )
        bench.run(row)


def growth_section(bench: Bench, folder: Path) -> None:
    # Side by side with leerlab's own start-up: the shipped dataset validated.
    startup_argv = [LEERLAB, "validate", str(SHIPPED)]
    head = SHIPPED.read_text(encoding="utf-8").partition("[[leerlab]]")[0]
    print("growth files (validate):", flush=True)
    for number, (series, (sizes, exit_code, leerlabs)) in enumerate(GROWTH.items()):
        for n in sizes:
            path = folder / f"growth-{number}-{n}.toml"
            path.write_text(head + leerlabs(n), encoding="utf-8")
            row = Row(
                f"validate, {n:,} {series}",
                [LEERLAB, "validate", str(path)],
                startup_argv,
                startup=startup_argv,
                exit_code=exit_code,
                series=f"validate, {series}",
                size=n,
            )
            bench.run(row)


# Report ----------------------------------------------------------------------------------


def growths(rows: list[Row]) -> list[Growth]:
    series: dict[str, list[Row]] = {}
    for row in rows:
        if row.series:
            series.setdefault(row.series, []).append(row)
    return [
        Growth(name, small, big)
        for name, points in series.items()
        for small, big in itertools.pairwise(sorted(points, key=lambda row: row.size))
    ]


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        model = names[0].split(":", 1)[1].strip() if names else model
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import importlib.metadata as m; print(', '.join(f'{p} ' + m.version(p) for p in "
            "('leerlab', 'pydantic', 'pydantic-core', 'typer', 'click', 'tomli')))",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {versions}"


def markdown_table(rows: list[Row], steps: list[Growth], measure: Measure) -> str:
    lines = [
        "| measurement | leerlab | yardstick | ratio (rounds) | target | peak memory | result |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.target is None:
            continue  # validate rows are held to their growth, below
        memory = ""
        if row.kib:
            memory = (
                f"{row.kib[0] >> 10} / {row.kib[1] >> 10} MiB = {row.memory_ratio:.2f}× "
                f"(≤ {row.memory_target:.2f}×)"
            )
        lines.append(
            f"| {row.name} | {measure.show(row.median(1))} | {measure.show(row.median(0))} "
            f"| {row.ratio:.2f}× ({min(row.rounds):.2f}–{max(row.rounds):.2f}) "
            f"| ≤ {row.target:.2f}× | {memory} | {'pass' if row.passed else 'FAIL'} |"
        )
    for step in steps:
        lines.append(
            f"| growth: {step.series}, {step.small.size:,} → {step.big.size:,} "
            f"| {measure.show(step.small.above_startup)} → {measure.show(step.big.above_startup)} "
            f"above start-up | | n^{step.exponent:.2f} | ≤ n^{LINEAR:.2f} | "
            f"| {'pass' if step.passed else 'FAIL'} |"
        )
    return "\n".join(lines)


def main() -> int:
    args = parse_args()
    if not Path(LEERLAB).exists():
        print(f"no leerlab script beside {PYTHON}: run this with the venv's python")
        return 2
    if args.only != "growth" and not args.reference.is_file():
        print(
            f"the plain reference is missing: {args.reference}\n"
            "pass its path with --reference PATH (plain_reference.py, the yardstick)"
        )
        return 2
    reference = args.reference.resolve()
    if args.measure == "instructions" and shutil.which("valgrind") is None:
        print("--measure instructions needs valgrind on the PATH")
        return 2
    timer: Callable[..., list[list[float]]]
    if args.measure == "cpu":
        timer_name, timer = "CPU time of each run", time_cpu
    elif args.measure == "instructions":
        timer_name, timer = "instructions (valgrind --tool=callgrind)", count_instructions
    elif shutil.which("hyperfine") is not None and not args.no_hyperfine:
        timer_name, timer = "hyperfine", time_hyperfine
    else:
        timer_name, timer = "Python harness", time_harness
    print(f"machine: {machine()}")
    print(f"timer: {timer_name}; reference: {reference}")
    instructions = args.measure == "instructions"
    with tempfile.TemporaryDirectory(prefix="leerlab-bench-") as name:
        folder = Path(name)
        bench = Bench(
            environment(folder),
            timer,
            # An instruction count is the same every time: one round.
            1 if instructions else args.rounds or (2 if args.quick else 5),
            MEASURES[args.measure],
        )
        if args.only in (None, "startup"):
            startup(bench, reference, runs=5 if args.quick else 10)
        if args.only in (None, "scale"):
            scale(bench, reference, args.sizes, folder)
        if args.only in (None, "growth"):
            growth_section(bench, folder)
    steps = growths(bench.rows)
    if steps:
        print("\ngrowth, time above start-up (n^1 is linear):")
        for step in steps:
            print(
                f"  {step.series}, {step.small.size:,} → {step.big.size:,}: "
                f"n^{step.exponent:.2f}: " + ("pass" if step.passed else "FAIL")
            )
    print()
    print(markdown_table(bench.rows, steps, bench.measure))
    failed = [row.name for row in bench.rows if not row.passed]
    failed += [f"growth of {step.series}" for step in steps if not step.passed]
    print("\nfailed: " + ("; ".join(failed) if failed else "none"))
    if args.json:
        records = [
            {
                "name": row.name,
                "measure": args.measure,
                "ratio": row.ratio,
                "round_ratios": row.rounds,
                "target": row.target,
                "yardstick_seconds": row.times[0],
                "command_seconds": row.times[1],
                "startup_seconds": row.times[2],
                "peak_kib_command_yardstick": row.kib,
                "memory_target": row.memory_target,
            }
            for row in bench.rows
        ]
        growth_records = [
            {"series": s.series, "from": s.small.size, "to": s.big.size, "exponent": s.exponent}
            for s in steps
        ]
        args.json.write_text(json.dumps({"rows": records, "growth": growth_records}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
