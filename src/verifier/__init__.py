"""An offline, explainable fact-checking claim verifier.

The public API lives in :mod:`verifier.api` (imported lazily so that importing
the package stays cheap).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Verifier", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Verifier":
        from verifier.api import Verifier

        return Verifier
    raise AttributeError(name)
