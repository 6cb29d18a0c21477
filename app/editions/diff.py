"""What changed between two editions, by proposal: which came in, which went out, and for
those in both, which texts and amounts differ (texts word by word, as the green paper's
history shows them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.editions.queries import EditionContents, EntryView, EntryYear
from app.green_papers.diff import Piece, word_diff

TEXTS = ("title", "summary", "measure", "consequences")


@dataclass(frozen=True)
class TextChange:
    name: str  # one of TEXTS
    pieces: list[Piece]


@dataclass(frozen=True)
class YearChange:
    year: int
    before: EntryYear
    after: EntryYear


@dataclass(frozen=True)
class Changed:
    before: EntryView
    after: EntryView
    texts: list[TextChange]
    years: list[YearChange]
    lines_changed: bool
    chapter_changed: bool

    @property
    def proposal_id(self) -> int:
        return self.after.entry.proposal_id


@dataclass
class EditionDiff:
    old: EditionContents
    new: EditionContents
    added: list[EntryView] = field(default_factory=list)
    removed: list[EntryView] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _chapter_titles(contents: EditionContents) -> dict[int, str]:
    return {view.entry.id: c.chapter.title for c in contents.chapters for view in c.entries}


def compare(old: EditionContents, new: EditionContents) -> EditionDiff:
    """Entries are matched by their proposal; order follows the newer edition (removed
    ones the older)."""
    before = {view.entry.proposal_id: view for view in old.entries}
    after = {view.entry.proposal_id: view for view in new.entries}
    old_chapters, new_chapters = _chapter_titles(old), _chapter_titles(new)
    result = EditionDiff(old, new)
    result.removed = [view for pid, view in before.items() if pid not in after]
    for pid, view in after.items():
        earlier = before.get(pid)
        if earlier is None:
            result.added.append(view)
            continue
        texts = [
            TextChange(name, word_diff(getattr(earlier.entry, name), getattr(view.entry, name)))
            for name in TEXTS
            if getattr(earlier.entry, name) != getattr(view.entry, name)
        ]
        old_years = {y.year: y for y in earlier.years}
        years = [
            YearChange(y.year, old_years[y.year], y)
            for y in view.years
            if y.year in old_years and old_years[y.year] != y
        ]
        lines_changed = earlier.entry.budget_lines != view.entry.budget_lines
        chapter_changed = old_chapters[earlier.entry.id] != new_chapters[view.entry.id]
        if texts or years or lines_changed or chapter_changed:
            result.changed.append(
                Changed(earlier, view, texts, years, lines_changed, chapter_changed)
            )
        else:
            result.unchanged += 1
    return result
