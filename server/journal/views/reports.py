# PLACEHOLDER — replaced by the weekly report work.
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


class WeeklyReportView(APIView):
    def get(self, request):
        raise NotFound()
