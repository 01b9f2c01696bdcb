"""`indexer translate`: write or refresh a scheme's translation file (a skeleton for translators).

Every English text of the scheme appears as a comment above its translation, with the
fingerprint of the English it translates. Refreshing (``--update``) keeps every translation,
records the fingerprint of texts that have none (taken as translated from the current English),
keeps the old fingerprint of stale ones (so they stay reported until revised), and adds blanks
for new texts. It never writes a file with less than it had: a file with errors, or with
translations of English texts that are gone, is left alone (``--prune`` drops the latter).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import (
    Bundle,
    InvalidInput,
    has_errors,
    resolve_scheme,
    summary_line,
    unreadable_scheme_file,
    wrote,
)


@click.command("translate")
@click.argument("scheme")
@click.option("--lang", required=True, metavar="LANG", help="The language to translate into, e.g. ru, kk, hy.")
@click.option("--update", is_flag=True, help="Refresh an existing translation file (keeps every translation).")
@click.option("--prune", is_flag=True, help="With --update: drop translations whose English text is gone.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="The file (default: indicators/<scheme>.<LANG>.yaml beside the scheme); - for stdout.")
def command(scheme: str, lang: str, update: bool, prune: bool, output: str | None) -> None:
    """Write a translation skeleton of SCHEME into LANG, or refresh it with --update."""
    from ..fileio import atomic_write
    from ..i18n import t
    from ..translate import (
        LANG_RE,
        SOURCE_LANGUAGE,
        load_translation,
        skeleton,
        source_labels,
        source_texts,
        translation_path,
    )

    if not LANG_RE.match(lang) or lang == SOURCE_LANGUAGE:
        raise click.BadParameter(f"{lang!r}: give the code of a language other than English, e.g. ru, kk, hy",
                                 param_hint="--lang")
    bundle = Bundle()
    sid = resolve_scheme(scheme, bundle)
    if sid is None:
        unreadable_scheme_file(scheme, bundle)
        raise click.BadParameter(f"no scheme {scheme!r}: give a scheme file or the id of one in indicators/",
                                 param_hint="SCHEME")
    if has_errors(bundle.problems) or sid not in bundle.schemes:
        raise InvalidInput(bundle.problems, summary_line(bundle.problems))
    s = bundle.schemes[sid]
    target = Path(output) if output and output != "-" else translation_path(s, lang)
    existing = None
    problems = []
    if target.exists():
        if not update:
            raise click.BadParameter(f"{target} exists; add --update to refresh it (every translation is kept)",
                                     param_hint="--output" if output else "--lang")
        existing, problems = load_translation(s, lang, target)
        if has_errors(problems):
            raise InvalidInput([p for p in problems if p.severity == "error"],
                               summary_line(problems) + f"; fix {target} first: it is left as it is")
        gone = [p for p in problems if p.code == "stale-translation" and "any more" in p.message]
        if gone and not prune:
            raise InvalidInput(gone, f"{len(gone)} translation{'s' * (len(gone) != 1)} of English texts that are gone; "
                                     "remove them, or add --prune to drop them")
    elif update and not output:
        raise click.BadParameter(f"{target} does not exist yet; leave out --update to start it", param_hint="--update")
    text = skeleton(s, lang, existing)
    if output == "-":
        click.echo(text, nl=False)
    else:
        try:
            atomic_write(target, text)
        except OSError as err:
            raise click.BadParameter(f"cannot write {target}: {err.strerror or err}", param_hint="--output") from None
    if output == "-":
        return
    # what the written file holds, read back and counted the way validate counts it
    tr, written = load_translation(s, lang, target)
    total = len(list(source_texts(s))) + sum(len(v) for v in source_labels(s).values())
    missing = total if tr is None else untranslated_count(s, tr)
    stale = sum(1 for p in written if p.code == "stale-translation")
    wrote(str(target), f"the {lang} translation of {sid} ("
          + t("translate.summary", "en", language=lang, done=total - missing, total=total, missing=missing, stale=stale) + ")")


def untranslated_count(scheme, tr) -> int:  # noqa: ANN001 - a Scheme and a Translation
    """How many of the scheme's texts and labels ``tr`` does not translate."""
    from ..translate import _lookup, source_labels, source_texts

    missing = sum(1 for keypath, _ in source_texts(scheme) if _lookup(tr, keypath) is None)
    return missing + sum(1 for kind, labels in source_labels(scheme).items()
                         for lab in labels if lab not in getattr(tr, kind))
