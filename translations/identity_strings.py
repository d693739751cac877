"""Finnish, Swedish and Vietnamese for the identity strings (issue 11 §1): what the card says
when an applicant typed other details than those of the person on file."""

T = {
"name “%(name)s”": ("nimi ”%(name)s”", "namn ”%(name)s”", "họ tên “%(name)s”"),
"phone “%(phone)s”": ("puhelin ”%(phone)s”", "telefon ”%(phone)s”", "số điện thoại “%(phone)s”"),
"The applicant entered other details (%(details)s); the person on file was not changed.": (
    "Hakija antoi eri tiedot (%(details)s); tallennettuja henkilötietoja ei muutettu.",
    "Den sökande angav andra uppgifter (%(details)s); de sparade personuppgifterna ändrades inte.",
    "Ứng viên đã nhập thông tin khác (%(details)s); thông tin ứng viên đang lưu không bị thay đổi."),
# Source labels (app/templating.py): shown with the timeline's "Applied again (source: …)";
# a fresh extraction lists them as candidate-facing and they had no translation yet.
"Careers page": ("Urasivu", "Karriärsida", "Trang tuyển dụng"),
"Added by hand": ("Lisätty käsin", "Tillagd manuellt", "Thêm thủ công"),
}
