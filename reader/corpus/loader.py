"""Loading a corpus from disk into Story / Article / Claim objects.

A path is one story (a folder of .txt/.md files), a folder of story folders, or a single file
(a story of one). Folder rule: a folder is a *folder of stories* when at least one of its
subfolders directly holds a .txt/.md file; its loose files are then skipped. Otherwise it is one
story and its subfolders are skipped. Nothing deeper than a story folder is read.

Every file or folder not loaded is reported as a `Skipped` with a one-line reason; nothing here
ever blocks on a FIFO or device, follows a symlinked folder, or reads more than `max_bytes`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.corpus.boilerplate import boilerplate_spans, is_boilerplate, is_label
from reader.corpus.claim_ids import assign_ids
from reader.corpus.copies import copy_warnings
from reader.corpus.decode import DecodeError, decode_bytes, escape_undecodable
from reader.corpus.markdown import plain_text, too_deep
from reader.corpus.segment import segment_article, split_sentences
from reader.corpus.sources import find_source, front_matter_span, line_spans
from reader.corpus.unwrap import unwrap
from reader.models import Article, Claim, Corpus, Skipped, Story, name_order, shown_path

TEXT_SUFFIXES = frozenset({".txt", ".md"})
GUIDELINES = "guidelines.md"  # a story's (or a folder of stories') labelling guidelines
GUIDELINES_MAX_BYTES = 1_000_000
DEFAULT_MAX_BYTES = 5_000_000


class CorpusError(Exception):
    """A corpus or file that cannot be loaded; str() is a one-line message for the user."""


class ArticleError(CorpusError):
    """One file that cannot be loaded as an article (binary, empty, too large, undecodable…)."""


def _show(path: Path | str) -> str:
    # File names are untrusted too: never let one carry escapes, bidi tricks, line breaks or
    # bytes that are not UTF-8 (which would crash the printing of the message) into a message.
    return shown_path(str(path))


def read_regular(path: Path, max_bytes: int) -> bytes:
    """Read a regular file without ever blocking on a FIFO or device, refusing huge files.

    Raises ArticleError with a one-line reason. Every file crossread reads goes through it (the
    articles, the guidelines, the config file): opening a FIFO would wait for a writer forever.
    """
    try:
        st = os.stat(path)  # follows a symlinked *file*; stat never opens, so never blocks
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):  # (a config.toml or --guidelines that is a folder)
        raise ArticleError("a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ArticleError("not a regular file (FIFO, device or socket)")
    if st.st_size > max_bytes:
        raise ArticleError(f"too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after stat, open still returns at once.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ArticleError("not a regular file (FIFO, device or socket)")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ArticleError(f"too large (more than {max_bytes:,} bytes)")
    return data


_TITLE_MAX_WORDS = 30


def _headline_like(line: str) -> bool:
    return len(line.split(None, _TITLE_MAX_WORDS + 1)) <= _TITLE_MAX_WORDS and (
        len(split_sentences(line)) == 1
    )


def _find_title(text: str, skip: list[tuple[int, int]], begin: int = 0) -> tuple[int, int] | None:
    """Offsets of the title: the first non-empty line from `begin` that is not boilerplate.

    A short unpunctuated first line (after any front matter) is a headline, not a section label.
    """
    marked = {s for s, _ in skip}
    pos = 0
    first = True
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and pos >= begin:
            s = pos + len(line) - len(line.lstrip())
            if s not in marked or (
                first and is_label(stripped) and not is_boilerplate(stripped, labels=False)
            ):
                # A paragraph of several sentences is reporting: the file has no title line.
                return (s, s + len(stripped)) if _headline_like(stripped) else None
            first = False
        pos += len(line) + 1
    return None


def read_text(path: Path | str, max_bytes: int) -> str:
    """A text file that is not an article (the labelling guidelines) read as an article is:
    refused when binary or undecodable (ArticleError, one line), decoded by its BOM, as UTF-8
    or as detected, control characters replaced."""
    try:
        return decode_bytes(read_regular(Path(path), max_bytes))[0]
    except DecodeError as exc:
        raise ArticleError(str(exc)) from None


# A page a browser saved as it came (its HTML, under a .txt name): read as text, every tag and
# script would be the article's words. It opens with a doctype, or an <html> tag whose next
# thing is a tag too (not an article that starts by quoting "<html>"), after comments, an XML
# prolog and white space.
_WEB_PAGE = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<html\b[^>]*>\s*<)",
    re.IGNORECASE | re.DOTALL,
)


def build_article(story: str, name: str, path: str, data: bytes) -> Article:
    """Decode raw bytes into an Article with its title, boilerplate spans and claims."""
    if not data:
        raise ArticleError("empty file")
    try:
        text, encoding, warnings = decode_bytes(data)
    except DecodeError as exc:
        raise ArticleError(str(exc)) from None
    if _WEB_PAGE.match(text, 0, 4096):
        raise ArticleError("a web page (HTML), not text: save the page as text, or as Markdown")
    markdown = Path(name).suffix.lower() == ".md"
    if markdown and too_deep(text):
        warnings.append("Markdown nested too deep to render: read as plain text")
        markdown = False
    elif markdown and text.strip():
        text = plain_text(text)  # (which joins a paragraph's lines itself)
        if not text.strip():
            raise ArticleError("no text (only Markdown markup: images, code, HTML)")
    if not text.strip():
        raise ArticleError("no text (only white space)")
    if not markdown:  # a hard-wrapped paragraph's sentences are not cut at each line
        front = front_matter_span(text)
        text = text[: front[1]] + unwrap(text[front[1] :]) if front else unwrap(text)
    boiler = boilerplate_spans(text)
    source, front = find_source(text, name, boiler)
    if source.problem:
        warnings.append(source.problem)
    if front:  # front matter is boilerplate line by line, so no claim or title comes from it
        boiler = sorted(set(boiler) | set(line_spans(text, *front)))
    title_span = _find_title(text, boiler, front[1] if front else 0)
    if title_span in boiler:
        boiler.remove(title_span)
    body_title = text[title_span[0] : title_span[1]] if title_span else Path(name).stem
    title = source.title or body_title
    # The headline is itself a claim ("US and Russia vow to keep talking…") and is checked too.
    offsets = []
    furniture: dict[str, bool] = {}  # each sentence's, read once (an article may repeat one)
    for s, e in segment_article(text, boiler):
        sentence = text[s:e]
        if (marked := furniture.get(sentence)) is None:
            marked = furniture[sentence] = is_boilerplate(sentence, sentence=True)
        # A credit or copyright notice run into a paragraph is marked, not made a claim.
        if marked:
            boiler.append((s, e))
        else:
            offsets.append((s, e))
    if not offsets:  # (an article with nothing to tag: an empty pane in the app)
        raise ArticleError("no sentence to review: only front matter or boilerplate")
    boiler.sort()
    texts = [text[s:e] for s, e in offsets]
    ids = assign_ids(story, name, texts)
    claims = [
        Claim(id=i, story=story, article=name, index=n, start=s, end=e, text=t)
        for n, (i, (s, e), t) in enumerate(zip(ids, offsets, texts, strict=True))
    ]
    return Article(
        story=story,
        name=name,
        path=path,
        text=text,
        title=title,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        warnings=warnings,
        title_span=title_span,
        boilerplate=boiler,
        claims=claims,
        source=source.name,
        url=source.url,
        published=source.published,
    )


def load_article(story: str, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load one file as an article of `story`; raises ArticleError with a one-line reason."""
    path = Path(path)
    data = read_regular(path, max_bytes)
    # absolute, so an export can later recognise the article whatever the working folder
    name, where = escape_undecodable(path.name), escape_undecodable(os.path.abspath(path))
    article = build_article(story, name, where, data)
    if name != path.name:
        article.warnings.insert(0, f"file name is not valid UTF-8; shown as {shown_path(name)}")
    return article


