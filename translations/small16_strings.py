"""Finnish, Swedish and Vietnamese for issue 16 items 6 and 7 (branch small16): the Pending
pool's suggestions and the small fixes. Terms follow translations/GLOSSARY.md. Applied to the
catalogues by ``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- templates/admin/pending/index.html
"Possible match:": ("Mahdollinen osuma:", "Möjlig träff:", "Có thể phù hợp:"),
"same title": ("sama nimike", "samma titel", "cùng chức danh"),
"similarity %(percent)s": ("samankaltaisuus %(percent)s", "likhet %(percent)s", "độ tương đồng %(percent)s"),
"shared words: %(words)s": ("yhteiset sanat: %(words)s", "gemensamma ord: %(words)s",
                            "từ trùng nhau: %(words)s"),
# ---------------------------------------------------------------- templates/admin/assessments/_panel.html
"The vendor's log (%(count)s)": ("Palveluntarjoajan loki (%(count)s)", "Leverantörens logg (%(count)s)",
                                 "Nhật ký của nhà cung cấp (%(count)s)"),
}
