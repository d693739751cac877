"""Finnish, Swedish and Vietnamese for session 24's own strings: the company's country on the
careers-site settings (applied to the catalogues by ``python translations/candidate_strings.py``)."""

T = {
"Country where you hire": ("Maa, johon rekrytoitte", "Land där ni rekryterar", "Quốc gia tuyển dụng"),
"Search engines show your jobs to people looking for work in this country; a remote job is open to people living "
"there.": (
    "Hakukoneet näyttävät työpaikkanne tästä maasta työtä etsiville; etätyöpaikkaan voivat hakea tässä maassa "
    "asuvat.",
    "Sökmotorer visar era jobb för dem som söker arbete i det här landet; ett distansjobb är öppet för dem som bor "
    "där.",
    "Công cụ tìm kiếm sẽ hiển thị việc làm của bạn cho người tìm việc tại quốc gia này; việc làm từ xa dành cho "
    "người sống tại đó."),
"Choose a country from the list.": ("Valitse maa luettelosta.", "Välj ett land i listan.",
                                    "Hãy chọn một quốc gia trong danh sách."),
"Share link: %(name)s": ("Jakolinkki: %(name)s", "Delningslänk: %(name)s", "Liên kết chia sẻ: %(name)s"),
}

PLURALS = {}