def _skip_reason(entry: os.DirEntry[str], inside: str | None = None) -> str | None:
    """Why a directory entry is not an article file, or None if it should be read.

    With `inside` (the corpus folder, resolved), a symbolic link leading out of it is skipped:
    `story/x.txt -> /etc/passwd` must not end up in the database and its exports.
    """
    if entry.name.startswith("."):
        return "hidden"
    try:
        if entry.is_symlink() and entry.is_dir():
            return "symbolic link to a folder, not followed"
        if entry.is_dir(follow_symlinks=False):
            if _holds_text_dir(entry.path):  # (a story put inside another: say how to read it)
                where = _show(entry.path)
                return (
                    "folder nested inside a story, not read (its articles are a story of their "
                    f"own: import {where})"
                )
            return "folder nested inside a story, not read"
        if inside is not None and entry.is_symlink():
            target = os.path.realpath(entry.path)
            if os.path.commonpath([inside, target]) != inside:
                return (
                    f"symbolic link out of the corpus (to {_show(target)}), not followed "
                    "(--follow-symlinks reads it)"
                )
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if Path(entry.name).suffix.lower() not in TEXT_SUFFIXES:
        return "not a .txt or .md file"
    if entry.name.lower() == GUIDELINES:
        return "the labelling guidelines, not an article (the app shows them with g)"
    return None


