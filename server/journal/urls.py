from django.urls import path

from server.journal.views import exchange, reports

urlpatterns = [
    path("reports/weekly", reports.WeeklyReportView.as_view(), name="weekly-report"),
    path("export", exchange.ExportView.as_view(), name="export"),
    path("export.zip", exchange.ExportCsvView.as_view(), name="export-csv"),
    path("import", exchange.ImportView.as_view(), name="import"),
]
