"""Finnish, Swedish and Vietnamese for company tags, the person's page and the people search
(issue 16, item 5); applied with every other ``translations/*_strings.py`` by
``python translations/candidate_strings.py``."""

T = {
"Tag": ("Tunniste", "Tagg", "Nhãn"),
"Tags": ("Tunnisteet", "Taggar", "Nhãn"),
"Colour": ("Väri", "Färg", "Màu"),
"Add a tag": ("Lisää tunniste", "Lägg till en tagg", "Thêm nhãn"),
"Reply attachment": ("Vastauksen liite", "Bilaga i svar", "Tệp đính kèm trong thư trả lời"),
"Tag added.": ("Tunniste lisätty.", "Taggen har lagts till.", "Đã thêm nhãn."),
"Tag saved.": ("Tunniste tallennettu.", "Taggen har sparats.", "Đã lưu nhãn."),
"Tag deleted.": ("Tunniste poistettu.", "Taggen har tagits bort.", "Đã xóa nhãn."),
"The company's tags for applications: names and colours.": (
    "Yrityksen tunnisteet hakemuksille: nimet ja värit.",
    "Företagets taggar för ansökningar: namn och färger.",
    "Nhãn của công ty cho hồ sơ ứng tuyển: tên và màu."),
"Tagged “%(tag)s”.": ("Tunniste ”%(tag)s” lisätty.", "Taggad med ”%(tag)s”.", "Đã gắn nhãn “%(tag)s”."),
"Tag “%(tag)s” removed.": ("Tunniste ”%(tag)s” poistettu.", "Taggen ”%(tag)s” har tagits bort.",
                           "Đã gỡ nhãn “%(tag)s”."),
"Grey": ("Harmaa", "Grå", "Xám"),
"Red": ("Punainen", "Röd", "Đỏ"),
"Orange": ("Oranssi", "Orange", "Cam"),
"Yellow": ("Keltainen", "Gul", "Vàng"),
"Green": ("Vihreä", "Grön", "Xanh lá"),
"Teal": ("Sinivihreä", "Blågrön", "Xanh mòng két"),
"Blue": ("Sininen", "Blå", "Xanh dương"),
"Purple": ("Violetti", "Lila", "Tím"),
"Pink": ("Vaaleanpunainen", "Rosa", "Hồng"),
"The tag name is empty.": ("Tunnisteen nimi puuttuu.", "Taggens namn är tomt.", "Tên nhãn đang trống."),
"The tag name is too long (at most 60 characters).": (
    "Tunnisteen nimi on liian pitkä (enintään 60 merkkiä).",
    "Taggens namn är för långt (högst 60 tecken).",
    "Tên nhãn quá dài (tối đa 60 ký tự)."),
"A tag with that name already exists.": (
    "Samanniminen tunniste on jo olemassa.", "Det finns redan en tagg med det namnet.",
    "Đã có nhãn mang tên này."),
"Choose one of the colours.": ("Valitse jokin väreistä.", "Välj en av färgerna.", "Hãy chọn một trong các màu."),
"That tag is not in your company's list.": (
    "Tunniste ei ole yrityksesi luettelossa.", "Taggen finns inte i ert företags lista.",
    "Nhãn này không có trong danh sách của công ty bạn."),
"Candidates": ("Hakijat", "Kandidater", "Ứng viên"),
"All about this person": ("Kaikki tästä henkilöstä", "Allt om den här personen", "Mọi thông tin về người này"),
"Remove the tag %(tag)s": ("Poista tunniste %(tag)s", "Ta bort taggen %(tag)s", "Gỡ nhãn %(tag)s"),
"No tags yet.": ("Ei vielä tunnisteita.", "Inga taggar än.", "Chưa có nhãn nào."),
"No applications in your company.": (
    "Ei hakemuksia yrityksessäsi.", "Inga ansökningar i ert företag.",
    "Không có hồ sơ ứng tuyển nào trong công ty của bạn."),
"Files": ("Tiedostot", "Filer", "Tệp"),
"No files.": ("Ei tiedostoja.", "Inga filer.", "Không có tệp nào."),
"Sent": ("Lähetetty", "Skickat", "Đã gửi"),
"No emails.": ("Ei sähköposteja.", "Inga mejl.", "Không có email nào."),
"Notes": ("Muistiinpanot", "Anteckningar", "Ghi chú"),
"No notes.": ("Ei muistiinpanoja.", "Inga anteckningar.", "Không có ghi chú nào."),
"Nobody matches “%(q)s”.": ("Hakuun ”%(q)s” ei löytynyt ketään.", "Ingen matchar ”%(q)s”.",
                            "Không tìm thấy ai khớp với “%(q)s”."),
"No candidates yet.": ("Ei vielä hakijoita.", "Inga kandidater än.", "Chưa có ứng viên nào."),
"First page": ("Ensimmäinen sivu", "Första sidan", "Trang đầu"),
"Name, email or phone": ("Nimi, sähköposti tai puhelin", "Namn, e-post eller telefon",
                         "Tên, email hoặc số điện thoại"),
"Recruiters put these tags on applications from the card; the applications list can show and filter them. "
"Renaming or recolouring a tag changes it everywhere; deleting it takes it off every application.": (
    "Rekrytoijat lisäävät näitä tunnisteita hakemuksiin hakemuskortilta; hakemusluettelo voi näyttää ne ja "
    "suodattaa niillä. Tunnisteen nimen tai värin muutos näkyy kaikkialla; poistettu tunniste poistuu "
    "kaikista hakemuksista.",
    "Rekryterare sätter de här taggarna på ansökningar från ansökningskortet; ansökningslistan kan visa och "
    "filtrera på dem. Byter du namn eller färg på en tagg ändras den överallt; tar du bort den försvinner den "
    "från alla ansökningar.",
    "Nhà tuyển dụng gắn các nhãn này cho hồ sơ ứng tuyển từ thẻ hồ sơ; danh sách hồ sơ có thể hiển thị và "
    "lọc theo nhãn. Đổi tên hoặc đổi màu một nhãn sẽ thay đổi ở mọi nơi; xóa nhãn sẽ gỡ nhãn khỏi mọi hồ sơ."),
"The company's tags": ("Yrityksen tunnisteet", "Företagets taggar", "Nhãn của công ty"),
"No tags yet. Add one here, or type a new name in a card's Tags panel.": (
    "Ei vielä tunnisteita. Lisää tunniste tässä tai kirjoita uusi nimi hakemuskortin Tunnisteet-osioon.",
    "Inga taggar än. Lägg till en här, eller skriv ett nytt namn i Taggar-rutan på ett ansökningskort.",
    "Chưa có nhãn nào. Hãy thêm nhãn ở đây, hoặc nhập tên mới trong mục Nhãn của thẻ hồ sơ."),
"Tag…": ("Lisää tunniste…", "Tagga…", "Gắn nhãn…"),
}
