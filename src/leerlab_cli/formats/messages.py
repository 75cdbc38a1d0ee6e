"""The notes the commands write to stderr for a person, worded once."""

from __future__ import annotations

import errno
from pathlib import Path

from leerlab_cli.core.errors import (
    AmbiguousQuery,
    DatasetTooLarge,
    EmptyQuery,
    InvalidDataset,
    LeerlabError,
    NoMatch,
    NoShellProfile,
    NotFound,
    OutputError,
    TooLargeForWorkbook,
    UnreadableDataset,
    UnsupportedShell,
    WriteFailure,
)
from leerlab_cli.core.query import MAX_CANDIDATES, Match, MatchKind, WordMeaning
from leerlab_cli.core.text import printable, shown_path
from leerlab_cli.i18n import N_, _, ngettext


def no_match() -> str:
    """When the filters select no leerlab (`list`, `routes`, `export`)."""
    return _("No leerlab matches these filters.")


def no_contact() -> str:
    """When the selected leerlabs have no contact person (`contacts`)."""
    return _("No contact person in the leerlabs that match these filters.")


def wrote(count: int, path: Path) -> str:
    """What `export --output` reports once the file is written."""
    return ngettext(
        "Wrote {count} leerlab to {path}.", "Wrote {count} leerlabs to {path}.", count
    ).format(count=count, path=printable(str(path)))


def wrote_new_lab(slug: str, path: Path) -> str:
    """What `new --output` reports once the table is written."""
    return _("Wrote a new leerlab {slug!r} to {path}.").format(slug=slug, path=printable(str(path)))


def chosen(query: str, match: Match) -> str:
    """Which leerlab `show` chose for a query that is not its slug, and why.

    ``'aven' is not a slug; shown: apeldoorn: school "Aventus"``.
    """
    reasons = {
        MatchKind.slug: _("slug"),
        MatchKind.slug_prefix: _("slug starts with it"),
        MatchKind.name: _('name "{text}"'),
        MatchKind.place: _('place "{text}"'),
        MatchKind.province: _('province "{text}"'),
        MatchKind.school: _('school "{text}"'),
        MatchKind.close: _("the one slug spelt much like it"),
    }
    reason = reasons[match.kind].format(text=match.matched)
    return _("'{query}' is not a slug; shown: {slug}: {reason}").format(
        query=query, slug=match.lab.slug, reason=reason
    )


def bad_language_value(variable: str, value: str) -> str:
    """When $LEERLAB_LANG names a language leerlab does not speak."""
    return _("{variable}={value!r} is not a language of leerlab: use nl or en").format(
        variable=variable, value=value
    )


def dataset_too_large(name: str, limit: int, variable: str) -> str:
    """When a dataset file is larger than the limit."""
    return _(
        "{name}: larger than {limit} bytes, the most a dataset file may have; "
        "set {variable} to a larger number of bytes to read it"
    ).format(name=name, limit=limit, variable=variable)


def bad_size_limit(variable: str, value: str) -> str:
    """When $LEERLAB_MAX_BYTES is not a positive whole number."""
    return _("{variable}={value!r} is not understood: give a positive number of bytes").format(
        variable=variable, value=value
    )


def cannot_write_output(error: OSError) -> str:
    """When stdout cannot take the output (a full disk, a closed stdout)."""
    return _("cannot write output: {reason}").format(reason=os_reason(error))


