"""What may be attached, and how an upload is checked before it is kept.

Three checks, each on its own: the name's extension is on the list, the size stays within
the limit (counted while the file streams in, see app.attachments.storage), and the
content is what the extension says. The content decides the type the file is served
with; what the browser claimed is never used.

Left out on purpose: SVG (an image that can carry script), office files with macros
(.docm, .xlsm, .pptm, and a renamed file holding ``vbaProject.bin`` or ODF ``Basic/``
scripts), and GIF (mostly animations, which distract and cannot be paused: WCAG 2.2.2).
Office files are ZIP packages; a package that declares huge or very many members is
refused before anything in it is unpacked (a "zip bomb"), and the few members read here
are read with a bound whatever they declare.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

import puremagic

from app.errors import DomainError
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l
from app.web.templating import number

# A package with more members, or declaring more unpacked bytes, is refused unopened.
MAX_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# The members read to tell the kind ([Content_Types].xml, mimetype) are small.
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_NAME_LENGTH = 255


class UploadRefused(DomainError):
    """The file is not kept; the message says why in words the person can act on."""

    status_code = 422
    default_title = _l("The file was not attached")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # lazily translated
    content_type: str  # what the file is served as
    extensions: tuple[str, ...]
    # Plain files: extensions puremagic may name for the content.
    magic: frozenset[str] = frozenset()
    # Office packages: "ooxml" or "odf", and the type the package must declare.
    package: str | None = None
    declared: str = ""


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"
KINDS: tuple[Kind, ...] = (
    Kind("pdf", _l("PDF"), "application/pdf", (".pdf",), frozenset({".pdf"})),
    Kind("png", _l("PNG image"), "image/png", (".png",), frozenset({".png"})),
    Kind(
        "jpeg",
        _l("JPEG image"),
        "image/jpeg",
        (".jpg", ".jpeg"),
        frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    ),
    Kind("webp", _l("WebP image"), "image/webp", (".webp",), frozenset({".webp"})),
    Kind(
        "docx",
        _l("Word document"),
        f"{_OOXML}.wordprocessingml.document",
        (".docx",),
        package="ooxml",
        declared=f"{_OOXML}.wordprocessingml.document.main+xml",
    ),
    Kind(
        "xlsx",
        _l("Excel spreadsheet"),
        f"{_OOXML}.spreadsheetml.sheet",
        (".xlsx",),
        package="ooxml",
        declared=f"{_OOXML}.spreadsheetml.sheet.main+xml",
    ),
    Kind(
        "pptx",
        _l("PowerPoint presentation"),
        f"{_OOXML}.presentationml.presentation",
        (".pptx",),
        package="ooxml",
        declared=f"{_OOXML}.presentationml.presentation.main+xml",
    ),
    Kind(
        "odt",
        _l("OpenDocument text"),
        f"{_ODF}.text",
        (".odt",),
        package="odf",
        declared=f"{_ODF}.text",
    ),
    Kind(
        "ods",
        _l("OpenDocument spreadsheet"),
        f"{_ODF}.spreadsheet",
        (".ods",),
        package="odf",
        declared=f"{_ODF}.spreadsheet",
    ),
    Kind(
        "odp",
        _l("OpenDocument presentation"),
        f"{_ODF}.presentation",
        (".odp",),
        package="odf",
        declared=f"{_ODF}.presentation",
    ),
)
BY_EXTENSION: dict[str, Kind] = {ext: kind for kind in KINDS for ext in kind.extensions}
BY_CONTENT_TYPE: dict[str, Kind] = {kind.content_type: kind for kind in KINDS}
# Macro-enabled twins of the allowed office files: named in their own message.
MACRO_EXTENSIONS = frozenset(
    {".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".xlsb", ".pptm", ".potm", ".ppsm", ".ppam"}
)
ACCEPT = ",".join(ext for kind in KINDS for ext in kind.extensions)


def allowed_extensions() -> str:
    """For the form's hint: ".pdf, .png, …"."""
    return ", ".join(ext for kind in KINDS for ext in kind.extensions)


def human_size(size: int) -> str:
    """A size as people read it: "850 kB", "1,2 MB" (in the page's language)."""
    if size < 1024 * 1024:
        return f"{number(max(1, round(size / 1024)))} kB"
    return f"{number(round(size / (1024 * 1024), 1))} MB"


