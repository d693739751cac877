"""Finnish, Swedish and Vietnamese for the strings added on the ``outbound`` branch (issue 11
§2.9–2.10): the assessment test picker's explicit refresh. Applied to the catalogues by
``python translations/candidate_strings.py``."""

T = {
"%(product)s: the list of tests has not been loaded yet.": (
    "%(product)s: testiluetteloa ei ole vielä haettu.",
    "%(product)s: listan över tester har inte hämtats än.",
    "%(product)s: danh sách bài kiểm tra chưa được tải."),
"Refresh the list of tests": ("Päivitä testiluettelo", "Uppdatera listan över tester",
                              "Làm mới danh sách bài kiểm tra"),
"%(product)s: loaded %(when)s.": ("%(product)s: haettu %(when)s.", "%(product)s: hämtad %(when)s.",
                                   "%(product)s: đã tải lúc %(when)s."),
}
