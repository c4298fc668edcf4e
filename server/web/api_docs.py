"""/api/docs/: Swagger UI from drf-spectacular-sidecar's files, with no inline code.

drf-spectacular's split view serves the start-up script at /api/docs/?script, so the page
needs no inline <script>; our template drops the one inline <style> block of the stock page
for a static file. The strict Content-Security-Policy then holds here as on every page.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "web/api_docs.html"