def clean_name(raw: str) -> str:
    """The name the person's file had, as it may be shown and offered back: without any
    folder part (a browser may send "C:\\Users\\…\\x.pdf"; a forged form "../x"), without
    control characters, and not longer than the column."""
    # Browsers send a double quote in a file's name as %22 (the HTML standard's form
    # encoding; line breaks as %0A and %0D, which go with the other control characters).
    raw = raw.replace("%22", '"').replace("%0A", "\n").replace("%0D", "\r")
    base = PureWindowsPath(PurePosixPath(raw).name).name
    printable = "".join(c for c in base if c.isprintable()).strip().lstrip(".")
    if len(printable) > MAX_NAME_LENGTH:
        stem, extension = os.path.splitext(printable)
        if len(extension) > 16:  # not an extension anyone has
            stem, extension = printable, ""
        printable = stem[: MAX_NAME_LENGTH - len(extension)] + extension
    return printable


def kind_of_name(name: str) -> Kind:
    """The kind the name's extension promises, or UploadRefused."""
    if not name:
        raise UploadRefused(_("Choose a file to attach."))
    extension = Path(name).suffix.lower()
    if extension in MACRO_EXTENSIONS:
        raise UploadRefused(
            _(
                "Office files with macros cannot be attached. Save the file without macros "
                "(for example as .docx or .xlsx) and attach it again."
            )
        )
    kind = BY_EXTENSION.get(extension)
    if kind is None:
        raise UploadRefused(
            _(
                "Files of this kind cannot be attached. You can attach: %(kinds)s.",
                kinds=allowed_extensions(),
            )
        )
    return kind


def _mismatch(kind: Kind) -> UploadRefused:
    return UploadRefused(
        _(
            "The content of this file does not match its name (%(kind)s). Save it again "
            "as %(kind)s and attach it again.",
            kind=str(kind.label),
        )
    )


def check_content(path: Path, kind: Kind) -> None:
    """Refuse unless the file at ``path`` really is ``kind``."""
    if path.stat().st_size == 0:
        raise UploadRefused(_("The file is empty."))
    if kind.package is not None:
        _check_package(path, kind)
        return
    try:
        found = {match.extension.lower() for match in puremagic.magic_file(str(path))}
    except puremagic.PureError:
        found = set()
    if not found & kind.magic:
        raise _mismatch(kind)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A small member, never more than MAX_MANIFEST_BYTES whatever its header claims."""
    if info.file_size > MAX_MANIFEST_BYTES:
        raise UploadRefused(_("This file is not a valid office file."))
    with archive.open(info) as member:
        return member.read(MAX_MANIFEST_BYTES + 1)[:MAX_MANIFEST_BYTES]


def _check_package(path: Path, kind: Kind) -> None:
    if not zipfile.is_zipfile(path):
        raise _mismatch(kind)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if (
                len(members) > MAX_MEMBERS
                or sum(info.file_size for info in members) > MAX_UNPACKED_BYTES
            ):
                raise UploadRefused(
                    _(
                        "This office file unpacks to more than %(size)s or holds too many "
                        "parts. Attach a smaller file.",
                        size=human_size(MAX_UNPACKED_BYTES),
                    )
                )
            by_name = {info.filename: info for info in members}
            if kind.package == "ooxml":
                _check_ooxml(archive, by_name, kind)
            else:
                _check_odf(archive, by_name, kind)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        # Damaged, encrypted or packed in a way office programs do not use.
        raise UploadRefused(_("This file is not a valid office file.")) from None


def _macros() -> UploadRefused:
    return UploadRefused(
        _("This office file contains macros. Save it without macros and attach it again.")
    )


def _check_ooxml(archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], kind: Kind) -> None:
    if any(name.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for name in by_name):
        raise _macros()
    manifest = by_name.get("[Content_Types].xml")
    if manifest is None:
        raise _mismatch(kind)
    declared = _read_member(archive, manifest)
    if b"macroenabled" in declared.lower():
        raise _macros()
    if f'ContentType="{kind.declared}"'.encode() not in declared:
        raise _mismatch(kind)


def _check_odf(archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], kind: Kind) -> None:
    if any(name.startswith(("Basic/", "Scripts/")) for name in by_name):
        raise _macros()
    mimetype = by_name.get("mimetype")
    if mimetype is None or _read_member(archive, mimetype).strip() != kind.declared.encode():
        raise _mismatch(kind)
