"""The file input every owner's form uses: one file, checked by the service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.attachments.content import EXTENSIONS
from monia.ui.fields import MoniaForm

# A hint for the browser's file chooser; the content decides (content.sniff).
ACCEPT = ",".join(f".{ext}" for exts in EXTENSIONS.values() for ext in exts)


def attachment_field(*, required: bool, label: str | None = None) -> forms.FileField:
    return forms.FileField(
        label=label or _("Attachment"),
        required=required,
        max_length=300,
        allow_empty_file=True,  # the service says "the file is empty" in its own words
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "A PDF, a picture (PNG, JPEG, HEIC) or an office document (Word, Excel, "
            "PowerPoint, OpenDocument)."
        ),
    )


class AttachmentForm(MoniaForm):
    attachment = attachment_field(required=True)
