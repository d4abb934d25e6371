"""User-facing errors.

Everything the user can get wrong (a file, a row, a column, an index) is raised
as :class:`VerifierError` with one human sentence; the CLI prints it on one line
and exits 2. Anything else is a bug and may traceback.
"""

from __future__ import annotations

import click


class VerifierError(Exception):
    """A problem with the user's input, named in one sentence."""


class IndexLoadError(VerifierError):
    """An index directory that is missing, incomplete, corrupt or foreign."""


class UserError(click.ClickException):
    """A :class:`VerifierError` shown by the CLI: one line on stderr, exit status 2, no traceback."""

    exit_code = 2
