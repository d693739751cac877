"""The apply form never loses work (issue 18, item 3). Observed: a candidate who sent a 30 MB
CV lost the whole form on a bare Haku-branded 413 page. Without JavaScript the server answers
the form again with everything typed kept; with JavaScript the file is refused before the
upload starts."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.builders import PDF

BIG = b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024) + b"%%EOF"


def _fill(page):
    page.fill("#given_names", "Nguyễn Thị")
    page.fill("#family_name", "Lan")
    page.fill("#email", "lan@example.vn")
    page.fill("#phone", "+84 90 123 4567")
    page.fill("#cover_letter", "Tôi rất muốn làm việc ở đây.\nCảm ơn!")


def test_a_30_mb_cv_without_javascript_keeps_the_typed_answers(live, make, browser, shot, tmp_path):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Data analyst")
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live}/c/acme/jobs/{job.id}/apply?lang=vi")
    _fill(page)
    big = tmp_path / "cv.pdf"  # a path, not a buffer: the browser reads it from disk
    big.write_bytes(BIG)
    page.set_input_files("#cv", str(big))
    page.check("#consent")
    page.click("button[type=submit]")
    expect(page.locator("#field-cv .error")).to_contain_text("Tệp lớn hơn 10 MB")
    expect(page.locator("#given_names")).to_have_value("Nguyễn Thị")
    expect(page.locator("#email")).to_have_value("lan@example.vn")
    expect(page.locator("#phone")).to_have_value("+84 90 123 4567")
    expect(page.locator("#cover_letter")).to_have_value("Tôi rất muốn làm việc ở đây.\nCảm ơn!")
    expect(page.locator(".brand")).to_have_text("Acme Oy")  # the company's page, in Vietnamese
    expect(page.locator("#field-consent .error")).to_have_count(0)  # sent after the file: unknown, not wrong
    shot(page, "e2e-apply-too-large-nojs-vi")
    # the candidate attaches a smaller file and sends: nothing else to type again
    page.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.check("#consent")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Cảm ơn")
    context.close()


def test_with_javascript_a_too_large_or_wrong_file_is_refused_before_the_upload(live, make, phone, shot, tmp_path):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Data analyst")
    posts = []
    phone.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    phone.goto(f"{live}/c/acme/jobs/{job.id}/apply?lang=fi")
    _fill(phone)
    big = tmp_path / "cv.pdf"
    big.write_bytes(BIG)
    phone.set_input_files("#cv", str(big))
    expect(phone.locator("#cv-check")).to_have_text("Tiedosto on suurempi kuin 10 Mt. Liitä pienempi PDF-tiedosto.")
    phone.check("#consent")
    phone.click("button[type=submit]")
    expect(phone.locator("#cv")).to_be_focused()
    assert posts == []
    shot(phone, "e2e-apply-too-large-js-fi")
    phone.set_input_files("#cv", files=[{"name": "cv.docx", "mimeType": "application/msword", "buffer": b"PK.."}])
    expect(phone.locator("#cv-check")).to_contain_text("PDF")
    phone.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    expect(phone.locator("#cv-check")).to_have_count(0)
    phone.click("button[type=submit]")
    expect(phone.locator("h1")).to_contain_text("Kiitos")
