"""Form macros: an error sits next to its field, is linked to it, and what was typed stays."""

from __future__ import annotations

from fastapi import FastAPI

from app.web.markdown import render_markdown


def _render(app: FastAPI, source: str) -> str:
    env = app.state.jinja
    template = env.from_string(
        '{% import "components/forms.html" as forms with context %}' + source
    )
    return str(template.render(csrf_token=lambda: "t", csrf_field_name="csrf_token"))


def test_a_field_with_an_error_keeps_the_typed_value(app: FastAPI) -> None:
    html = _render(
        app,
        "{{ forms.field('amount', 'Bedrag', value='12,5x',"
        " error='Vul een heel bedrag in euro in.', required=True) }}",
    )
    assert 'value="12,5x"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="amount-error"' in html
    assert 'id="amount-error">Vul een heel bedrag in euro in.</div>' in html
    assert "utrecht-form-field--invalid" in html


def test_a_field_escapes_what_was_typed(app: FastAPI) -> None:
    html = _render(
        app, "{{ forms.textarea('body', 'Tekst', value='</textarea><script>x</script>') }}"
    )
    assert "<script>" not in html
    assert "&lt;/textarea&gt;" in html


def test_optional_fields_say_so(app: FastAPI) -> None:
    assert "(niet verplicht)" in _render(app, "{{ forms.field('org', 'Organisatie') }}")


def test_the_error_summary_links_to_each_field(app: FastAPI) -> None:
    html = _render(
        app, "{{ forms.error_summary({'title': 'Geef een titel.', 'amount': 'Geen getal.'}) }}"
    )
    assert "Verbeter 2 punten" in html
    assert 'href="#field-title"' in html
    assert 'role="alert"' in html


def test_markdown_is_sanitised() -> None:
    html = str(
        render_markdown(
            "**vet** <script>alert(1)</script> [x](javascript:alert(1)) [y](https://zeist.nl)"
        )
    )
    assert "<strong>vet</strong>" in html
    assert "<script>" not in html
    assert 'href="javascript:' not in html
    assert 'href="https://zeist.nl"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