_OS_REASONS: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("part of the path is not a folder"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ENXIO: N_("no such device or address (a FIFO with no reader, or a device not there)"),
    errno.ENODEV: N_("no such device"),
    errno.EIO: N_("input/output error (the disk or device failed)"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EFBIG: N_("the file is too large"),
    errno.EMFILE: N_("too many open files"),
    errno.ENFILE: N_("too many open files in the system"),
    errno.ETXTBSY: N_("the file is busy"),
    errno.EBUSY: N_("the device or resource is busy"),
    errno.EINVAL: N_("invalid argument"),
    errno.EPIPE: N_("the reader has gone (broken pipe)"),
    errno.EBADF: N_("bad file descriptor (closed)"),
    errno.EAGAIN: N_("the resource is temporarily unavailable"),
    errno.EEXIST: N_("it already exists (and is not a folder)"),
}
"""The operating system's reasons, worded in the interface language."""


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the interface language (its own words otherwise)."""
    template = _OS_REASONS.get(error.errno or 0)
    if template is not None:
        return _(template)
    # A reason not in the table: the system's words, with its number to look up.
    return printable(f"{error.strerror or type(error).__name__} (errno {error.errno})")


def error_lines(problem: LeerlabError) -> list[str]:
    """What a `LeerlabError` says to the user, a line per problem, in the interface language."""
    if isinstance(problem, InvalidDataset):
        from leerlab_cli.formats.problems import problem_message

        return [problem_message(each) for each in problem.problems]
    if isinstance(problem, UnreadableDataset):
        return [unreadable_dataset(problem.name, problem.error)]
    if isinstance(problem, DatasetTooLarge):
        return [dataset_too_large(problem.name, problem.limit, problem.variable)]
    if isinstance(problem, NotFound):
        return [not_found(problem)]
    if isinstance(problem, OutputError):
        return [cannot_write(problem.name, problem.failure)]
    if isinstance(problem, UnsupportedShell):
        return [unsupported_shell(problem.shell)]
    if isinstance(problem, NoShellProfile):
        return [
            _("{shell} did not say where its profile is; completion was not installed").format(
                shell=printable(problem.shell)
            )
        ]
    if isinstance(problem, TooLargeForWorkbook):
        return [too_large_for_workbook(problem)]
    return [printable(str(problem))]


def unsupported_shell(shell: str | None) -> str:
    """When `--install-completion` runs in a shell leerlab has no completion for."""
    if shell is None:
        return _(
            "cannot tell which shell this is; run --install-completion from bash, zsh, "
            "fish or PowerShell"
        )
    return _(
        "no completion for {shell}: leerlab completes in bash, zsh, fish and PowerShell"
    ).format(shell=printable(shell))


def completion_installed(shell: str, path: Path) -> str:
    """What `--install-completion` reports once the script is in place."""
    return _(
        "Completion for {shell} installed in {path}; it works in shells started from now on."
    ).format(shell=shell, path=shown_path(str(path)))


def unreadable_dataset(name: str, error: OSError) -> str:
    """When a dataset file cannot be opened or read."""
    if error.errno == errno.ENOENT:
        return _("{name}: no such file").format(name=name)
    if error.errno == errno.EISDIR:
        return _("{name}: is a folder, not a dataset file").format(name=name)
    return _("{name}: cannot be read: {reason}").format(name=name, reason=os_reason(error))


def not_found(problem: NotFound) -> str:
    """When a query names no leerlab, or several."""
    shown = printable(problem.query)
    if isinstance(problem, EmptyQuery):
        return _("give a leerlab: a slug, or part of its name, place or schools")
    if isinstance(problem, AmbiguousQuery):
        listed = ", ".join(
            f"{match.lab.slug} ({match.lab.name})" for match in problem.matches[:MAX_CANDIDATES]
        )
        more = len(problem.matches) - MAX_CANDIDATES
        if more > 0:
            listed += ngettext(", and {count} more", ", and {count} more", more).format(count=more)
        message = _("'{query}' matches more than one leerlab: {listed}").format(
            query=shown, listed=printable(listed)
        )
        if problem.in_text:
            message += "; " + search_hint(problem.query, problem.in_text)
        return message
    if isinstance(problem, NoMatch) and problem.in_text:
        return _("no leerlab is named '{query}'; {hint}").format(
            query=shown, hint=search_hint(problem.query, problem.in_text)
        )
    if isinstance(problem, NoMatch) and problem.close:
        return _("no leerlab matches '{query}'; did you mean {slugs}?").format(
            query=shown, slugs=_(" or ").join(problem.close)
        )
    return _("no leerlab matches '{query}'").format(query=shown)


def meant_instead(command_path: str, meaning: WordMeaning, word: str) -> str:
    """What a command given a word of its own was probably asked (`command_path` is the
    command as typed: ``leerlab list``): ``To search all text: leerlab list -q zerin``."""
    import shlex

    quoted = shlex.quote(word)
    program = command_path.split(" ")[0]
    hints = {
        WordMeaning.slug: (_("To see that leerlab:"), f"{program} show {quoted}"),
        WordMeaning.sector: (_("To select by sector:"), f"{command_path} --sector {quoted}"),
        WordMeaning.province: (
            _("To select by province:"),
            f"{command_path} --province {quoted}",
        ),
        WordMeaning.text: (_("To search all text:"), f"{command_path} -q {quoted}"),
    }
    lead, command = hints[meaning]
    return f"{lead} {printable(command)}"


def quote_the_query(command_path: str, query: str) -> str:
    """How to give a query of several words: ``To look for them together: leerlab show 'a b'``."""
    import shlex

    command = printable(f"{command_path} {shlex.quote(query)}")
    return _("To look for them together: {command}").format(command=command)


def search_hint(word: str, count: int) -> str:
    """Which leerlabs have `word` in their text: ``2 leerlabs have it in their text: leerlab
    list -q zorg``."""
    import shlex

    return ngettext(
        "{count} leerlab has it in its text: {command}",
        "{count} leerlabs have it in their text: {command}",
        count,
    ).format(command=printable(f"leerlab list -q {shlex.quote(word)}"), count=count)


def cannot_write(name: str, failure: WriteFailure) -> str:
    """When an output file cannot be written, and the real reason why."""
    error = failure.error
    if error.errno == errno.ENOENT:
        reason = (
            _("no file can be created in this folder")
            if failure.folder_exists
            else _("the folder does not exist")
        )
    else:
        reason = os_reason(error)
    return _("{name}: cannot write: {reason}").format(name=name, reason=reason)


def system_error(error: OSError) -> str:
    """When the system refuses something, naming the file it concerns where it says which."""
    if error.filename is None:
        return os_reason(error)
    return _("{name}: {reason}").format(name=shown_path(error.filename), reason=os_reason(error))


def too_large_for_workbook(problem: TooLargeForWorkbook) -> str:
    """When a text is longer than a workbook cell holds: nothing is cut short, nothing written."""
    return _(
        "the workbook cannot hold this export: cell {cell} of sheet '{sheet}' would have "
        "{length} characters, and a cell holds at most {limit}; use --format csv or json"
    ).format(
        cell=problem.cell,
        sheet=printable(problem.sheet),
        length=problem.length,
        limit=problem.limit,
    )
