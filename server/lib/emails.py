"""Rendering and sending of Ippo's emails: one template triple per email."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def make_message(
    name: str, to: str, ctx: dict, *, language: str, headers: dict | None = None
) -> EmailMultiAlternatives:
    """Render emails/<name>-subject.txt, -body.txt and -body.html in the given language."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}-subject.txt", ctx).split())
        text = render_to_string(f"emails/{name}-body.txt", ctx)
        html = render_to_string(f"emails/{name}-body.html", ctx)
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers or {})
    message.attach_alternative(html, "text/html")
    return message
