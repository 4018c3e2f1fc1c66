"""The command line: the ``factcompare`` commands, their help, the console and where output goes.

- :mod:`.commands`: the commands (``compare``, ``check``, ``batch``, ``eval``), thin glue over the core;
- :mod:`.help`: the command group and its examples;
- :mod:`.console`: how output reaches a terminal (Rich), progress included;
- :mod:`.output`: what goes to stdout and what to report files.

``python -m compare`` and the ``factcompare`` script enter through
:mod:`compare.__main__`, which sets up the interrupt guard before importing
:mod:`.commands`. Nothing here is imported by the library.
"""
