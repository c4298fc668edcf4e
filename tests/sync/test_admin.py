import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils.html import escape

from server.sync.models import OpLog
from server.sync.registry import all_types
from tests.conftest import ApiClient
from tests.factories import UserFactory
from tests.sync.conftest import log


@pytest.fixture
def staff_api(db) -> ApiClient:
    """Support staff who may look at the op log, and nothing else."""
    staff = UserFactory(email="support@ippo.example.jp", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_oplog"))
    client = ApiClient()
    client.force_login(staff)
    return client


def test_staff_see_a_rejected_op_with_its_errors(phone, staff_api):
    phone.push([log(1, minutes_spent=-5, task="請求書チェック")])
    rejected = OpLog.objects.get(status=OpLog.Status.REJECTED)
    message = rejected.errors["minutes_spent"][0]

    listing = staff_api.get("/admin/sync/oplog/?status__exact=rejected&q=hanako@example.jp")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "efficiency_log" in html and "hanako@example.jp" in html
    assert escape(message) in html
    assert f"/admin/sync/oplog/{rejected.pk}/change/" in html

    page = staff_api.get(f"/admin/sync/oplog/{rejected.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    # Pretty JSON, Japanese as written, and no way to change or delete the op.
    assert escape('"minutes_spent": -5') in html and "請求書チェック" in html
    assert escape(f'"minutes_spent": [\n    "{message}"\n  ]') in html
    assert 'name="_save"' not in html and "/delete/" not in html
    assert staff_api.post(f"/admin/sync/oplog/{rejected.pk}/delete/").status_code == 403
    assert OpLog.objects.filter(pk=rejected.pk).exists()


def test_a_user_who_is_not_staff_is_sent_to_the_admin_login(phone, owner_api):
    phone.push([log(1, minutes_spent=-5)])
    rejected = OpLog.objects.get()

    for url in ("/admin/sync/oplog/", f"/admin/sync/oplog/{rejected.pk}/change/"):
        response = owner_api.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/admin/login/?next={url}"


def test_every_record_type_can_be_inspected_but_not_added_or_changed(db, time_machine):
    time_machine.move_to("2026-11-24T08:30+09:00", tick=False)
    call_command("seed_demo", "--months", "1", stdout=io.StringIO())
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    client = ApiClient()
    client.force_login(admin_user)

    for rt in all_types():
        base = f"/admin/journal/{rt.model._meta.model_name}/"
        listing = client.get(f"{base}?q=demo@ippo.localhost")
        assert listing.status_code == 200, rt.name
        assert "demo@ippo.localhost" in listing.content.decode()
        row = rt.model.objects.filter(user__email="demo@ippo.localhost").first()
        page = client.get(f"{base}{row.pk}/change/")
        assert page.status_code == 200, rt.name
        assert 'name="_save"' not in page.content.decode()
        assert client.get(f"{base}add/").status_code == 403
