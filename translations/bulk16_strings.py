"""Finnish, Swedish and Vietnamese for the bulk actions on the applications list (issue 16,
item 2). Format: see translations/candidate_strings.py."""

T = {
"Choose an action.": ("Valitse toiminto.", "Välj en åtgärd.", "Hãy chọn một thao tác."),
"Select at least one application.": ("Valitse vähintään yksi hakemus.", "Välj minst en ansökan.",
                                     "Hãy chọn ít nhất một hồ sơ ứng tuyển."),
"At most %(max)s applications can be changed at once. Narrow the filter.": (
    "Kerralla voi muuttaa enintään %(max)s hakemusta. Rajaa suodatinta.",
    "Högst %(max)s ansökningar kan ändras åt gången. Begränsa filtret.",
    "Mỗi lần chỉ có thể thay đổi tối đa %(max)s hồ sơ. Hãy thu hẹp bộ lọc."),
"Choose a stage.": ("Valitse vaihe.", "Välj ett steg.", "Hãy chọn một giai đoạn."),
"To reject, choose “Reject” (a reason is needed).": (
    "Valitse hylkäämiseen ”Hylkää” (syy tarvitaan).",
    "Välj ”Avvisa” för att avvisa (ett skäl behövs).",
    "Để loại, hãy chọn “Loại” (cần có lý do)."),
"Choose one of the email templates.": ("Valitse jokin sähköpostipohjista.", "Välj en av e-postmallarna.",
                                       "Hãy chọn một trong các mẫu email."),
"The job has no stage of that name.": ("Tehtävässä ei ole sen nimistä vaihetta.", "Jobbet har inget steg med det namnet.",
                                       "Vị trí tuyển dụng không có giai đoạn mang tên đó."),
"Already in that stage.": ("On jo siinä vaiheessa.", "Är redan i det steget.", "Đã ở giai đoạn đó."),
"The application is no longer there.": ("Hakemusta ei enää ole.", "Ansökan finns inte längre.",
                                        "Hồ sơ ứng tuyển không còn nữa."),
"Which applications": ("Mitkä hakemukset", "Vilka ansökningar", "Những hồ sơ nào"),
"Checked rows": ("Valitut rivit", "Markerade rader", "Các dòng đã chọn"),
"All on this page": ("Kaikki tällä sivulla", "Alla på den här sidan", "Tất cả trên trang này"),
"All matching the filter (more than %(num)s)": (
    "Kaikki suodatinta vastaavat (yli %(num)s)", "Alla som matchar filtret (fler än %(num)s)",
    "Tất cả khớp bộ lọc (hơn %(num)s)"),
"Act on the selection": ("Toiminnot valituille", "Åtgärder för urvalet", "Thao tác với lựa chọn"),
"Move to a stage": ("Siirrä vaiheeseen", "Flytta till ett steg", "Chuyển sang giai đoạn"),
"Send an email": ("Lähetä sähköposti", "Skicka ett e-postmeddelande", "Gửi email"),
"Across jobs, the stage of the same name in each job; applications whose job has none are skipped and listed.": (
    "Eri tehtävissä kunkin tehtävän samanniminen vaihe; hakemukset, joiden tehtävässä sellaista ei ole, "
    "ohitetaan ja luetellaan.",
    "Över flera jobb används steget med samma namn i varje jobb; ansökningar vars jobb saknar det hoppas över "
    "och listas.",
    "Với nhiều vị trí, dùng giai đoạn cùng tên trong từng vị trí; hồ sơ nào mà vị trí không có giai đoạn đó "
    "sẽ bị bỏ qua và được liệt kê."),
"Apply to the selection": ("Tee valituille", "Utför för urvalet", "Áp dụng cho lựa chọn"),
"Moving to a stage": ("Siirretään vaiheeseen", "Flyttar till ett steg", "Đang chuyển giai đoạn"),
"Rejecting": ("Hylätään", "Avvisar", "Đang loại"),
"Sending an email": ("Lähetetään sähköpostia", "Skickar e-post", "Đang gửi email"),
"%(done)d of %(total)d": ("%(done)d / %(total)d", "%(done)d av %(total)d", "%(done)d trên %(total)d"),
"Finished": ("Valmis", "Klar", "Đã xong"),
"Which ones?": ("Mitkä?", "Vilka?", "Những hồ sơ nào?"),
"Progress": ("Edistyminen", "Förlopp", "Tiến độ"),
"Refresh to see the progress": ("Päivitä sivu nähdäksesi edistymisen", "Uppdatera för att se förloppet",
                                "Tải lại để xem tiến độ"),
"Select all on this page": ("Valitse kaikki tältä sivulta", "Markera alla på den här sidan",
                            "Chọn tất cả trên trang này"),
"Select": ("Valitse", "Markera", "Chọn"),
"Bulk action": ("Joukkotoiminto", "Massåtgärd", "Thao tác hàng loạt"),
"Back to applications": ("Takaisin hakemuksiin", "Tillbaka till ansökningarna", "Quay lại danh sách hồ sơ"),
"Not changed": ("Ei muutettu", "Inte ändrade", "Không thay đổi"),
"Why": ("Syy", "Varför", "Lý do"),
"Every application was changed.": ("Kaikki hakemukset muutettiin.", "Alla ansökningar ändrades.",
                                   "Tất cả hồ sơ đã được thay đổi."),
}

PLURALS = {
    ("%(num)d application changed", "%(num)d applications changed"): (
        ("%(num)d hakemus muutettu", "%(num)d hakemusta muutettu"),
        ("%(num)d ansökan ändrad", "%(num)d ansökningar ändrade"),
        ("Đã thay đổi %(num)d hồ sơ",)),
    ("%(num)d skipped", "%(num)d skipped"): (
        ("%(num)d ohitettu", "%(num)d ohitettu"),
        ("%(num)d överhoppad", "%(num)d överhoppade"),
        ("%(num)d bị bỏ qua",)),
    ("%(num)d failed", "%(num)d failed"): (
        ("%(num)d epäonnistui", "%(num)d epäonnistui"),
        ("%(num)d misslyckades", "%(num)d misslyckades"),
        ("%(num)d thất bại",)),
    ("%(num)d application will be changed in the background.",
     "%(num)d applications will be changed in the background."): (
        ("%(num)d hakemus muutetaan taustalla.", "%(num)d hakemusta muutetaan taustalla."),
        ("%(num)d ansökan ändras i bakgrunden.", "%(num)d ansökningar ändras i bakgrunden."),
        ("%(num)d hồ sơ sẽ được thay đổi trong nền.",)),
    ("The %(num)d application matching the filter", "All %(num)d matching the filter"): (
        ("Suodatinta vastaava %(num)d hakemus", "Kaikki %(num)d suodatinta vastaavaa"),
        ("Den %(num)d ansökan som matchar filtret", "Alla %(num)d som matchar filtret"),
        ("Tất cả %(num)d hồ sơ khớp bộ lọc",)),
}
