"""``python -m indexer``: the command line; a Python without the project's packages is told
what to do instead of ending in a traceback."""

import sys


def _missing(err: ModuleNotFoundError) -> None:
    sys.stderr.write(
        f"indexer: this Python ({sys.executable}) lacks the package {err.name!r} that indexer needs.\n"
        "  Run `make setup` in the repository (it creates .venv), then use `.venv/bin/indexer ...`\n"
        "  or `. .venv/bin/activate` followed by `indexer ...`; or `pip install -e .` into this Python.\n")
    sys.exit(2)


def _run() -> None:
    try:
        from .cli import main

        main()
    except ModuleNotFoundError as err:
        if (err.name or "").split(".")[0] == "indexer":
            raise
        _missing(err)


if __name__ == "__main__":
    _run()
