"""Each check on its own, on real files: the extension, the streamed size, the content."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.attachments import checks, storage
from app.attachments.checks import UploadRefused
from app.i18n import set_locale
from tests.attachments.conftest import PDF, declared_huge, docx_bytes, odt, png, with_member

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_locale("en")


def _check(tmp_path: Path, name: str, content: bytes) -> checks.Kind:
    kind = checks.kind_of_name(name)
    path = tmp_path / "upload"
    path.write_bytes(content)
    checks.check_content(path, kind)
    return kind


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("voorstel.pdf", PDF, "application/pdf"),
        ("kaart.PNG", png(), "image/png"),
        (
            "toelichting.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("notitie.odt", odt(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_good_files_pass_and_get_the_type_of_their_content(
    tmp_path: Path, name: str, content: bytes, content_type: str
) -> None:
    assert _check(tmp_path, name, content).content_type == content_type


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("tekening.svg", "cannot be attached"),
        ("script.exe", "cannot be attached"),
        ("pagina.html", "cannot be attached"),
        ("animatie.gif", "cannot be attached"),
        ("zonder-extensie", "cannot be attached"),
        ("begroting.xlsm", "macros"),
        ("brief.docm", "macros"),
        ("", "Choose a file"),
    ],
)
def test_names_off_the_list_are_refused(name: str, message: str) -> None:
    with pytest.raises(UploadRefused, match=message) as refused:
        checks.kind_of_name(name)
    assert refused.value.status_code == 422


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", PDF),  # a PDF named .png
        ("voorstel.pdf", png()),
        ("plaatje.png", SVG),  # an SVG named .png
        ("brief.docx", b"PK\x03\x04 not really a zip"),
        ("brief.docx", odt()),  # an ODF text named .docx
        ("sheet.xlsx", docx_bytes()),  # a Word file named .xlsx
        ("notitie.odt", docx_bytes()),
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused(
    tmp_path: Path, name: str, content: bytes
) -> None:
    with pytest.raises(UploadRefused, match=r"does not match its name|not a valid office file"):
        _check(tmp_path, name, content)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UploadRefused, match="empty"):
        _check(tmp_path, "leeg.pdf", b"")


def test_a_docx_with_a_macro_project_is_refused(tmp_path: Path) -> None:
    with_macros = with_member(docx_bytes(), "word/vbaProject.bin", b"\xd0\xcf\x11\xe0macros")
    with pytest.raises(UploadRefused, match="macros"):
        _check(tmp_path, "brief.docx", with_macros)


def test_an_odt_with_basic_scripts_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UploadRefused, match="macros"):
        _check(tmp_path, "notitie.odt", with_member(odt(), "Basic/Standard/Module1.xml", b"x"))


def test_a_package_declaring_a_huge_member_is_refused_unopened(tmp_path: Path) -> None:
    bomb = declared_huge(docx_bytes(), "word/document.xml")
    with pytest.raises(UploadRefused, match="unpacks to more than"):
        _check(tmp_path, "brief.docx", bomb)


def test_a_package_with_very_many_members_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for n in range(checks.MAX_MEMBERS):
            target.writestr(f"word/media/empty{n}.xml", b"")
    with pytest.raises(UploadRefused, match="too many parts"):
        _check(tmp_path, "brief.docx", out.getvalue())


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\annelies\\Bureaublad\\voorstel.pdf", "voorstel.pdf"),
        ("naam\x00met\nstuurtekens.pdf", "naammetstuurtekens.pdf"),
        (".verborgen.pdf", "verborgen.pdf"),
        ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
        ('Begroting "2012" – café.pdf', 'Begroting "2012" – café.pdf'),
    ],
)
def test_the_name_keeps_no_folder_and_fits(given: str, kept: str) -> None:
    assert checks.clean_name(given) == kept


class _Endless(io.RawIOBase):
    """A body that never ends; counts what was read of it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "the upload must be read in chunks, never all at once"
        self.read_bytes += size
        return b"\x00" * size


def test_the_stream_stops_as_soon_as_it_passes_the_limit(tmp_path: Path) -> None:
    source = _Endless()
    with pytest.raises(storage.TooLarge):
        storage.receive(source, tmp_path, 1, max_bytes=1_000_000)
    assert source.read_bytes <= 1_000_000 + storage.CHUNK
    assert list(tmp_path.rglob("*.part")) == []  # nothing of it is left behind
