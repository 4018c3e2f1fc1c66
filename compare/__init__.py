"""factcompare: what two news reports of one event share, where they differ, and what only one says.

The library's entry point is :func:`compare_articles`; it returns a
:class:`Comparison`, which the renderers in :mod:`compare.render` turn into
reports.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .core import compare_articles
from .errors import ArticleError
from .models import Alignment, Article, Comparison, Difference, Sentence, Source
from .options import CompareOptions
from .reader import read_source

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

logging.getLogger(__name__).addHandler(logging.NullHandler())
