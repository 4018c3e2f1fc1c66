"""Whole collections: groups of articles in, one JSON Lines record per group out (``factcompare batch``).

One module per stage, imported by name (this package's face loads nothing, so that the
command line's start-up stays light): :mod:`.manifest` reads the collection
(``read_collection``, ``Group``), :mod:`.job` compares one group (``BatchSettings``,
``compare_group``), :mod:`.records` keeps the record file, :mod:`.engines` run the
groups (``ENGINES``: local processes, Dask) and :mod:`.run` is the run loop the command calls.
"""
