# PLACEHOLDER — replaced by the export/import work.
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


class ExportView(APIView):
    def get(self, request):
        raise NotFound()


class ExportCsvView(ExportView):
    pass


class ImportView(APIView):
    def post(self, request):
        raise NotFound()
