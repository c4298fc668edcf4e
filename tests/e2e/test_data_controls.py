"""Her data from Settings: download it, take it to a new account, and delete the old one."""

import json
import re

from django.core import mail
from playwright.sync_api import expect

from server.accounts.models import User
from server.journal import demo
from server.sync.registry import all_types
from tests.e2e import steps
from tests.factories import PASSWORD


def test_she_downloads_her_data_deletes_the_account_and_imports_it_into_a_new_one(
    new_context, live_server, tmp_path
):
    old = demo.seed_demo(email="hanako@example.jp", months=1, password=PASSWORD).user
    total = sum(rt.model.objects.filter(user=old, deleted=False).count() for rt in all_types())
    page = new_context().new_page()
    page.goto(f"{live_server.url}/login")
    steps.log_in(page, "hanako@example.jp")
    expect(page).to_have_url(re.compile(r"/today$"))
    page.get_by_test_id("nav-settings").click()

    # Download: a dated JSON file with every record of hers.
    with page.expect_download() as download:
        page.get_by_test_id("settings-export-json").click()
    assert re.fullmatch(r"ippo-export-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["profile"]["email"] == "hanako@example.jp"
    assert sum(len(v) for v in exported["records"].values()) == total
    with page.expect_download() as zipped:
        page.get_by_test_id("settings-export-csv").click()
    assert zipped.value.suggested_filename.endswith(".zip")

    # Delete: the dialog explains, can be cancelled, and needs the right password.
    page.get_by_test_id("settings-delete-account").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("元に戻すことはできません")
    expect(dialog).to_contain_text("JSONで書き出す")
    page.get_by_test_id("delete-cancel").click()
    expect(dialog).to_be_hidden()
    page.get_by_test_id("settings-delete-account").click()
    page.get_by_test_id("delete-password").fill("machigai-desu-1")
    page.get_by_test_id("delete-confirm").click()
    expect(page.get_by_role("alert")).to_have_text("パスワードが正しくありません。")
    assert User.objects.filter(email="hanako@example.jp").exists()
    page.get_by_test_id("delete-password").fill(PASSWORD)
    page.get_by_test_id("delete-confirm").click()
    expect(page).to_have_url(re.compile(r"/signup\?deleted=1$"))
    # The sign-up screen says so in a note that stays, not a toast that is gone in seconds.
    farewell = page.get_by_test_id("signup-deleted")
    expect(farewell).to_have_text(
        "アカウントと記録はすべて削除しました。確認のメールをお送りしています。"
        "ご利用ありがとうございました。"
    )
    expect(farewell).to_have_attribute("role", "status")
    page.wait_for_timeout(5000)
    expect(farewell).to_be_visible()
    assert not User.objects.filter(email="hanako@example.jp").exists()
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]

    # A new account, signed up right there: the file brings every record back, and a second
    # import adds nothing.
    page.get_by_test_id("signup-email").fill("hanako.new@example.jp")
    page.get_by_test_id("signup-password").fill(PASSWORD)
    page.get_by_test_id("signup-submit").click()
    expect(page).to_have_url(re.compile(r"/welcome$"))
    expect(page.get_by_test_id("signup-deleted")).to_have_count(0)
    page.goto(f"{live_server.url}/settings")
    page.get_by_test_id("settings-import").set_input_files(saved)
    report = page.get_by_test_id("settings-import-report")
    expect(report).to_have_attribute("data-created", str(total), timeout=20_000)
    expect(report).to_contain_text(f"追加 {total}件")
    expect(report).to_contain_text("プロフィールと月次まとめは読み込みません")
    # Ready again once the imported entries have synced to this phone.
    expect(page.get_by_test_id("settings-import")).to_be_enabled(timeout=20_000)
    page.get_by_test_id("settings-import").set_input_files(saved)
    expect(report).to_have_attribute("data-skipped", str(total), timeout=20_000)
    expect(report).to_have_attribute("data-created", "0")
    # The imported entries reach this phone: her checklist is back on Today.
    page.get_by_test_id("nav-today").click()
    items = [i for i in exported["records"]["checklist_item"] if not i["fields"]["archived"]]
    expect(page.get_by_test_id("check-toggle")).to_have_count(len(items))
    assert items


def test_a_file_that_is_not_an_export_is_refused_and_downloads_need_the_network(
    new_context, live_server, tmp_path
):
    demo.seed_demo(email="keiko@example.jp", months=1, password=PASSWORD)
    context = new_context(locale="en-US")
    page = context.new_page()
    User.objects.filter(email="keiko@example.jp").update(language="en")
    page.goto(f"{live_server.url}/login")
    steps.log_in(page, "keiko@example.jp")
    expect(page).to_have_url(re.compile(r"/today$"))
    page.goto(f"{live_server.url}/settings")
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps({"title": "my notes"}), encoding="utf-8")
    page.get_by_test_id("settings-import").set_input_files(notes)
    expect(page.get_by_role("alert")).to_contain_text("nothing was changed")
    expect(page.get_by_role("alert")).to_contain_text("This is not an Ippo export file.")
    picture = tmp_path / "photo.json"
    picture.write_bytes(b"\x89PNG\r\n")
    page.get_by_test_id("settings-import").set_input_files(picture)
    expect(page.get_by_role("alert")).to_contain_text("This file is not JSON")
    expect(page.get_by_test_id("settings-import-report")).to_have_count(0)

    # Offline, the downloads say why they cannot start instead of failing silently.
    context.set_offline(True)
    link = page.get_by_test_id("settings-export-json")
    expect(link).to_have_attribute("aria-disabled", "true")
    expect(
        page.get_by_text("You're offline, so this isn't available right now.").first
    ).to_be_visible()
    link.click(force=True)  # a tap anyway: a word, no failed download
    expect(page.get_by_test_id("toast")).to_contain_text("You're offline")
    context.set_offline(False)
