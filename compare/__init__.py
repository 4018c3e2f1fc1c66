"""factcompare: what two news reports of one event share, where they differ, and what only one says.

The library's entry point is :func:`compare_articles`; it returns a
:class:`Comparison`, which the renderers in :mod:`compare.render` turn into
reports.

Importing the package is cheap: the public names are resolved on first use
(PEP 562), so that ``factcompare --help`` or a script that only reads files
does not pay for scikit-learn and SciPy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .articles.reader import read_source
    from .core import compare_articles
    from .errors import ArticleError
    from .models import Alignment, Article, Comparison, Difference, Sentence, Source
    from .options import CompareOptions

# Where each public name lives; `from compare import X` imports that module then.
_PUBLIC = {
    "Alignment": "models",
    "Article": "models",
    "ArticleError": "errors",
    "CompareOptions": "options",
    "Comparison": "models",
    "Difference": "models",
    "Sentence": "models",
    "Source": "models",
    "compare_articles": "core",
    "read_source": "articles.reader",
}

__all__ = [
    "Alignment",
    "Article",
    "ArticleError",
    "CompareOptions",
    "Comparison",
    "Difference",
    "Sentence",
    "Source",
    "__version__",
    "compare_articles",
    "read_source",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # resolved once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
