def test_careers_page_lists_published_jobs(client, make):
    company = make.company("acme", "Acme Oy")
    make.job(company, "Backend developer")
    make.job(company, "Secret draft", status="draft")
    body = client.get("/c/acme/").get_data(as_text=True)
    assert "Backend developer" in body
    assert "Secret draft" not in body
