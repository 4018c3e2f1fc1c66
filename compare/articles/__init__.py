"""Articles in: reading, fetching, cleaning and segmenting what a user gives.

- :mod:`.sources`: the articles a command line names (files, ``-``, web pages) and their display names;
- :mod:`.reader`: decoding, binary detection, web-page extraction (trafilatura) and Markdown;
- :mod:`.fetch`: fetching a web page the user named, with timeouts and size caps;
- :mod:`.markdown`: a Markdown article's text, its headings marked;
- :mod:`.segment`: sentences with their character offsets;
- :mod:`.clean`: telling statements from boilerplate, bylines and headings;
- :mod:`.text`: the text normalisation every later stage shares.

Everything here returns a :class:`~compare.models.Source` or an analysed
:class:`~compare.models.Article`; everything it refuses is an
:class:`~compare.errors.ArticleError` with a one-line message.
"""
