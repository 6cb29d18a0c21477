"""The words as the search sees them: Dutch stems, the query's syntax, the highlighting."""

from __future__ import annotations

from sqlalchemy import Engine, text

from app.search.text import Marker, parse_query, plain_text, stem, stemmed_text, stems


def test_dutch_plurals_and_forms_share_a_stem() -> None:
    assert stem("bibliotheken") == stem("bibliotheek") == "bibliothek"
    assert stem("zwembaden") == stem("zwembad")
    assert stem("gemeenten") == stem("gemeente") == "gemeent"
    assert stem("bezuinigingen") == stem("bezuiniging")


def test_stop_words_are_left_out_before_stemming() -> None:
    # As PostgreSQL does: "één" is not the stop word "een", though it stems to it.
    assert stems("De bibliotheek en het zwembad") == ["bibliothek", "zwembad"]
    assert stems("één") == ["een"]
    assert stemmed_text("Bibliotheken", "Van de gemeente") == "bibliothek gemeent"


def test_markdown_is_taken_out() -> None:
    assert plain_text("# Kop\n\nEen **vette** [link](https://x.nl) en `code`.\n\n- punt") == (
        "Kop\nEen vette link en code.\npunt"
    )
    assert plain_text("<script>alert(1)</script>") == "<script>alert(1)</script>"


def test_the_query_reads_like_websearch() -> None:
    query = parse_query('bibliotheken "brede school" or zwembad -sluiten de')
    assert query.groups == [[["bibliothek"]], [["bred", "schol"], ["zwembad"]]]
    assert query.excluded == [["sluit"]]
    assert query.fts5() == ('(("bibliothek") AND ("bred schol" OR "zwembad")) NOT ("sluit")')
    assert query.terms == {"bibliothek", "bred", "schol", "zwembad"}


def test_nothing_a_person_types_becomes_fts5_syntax() -> None:
    query = parse_query('NEAR(a b) ^x* "unclosed OR) col:umn')
    assert all(c not in query.fts5().replace('" AND "', "") for c in "*^:")
    assert parse_query("de het een").empty
    assert parse_query("-bibliotheek").empty
    assert parse_query("   ").fts5() == ""


def test_marking_escapes_everything_else() -> None:
    marker = Marker(parse_query("bibliotheek").terms)
    assert str(marker.whole("<b>Bibliotheken</b> & co")) == (
        "&lt;b&gt;<mark>Bibliotheken</mark>&lt;/b&gt; &amp; co"
    )


def test_the_snippet_is_cut_around_the_first_match() -> None:
    marker = Marker(parse_query("zwembaden").terms)
    body = " ".join(f"woord{n}" for n in range(100)) + " het zwembad sluit " + "staart " * 50
    snippet = str(marker.snippet(body))
    assert snippet.startswith("… woord93")
    assert "<mark>zwembad</mark>" in snippet
    assert snippet.endswith(" …")
    assert str(Marker(frozenset()).snippet("Kort.")) == "Kort"


SAMPLE = (
    "De gemeente sluit twee bibliotheken en verlaagt de subsidies aan zwembaden; de "
    "openingstijden van het wijkcentrum worden korter. Bezuinigingen op leerlingenvervoer, "
    "afvalinzameling, schoolgebouwen en parkeervergunningen. Één café, naïeve ideeën."
)

# What PostgreSQL 15's to_tsvector('dutch', SAMPLE) gives, recorded so that the SQLite run
# checks the Python stemmer against it too; the PostgreSQL run checks the record itself.
POSTGRESQL_LEXEMES = {
    "afvalinzamel", "bezuin", "bibliothek", "caf", "een", "gemeent", "ideeen", "korter",
    "leerlingenvervoer", "naiev", "openingstijd", "parkeervergunn", "schoolgebouw", "sluit",
    "subsidies", "twee", "verlaagt", "wijkcentrum", "zwembad",
}  # fmt: skip


def test_python_stems_as_postgresql_does(engine: Engine) -> None:
    """The highlighting (and SQLite's index) stems in Python: it must agree with the
    database's dutch configuration, or a match would not be marked."""
    assert set(stems(SAMPLE)) == POSTGRESQL_LEXEMES
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            lexemes = connection.execute(
                text("SELECT lexeme FROM unnest(to_tsvector('dutch', :t))"), {"t": SAMPLE}
            ).scalars()
            assert set(lexemes) == POSTGRESQL_LEXEMES
