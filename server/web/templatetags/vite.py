from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from server.web import vite

register = template.Library()


@register.simple_tag
def vite_tags(name: str) -> SafeString:
    """<link>/<script> tags for one Vite entry; raises vite.BuildMissing before a build."""
    found = vite.entry(name)
    styles = format_html_join("", '<link rel="stylesheet" href="{}">', ((s,) for s in found.styles))
    preloads = format_html_join(
        "", '<link rel="modulepreload" href="{}">', ((p,) for p in found.preloads)
    )
    script = format_html('<script type="module" src="{}"></script>', found.script)
    return format_html("{}{}{}", styles, preloads, script)
