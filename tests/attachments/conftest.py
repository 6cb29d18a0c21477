"""Attachments on the proposals' dialogue and the product sheets' one, small real files
made here (a PDF, a PNG, a DOCX, an ODT), and an upload helper."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from app.config import Settings
from tests.product_sheets.conftest import Sheets, sheets
from tests.proposals.conftest import Dialogue, dialogue
from tests.web.helpers import csrf_token

__all__ = ["Dialogue", "Sheets", "dialogue", "sheets"]

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def png() -> bytes:
    """A one-pixel PNG, chunk by chunk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def docx_bytes(text: str = "Bijlage bij het voorstel") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_member(package: bytes, name: str, data: bytes) -> bytes:
    """The package with one member more (a macro project slipped into a .docx)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, data)
    return out.getvalue()


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
        package.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return out.getvalue()


def declared_huge(package: bytes, member: str) -> bytes:
    """The package with ``member``'s unpacked size in its central directory (and local
    header) set to 4 GB minus one: what a zip bomb declares, without the bytes."""
    data = bytearray(package)
    name = member.encode()
    central = data.find(b"PK\x01\x02")  # the first central directory entry
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, 0xFFFFFFFE)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, 0xFFFFFFFE)
            return bytes(data)
        central = data.find(b"PK\x01\x02", central + 4)
    raise AssertionError(f"{member} not in the package")


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """Uploads go to the test's own folder."""
    return settings.model_copy(update={"uploads_dir": tmp_path / "uploads"})


def stored_files(settings: Settings) -> list[Path]:
    """Every file under the uploads folder, temporary ones included."""
    root = settings.uploads_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload(
    client: TestClient, page: str, name: str, content: bytes, content_type: str = "application/pdf"
) -> Response:
    """Send the upload form of ``page`` as a browser would."""
    return client.post(
        f"{page}/bijlagen",
        data={"csrf_token": csrf_token(client, page)},
        files={"bestand": (name, content, content_type)},
        follow_redirects=False,
    )