def _scan(folder: Path, leave_out: frozenset[str] = frozenset()) -> list[os.DirEntry[str]]:
    """The folder's entries in name order, without those `leave_out` names (real paths)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: name_order(e.name))
    except OSError as exc:
        raise CorpusError(f"cannot read folder {_show(folder)}: {exc.strerror or exc}") from None
    if leave_out:
        names = {os.path.basename(p) for p in leave_out}  # (resolved only where one may match)
        entries = [
            e for e in entries if e.name not in names or os.path.realpath(e.path) not in leave_out
        ]
    return entries


def side_files(db: str) -> list[str]:
    """A SQLite database file and the files SQLite keeps beside it while it is open."""
    return [db + suffix for suffix in ("", "-wal", "-shm", "-journal")]


def _load_story(
    folder: Path,
    entries: list[os.DirEntry[str]],
    corpus: Corpus,
    max_bytes: int,
    inside: str | None,
) -> Iterator[Story]:
    """The story of `folder` (none when it has no readable article), added to `corpus`."""
    story = Story(
        name=escape_undecodable(folder.name), path=escape_undecodable(os.path.abspath(folder))
    )
    for entry in entries:
        reason = _skip_reason(entry, inside)
        if reason is None:
            try:
                article = load_article(story.name, Path(entry.path), max_bytes=max_bytes)
                story.articles.append(article)
                continue
            except ArticleError as exc:
                reason = str(exc)
        corpus.skipped.append(Skipped(_show(entry.path), reason))
    if story.articles:
        copies = copy_warnings(story.articles)
        for article in story.articles:
            if article.name in copies:
                article.warnings.append(copies[article.name])
        if story.name != folder.name:  # said once, with its first article, as a file's name is
            story.articles[0].warnings.insert(
                0, f"folder name is not valid UTF-8; shown as {shown_path(story.name)}"
            )
        corpus.stories.append(story)
        yield story
    else:
        corpus.skipped.append(Skipped(_show(folder), "no readable .txt or .md files"))


def require_articles(corpus: Corpus, path: str | Path) -> None:
    """A path with no article at all is an error: a mistyped folder must not look empty."""
    if not corpus.stories:
        raise CorpusError(f"no articles (.txt or .md files) in {_show(path)}")


def _article_name(name: str) -> bool:
    """A name a story folder reads as an article's (hidden, other types and the guidelines
    are not)."""
    return (
        Path(name).suffix.lower() in TEXT_SUFFIXES
        and not name.startswith(".")
        and name.lower() != GUIDELINES
    )


def _holds_text(entry: os.DirEntry[str]) -> bool:
    """A real (not symlinked), visible subfolder that directly holds a .txt/.md file."""
    try:
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            return False
    except OSError:
        return False
    return _holds_text_dir(entry.path)


def _is_article(path: str) -> bool:
    """A file a story folder reads as an article."""
    return _article_name(os.path.basename(path)) and os.path.isfile(path)


def _has_stories(folder: str) -> bool:
    """A folder of stories: a subfolder of it directly holds an article (else it is a story)."""
    try:
        with os.scandir(folder) as it:
            return any(_holds_text(e) for e in it)
    except OSError:
        return False


def _holds_text_dir(folder: str) -> bool:
    """The folder directly holds a .txt/.md file (by name, as a story folder is recognised)."""
    try:
        with os.scandir(folder) as it:
            return any(_article_name(e.name) for e in it)
    except OSError:
        return False


def _read_by(folder: str, path: str, has_stories: Callable[[str], bool]) -> bool:
    """True when importing `folder` reads `path` (both real paths, `path` another one): as one
    of its stories, or an article of one of them."""
    parent = os.path.dirname(path)
    if parent == folder:
        if os.path.isdir(path):  # a story of a folder of stories
            return _holds_text_dir(path) and has_stories(folder)
        return _is_article(path) and not has_stories(folder)  # an article of the story
    # an article of a story of the folder of stories
    return os.path.dirname(parent) == folder and _is_article(path) and _holds_text_dir(parent)


def distinct_paths(paths: Iterable[str]) -> list[str]:
    """`paths` without those another of them reads (the same folder spelt twice, `st1` and
    `./st1/`, or a story given with its folder of stories, or an article with its story), so
    each story is imported once: the first spelling of each, the covering one of the others.
    Each path must exist (`checked`)."""
    given = [(p, os.path.realpath(p)) for p in paths]
    folders = {real for _, real in given if os.path.isdir(real)}
    has_stories = functools.cache(_has_stories)  # (each folder looked at once, not per story)
    kept: list[str] = []
    seen: set[str] = set()
    for path, real in given:
        if real in seen:
            continue
        seen.add(real)
        up = os.path.dirname(real)
        covering = [f for f in (up, os.path.dirname(up)) if f in folders and f != real]
        if not any(_read_by(f, real, has_stories) for f in covering):
            kept.append(path)
    return kept


def load_corpus(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = False
) -> Corpus:
    """Load a story folder, a folder of story folders, or a single file.

    Symbolic links to files outside `path` are skipped unless `follow_symlinks`.
    Raises CorpusError if the path does not exist or is not a folder or readable text file.
    """
    corpus, _, stories = open_corpus(path, max_bytes=max_bytes, follow_symlinks=follow_symlinks)
    for _ in stories:
        pass
    return corpus


def checked(path: str | Path) -> os.stat_result:
    """The path's status; CorpusError when there is nothing there to read (checked for every
    path of an import before any is imported: a typo among them stops it all, not halfway)."""
    if not os.fspath(path):  # (Path("") is the current folder: an unset $VARIABLE, not it)
        raise CorpusError("no file or folder given: the path is empty")
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise CorpusError(f"no such file or folder: {_show(Path(path))}") from None
    except OSError as exc:
        raise CorpusError(f"cannot open {_show(Path(path))}: {exc.strerror or exc}") from None


def open_corpus(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
    leave_out: Iterable[str] = (),
    story: bool = False,
) -> tuple[Corpus, int, Iterator[Story]]:
    """`load_corpus`, a story at a time: (corpus, folders, stories). Each story is loaded when
    the iterator comes to it (then it is in `corpus.stories`, and the files it skipped in
    `corpus.skipped`), so an import analyses the first stories while it loads the next;
    `folders` is how many stories there are at most (a folder with no readable file is none).
    A path that cannot be read at all raises CorpusError here, before any story is loaded.
    `leave_out`: files passed over without a word, however spelt (the database being written,
    kept in a story's folder, and its side files: not articles, nor skipped files to report).
    `story`: the folder is read as one story even when a subfolder of it holds articles (else
    it is then a folder of stories): it was imported as a story, and a folder put inside it
    since must not turn its tagged articles into files skipped.
    """
    quiet = frozenset(os.path.realpath(p) for p in leave_out)
    root = Path(path)
    st = checked(path)
    corpus = Corpus()
    if stat.S_ISREG(st.st_mode):
        try:
            article = load_article(root.stem, root, max_bytes=max_bytes)
        except ArticleError as exc:
            from annotations.connection import is_sqlite

            if is_sqlite(root):  # (`crossread labels.db`: --db forgotten)
                raise CorpusError(
                    f"{_show(root)} is an SQLite database, not an article: to open it or import "
                    f"into it, give it as --db {_show(root)}"
                ) from None
            raise CorpusError(f"{_show(root)}: {exc}") from None
        name, where = escape_undecodable(root.stem), escape_undecodable(os.path.abspath(root))
        story = Story(name=name, path=where, articles=[article])
        corpus.stories.append(story)
        return corpus, 1, iter([story])
    if not stat.S_ISDIR(st.st_mode):
        raise CorpusError(f"not a file or folder (FIFO, device or socket): {_show(root)}")
    entries = _scan(root, quiet)
    inside = None if follow_symlinks else os.path.realpath(root)
    story_dirs = [] if story else [e for e in entries if _holds_text(e)]
    stories = _stories(root, entries, story_dirs, corpus, max_bytes, inside, quiet)
    return corpus, max(1, len(story_dirs)), stories


def _not_a_story(entry: os.DirEntry[str], inside: str | None) -> str:
    """Why an entry of a folder of stories is not read as a story."""
    reason = _skip_reason(entry, inside)
    if reason is None:  # an article file among the story folders
        return "not inside a story folder (this is a folder of stories)"
    if reason.startswith("folder nested"):  # a subfolder of the corpus holding no article
        try:
            with os.scandir(entry.path):
                pass
        except OSError as exc:
            return f"cannot read: {exc.strerror or exc}"
        return "no article in this folder (.txt or .md files directly in it)"
    return reason


def _stories(
    root: Path,
    entries: list[os.DirEntry[str]],
    story_dirs: list[os.DirEntry[str]],
    corpus: Corpus,
    max_bytes: int,
    inside: str | None,
    quiet: frozenset[str] = frozenset(),
) -> Iterator[Story]:
    if not story_dirs:  # the path is one story
        yield from _load_story(root, entries, corpus, max_bytes, inside)
        return
    # a set: looked up in the list, each entry cost a pass over the story folders (50,000 story
    # folders: 11 s)
    wanted = set(story_dirs)
    for entry in entries:
        if entry in wanted:
            try:
                story_entries = _scan(Path(entry.path), quiet)
            except CorpusError as exc:  # one unreadable story must not stop the others
                corpus.skipped.append(Skipped(_show(entry.path), str(exc)))
                continue
            yield from _load_story(Path(entry.path), story_entries, corpus, max_bytes, inside)
        else:
            corpus.skipped.append(Skipped(_show(entry.path), _not_a_story(entry, inside)))
