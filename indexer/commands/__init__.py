"""Commands beyond validate/score/template: one module per verb, each defining ``command``.

``indexer.cli`` registers every module here automatically, so a new verb is one new file.
"""
