"""Finnish, Swedish and Vietnamese for the recruiter admin's Python side (issue 14 §4): the
admin forms, the flash messages of the admin views, the timeline entries, the list columns and
the assessment and job-board labels. Terms follow translations/GLOSSARY.md. Applied to the
catalogues by ``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- app/admin/forms.py
"Draft": ("Luonnos", "Utkast", "Bản nháp"),
"Published": ("Julkaistu", "Publicerad", "Đã đăng"),
"Closed": ("Suljettu", "Stängd", "Đã đóng"),
"Current password": ("Nykyinen salasana", "Nuvarande lösenord", "Mật khẩu hiện tại"),
"Also send these by email": ("Lähetä nämä myös sähköpostiin", "Skicka även dessa via e-post",
                             "Gửi thêm qua email"),
"Description": ("Kuvaus", "Beskrivning", "Mô tả"),
"Salary from": ("Palkka alkaen", "Lön från", "Lương từ"),
"Salary to": ("Palkka enintään", "Lön till", "Lương đến"),
"Currency": ("Valuutta", "Valuta", "Đơn vị tiền tệ"),
"The highest salary must not be below the lowest.": (
    "Ylin palkka ei voi olla alinta pienempi.", "Den högsta lönen får inte vara lägre än den lägsta.",
    "Mức lương cao nhất không được thấp hơn mức thấp nhất."),
"Application deadline": ("Hakuaika päättyy", "Sista ansökningsdag", "Hạn nộp hồ sơ"),
"Start from template": ("Aloita pohjasta", "Utgå från en mall", "Bắt đầu từ mẫu"),
"Template name": ("Pohjan nimi", "Mallens namn", "Tên mẫu"),
"Stage name": ("Vaiheen nimi", "Stegets namn", "Tên giai đoạn"),
"Move to stage": ("Siirrä vaiheeseen", "Flytta till steg", "Chuyển sang giai đoạn"),
"When an application enters": ("Kun hakemus siirtyy vaiheeseen", "När en ansökan når steget",
                               "Khi hồ sơ vào giai đoạn"),
"Send email": ("Lähetä sähköposti", "Skicka e-post", "Gửi email"),
"Then move it to": ("Siirrä se sitten vaiheeseen", "Flytta den sedan till", "Sau đó chuyển sang"),
"after (days)": ("kuluttua (päivää)", "efter (dagar)", "sau (ngày)"),
"Note": ("Muistiinpano", "Anteckning", "Ghi chú"),
"Assign to job": ("Liitä tehtävään", "Koppla till tjänst", "Gán vào vị trí"),
"Columns": ("Sarakkeet", "Kolumner", "Cột"),
"Anonymise instead: keep the applications and stage history for statistics, without the person's data": (
    "Anonymisoi sen sijaan: hakemukset ja vaihehistoria säilyvät tilastoja varten ilman henkilön tietoja",
    "Anonymisera i stället: behåll ansökningarna och steghistoriken för statistik, utan personens uppgifter",
    "Ẩn danh hóa thay vì xóa: giữ hồ sơ ứng tuyển và lịch sử giai đoạn cho thống kê, không kèm dữ liệu cá nhân"),
"Delete candidates with no activity after (months)": (
    "Poista hakijat, joilla ei ole ollut toimintaa (kuukautta)",
    "Radera kandidater utan aktivitet efter (månader)",
    "Xóa ứng viên không có hoạt động sau (tháng)"),
# ---------------------------------------------------------------- app/admin/views/applications.py
"Pick a stage.": ("Valitse vaihe.", "Välj ett steg.", "Hãy chọn một giai đoạn."),
"Moved to %(stage)s": ("Siirretty vaiheeseen %(stage)s", "Flyttad till %(stage)s", "Đã chuyển sang %(stage)s"),
"The note is empty.": ("Muistiinpano on tyhjä.", "Anteckningen är tom.", "Ghi chú đang trống."),
"Note added.": ("Muistiinpano lisätty.", "Anteckningen har lagts till.", "Đã thêm ghi chú."),
"Assigned to %(job)s.": ("Liitetty tehtävään %(job)s.", "Kopplad till %(job)s.", "Đã gán vào vị trí %(job)s."),
"Candidate rejected from the Pending pool.": (
    "Hakija hylätty odottavista hakijoista.", "Kandidaten har avvisats från väntande sökande.",
    "Đã loại ứng viên khỏi danh sách ứng viên chờ xử lý."),
# ---------------------------------------------------------------- app/admin/views/assessments.py
"Assessment settings": ("Arviointiasetukset", "Testinställningar", "Cài đặt bài đánh giá"),
"Assessments": ("Arvioinnit", "Tester", "Bài đánh giá"),
"Alva Labs tests: which products are active, their activity log.": (
    "Alva Labsin testit: mitkä tuotteet ovat käytössä ja niiden tapahtumaloki.",
    "Alva Labs-tester: vilka produkter som är aktiva och deras aktivitetslogg.",
    "Bài kiểm tra của Alva Labs: sản phẩm nào đang bật và nhật ký hoạt động của chúng."),
"Send assessment": ("Lähetä arviointi", "Skicka test", "Gửi bài đánh giá"),
"by the job's trigger stage": ("tehtävän käynnistävän vaiheen perusteella", "av tjänstens startsteg",
                               "do giai đoạn kích hoạt của vị trí"),
"by hand": ("käsin", "manuellt", "thủ công"),
"Assessment “%(test)s” ordered (%(cause)s)": (
    "Arviointi ”%(test)s” tilattu (%(cause)s)", "Testet ”%(test)s” beställt (%(cause)s)",
    "Đã đặt bài đánh giá “%(test)s” (%(cause)s)"),
"Assessment “%(test)s” sent to the candidate": (
    "Arviointi ”%(test)s” lähetetty hakijalle", "Testet ”%(test)s” skickat till kandidaten",
    "Đã gửi bài đánh giá “%(test)s” cho ứng viên"),
"Assessment “%(test)s” could not be sent: %(error)s": (
    "Arviointia ”%(test)s” ei voitu lähettää: %(error)s", "Testet ”%(test)s” kunde inte skickas: %(error)s",
    "Không gửi được bài đánh giá “%(test)s”: %(error)s"),
"No assessment was sent: %(reason)s": (
    "Arviointia ei lähetetty: %(reason)s", "Inget test skickades: %(reason)s",
    "Chưa gửi bài đánh giá nào: %(reason)s"),
"Assessment “%(test)s” complete: score %(score)s": (
    "Arviointi ”%(test)s” valmis: tulos %(score)s", "Testet ”%(test)s” klart: resultat %(score)s",
    "Bài đánh giá “%(test)s” đã hoàn thành: điểm %(score)s"),
"Assessment “%(test)s”: %(status)s": ("Arviointi ”%(test)s”: %(status)s", "Testet ”%(test)s”: %(status)s",
                                      "Bài đánh giá “%(test)s”: %(status)s"),
"Moved to %(stage)s: assessment score %(score)s passed the job's threshold": (
    "Siirretty vaiheeseen %(stage)s: arvioinnin tulos %(score)s ylitti tehtävän rajan",
    "Flyttad till %(stage)s: testresultatet %(score)s nådde tjänstens gräns",
    "Đã chuyển sang %(stage)s: điểm đánh giá %(score)s đạt ngưỡng của vị trí"),
"The assessment score passed, but the application could not be moved: %(reason)s": (
    "Arvioinnin tulos ylitti rajan, mutta hakemusta ei voitu siirtää: %(reason)s",
    "Testresultatet nådde gränsen, men ansökan kunde inte flyttas: %(reason)s",
    "Điểm đánh giá đã đạt ngưỡng nhưng không thể chuyển hồ sơ: %(reason)s"),
"%(product)s: %(message)s": ("%(product)s: %(message)s", "%(product)s: %(message)s", "%(product)s: %(message)s"),
"%(product)s saved.": ("%(product)s tallennettu.", "%(product)s har sparats.", "Đã lưu %(product)s."),
"The score must be a number.": ("Tuloksen on oltava luku.", "Resultatet måste vara ett tal.",
                                "Điểm phải là một con số."),
"Assessment settings saved.": ("Arviointiasetukset tallennettu.", "Testinställningarna har sparats.",
                               "Đã lưu cài đặt bài đánh giá."),
"Assessment ordered: the candidate gets an email with the test link in a moment.": (
    "Arviointi tilattu: hakija saa hetken kuluttua sähköpostin, jossa on testilinkki.",
    "Testet är beställt: kandidaten får strax ett mejl med länken till testet.",
    "Đã đặt bài đánh giá: ứng viên sẽ sớm nhận được email có liên kết làm bài."),
# ---------------------------------------------------------------- app/admin/views/auth.py
"Wrong email or password.": ("Väärä sähköpostiosoite tai salasana.", "Fel e-postadress eller lösenord.",
                             "Sai email hoặc mật khẩu."),
"You are logged out.": ("Olet kirjautunut ulos.", "Du är utloggad.", "Bạn đã đăng xuất."),
"Your password is changed. Other sessions were logged out.": (
    "Salasanasi on vaihdettu. Muut istunnot kirjattiin ulos.",
    "Ditt lösenord är ändrat. Andra sessioner loggades ut.",
    "Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất."),
"Notification settings saved.": ("Ilmoitusasetukset tallennettu.", "Aviseringsinställningarna har sparats.",
                                 "Đã lưu cài đặt thông báo."),
# ---------------------------------------------------------------- app/admin/views/boards.py
"TopCV keys checked and saved. Paste the webhook URL below into TopCV.": (
    "TopCV-avaimet tarkistettu ja tallennettu. Liitä alla oleva webhook-osoite TopCV:hen.",
    "TopCV-nycklarna är kontrollerade och sparade. Klistra in webhook-adressen nedan i TopCV.",
    "Đã kiểm tra và lưu khóa TopCV. Hãy dán URL webhook bên dưới vào TopCV."),
"TopCV disconnected. The keys were deleted; the posting history is kept.": (
    "TopCV-yhteys katkaistu. Avaimet poistettiin; ilmoitushistoria säilyy.",
    "TopCV är frånkopplat. Nycklarna raderades; annonshistoriken finns kvar.",
    "Đã ngắt kết nối TopCV. Khóa đã bị xóa; lịch sử tin đăng vẫn được giữ."),
"Sending the job to TopCV. Its status shows in Posted jobs.": (
    "Tehtävää lähetetään TopCV:hen. Sen tila näkyy kohdassa Julkaistut ilmoitukset.",
    "Tjänsten skickas till TopCV. Dess status visas under Publicerade annonser.",
    "Đang gửi vị trí lên TopCV. Trạng thái hiển thị trong mục Tin đã đăng."),
"Changes are being sent to TopCV.": ("Muutoksia lähetetään TopCV:hen.", "Ändringarna skickas till TopCV.",
                                     "Đang gửi các thay đổi lên TopCV."),
"Closing the posting on TopCV.": ("Ilmoitusta suljetaan TopCV:ssä.", "Annonsen stängs på TopCV.",
                                  "Đang đóng tin đăng trên TopCV."),
"TopCV job %(id)s linked to this job.": (
    "TopCV-ilmoitus %(id)s liitetty tähän tehtävään.", "TopCV-annonsen %(id)s är kopplad till den här tjänsten.",
    "Đã liên kết tin TopCV %(id)s với vị trí này."),
# ---------------------------------------------------------------- app/admin/views/emrex.py
"Submitted": ("Lähetetty", "Inskickad", "Đã gửi"),
"No results": ("Ei tuloksia", "Inga resultat", "Không có kết quả"),
"Reminders sent": ("Muistutuksia lähetetty", "Påminnelser skickade", "Đã gửi nhắc nhở"),
"EMREX settings": ("EMREX-asetukset", "EMREX-inställningar", "Cài đặt EMREX"),
"EMREX funnel": ("EMREX-suppilo", "EMREX-tratt", "Phễu EMREX"),
"EMREX study records requested (%(cause)s)": (
    "EMREX-opintotiedot pyydetty (%(cause)s)", "EMREX-studieresultat begärda (%(cause)s)",
    "Đã yêu cầu kết quả học tập EMREX (%(cause)s)"),
"EMREX records received from %(inst)s (identity: %(identity)s)": (
    "EMREX-tiedot vastaanotettu korkeakoulusta %(inst)s (henkilöllisyys: %(identity)s)",
    "EMREX-resultat mottagna från %(inst)s (identitet: %(identity)s)",
    "Đã nhận kết quả EMREX từ %(inst)s (danh tính: %(identity)s)"),
"EMREX transfer ended without records: %(outcome)s": (
    "EMREX-siirto päättyi ilman tietoja: %(outcome)s", "EMREX-överföringen avslutades utan resultat: %(outcome)s",
    "Phiên chuyển EMREX kết thúc mà không có kết quả: %(outcome)s"),
"The candidate declined EMREX: no records were transferred": (
    "Hakija kieltäytyi EMREXistä: tietoja ei siirretty",
    "Kandidaten tackade nej till EMREX: inga resultat överfördes",
    "Ứng viên đã từ chối EMREX: không có kết quả nào được chuyển"),
"EMREX settings saved.": ("EMREX-asetukset tallennettu.", "EMREX-inställningarna har sparats.",
                          "Đã lưu cài đặt EMREX."),
"EMREX request sent.": ("EMREX-pyyntö lähetetty.", "EMREX-förfrågan har skickats.", "Đã gửi yêu cầu EMREX."),
"The open EMREX request was sent again (same link).": (
    "Avoin EMREX-pyyntö lähetettiin uudelleen (sama linkki).",
    "Den öppna EMREX-förfrågan skickades igen (samma länk).",
    "Đã gửi lại yêu cầu EMREX đang mở (cùng liên kết)."),
# ---------------------------------------------------------------- app/admin/views/jobs.py
"— nobody —": ("— ei ketään —", "— ingen —", "— không ai —"),
"— no template —": ("— ei pohjaa —", "— ingen mall —", "— không dùng mẫu —"),
"Job created.": ("Tehtävä luotu.", "Tjänsten har skapats.", "Đã tạo vị trí."),
"Job saved.": ("Tehtävä tallennettu.", "Tjänsten har sparats.", "Đã lưu vị trí."),
"Job deleted.": ("Tehtävä poistettu.", "Tjänsten har raderats.", "Đã xóa vị trí."),
"— do not move —": ("— älä siirrä —", "— flytta inte —", "— không chuyển —"),
"— no email —": ("— ei sähköpostia —", "— inget mejl —", "— không gửi email —"),
"A stage needs a name.": ("Vaiheella on oltava nimi.", "Ett steg behöver ett namn.",
                          "Giai đoạn cần có tên."),
"Stage added.": ("Vaihe lisätty.", "Steget har lagts till.", "Đã thêm giai đoạn."),
"Stage renamed.": ("Vaihe nimetty uudelleen.", "Steget har bytt namn.", "Đã đổi tên giai đoạn."),
"Order saved.": ("Järjestys tallennettu.", "Ordningen har sparats.", "Đã lưu thứ tự."),
"Stage deleted.": ("Vaihe poistettu.", "Steget har raderats.", "Đã xóa giai đoạn."),
"Please check the automation's fields.": ("Tarkista automaation kentät.", "Kontrollera automatiseringens fält.",
                                          "Vui lòng kiểm tra các trường của quy tắc tự động."),
"Automation added.": ("Automaatio lisätty.", "Automatiseringen har lagts till.", "Đã thêm quy tắc tự động."),
"Automation removed.": ("Automaatio poistettu.", "Automatiseringen har tagits bort.",
                        "Đã xóa quy tắc tự động."),
"Template saved.": ("Pohja tallennettu.", "Mallen har sparats.", "Đã lưu mẫu."),
"Template deleted.": ("Pohja poistettu.", "Mallen har raderats.", "Đã xóa mẫu."),
# ---------------------------------------------------------------- app/admin/views/partners.py, privacy.py, settings.py
"Replay queued.": ("Uudelleenajo on jonossa.", "Omkörningen har köats.", "Đã xếp hàng chạy lại."),
"Candidate #%(id)d anonymised: the applications stay for statistics without personal data.": (
    "Hakija #%(id)d anonymisoitu: hakemukset säilyvät tilastoja varten ilman henkilötietoja.",
    "Kandidat #%(id)d har anonymiserats: ansökningarna finns kvar för statistik utan personuppgifter.",
    "Đã ẩn danh hóa ứng viên #%(id)d: hồ sơ ứng tuyển được giữ cho thống kê, không kèm dữ liệu cá nhân."),
"Candidate #%(id)d erased.": ("Hakija #%(id)d poistettu.", "Kandidat #%(id)d har raderats.",
                              "Đã xóa ứng viên #%(id)d."),
"Retention saved: candidates with no activity for %(n)d months are deleted.": (
    "Säilytysaika tallennettu: hakijat, joilla ei ole ollut toimintaa %(n)d kuukauteen, poistetaan.",
    "Lagringstiden har sparats: kandidater utan aktivitet på %(n)d månader raderas.",
    "Đã lưu thời hạn lưu trữ: ứng viên không có hoạt động trong %(n)d tháng sẽ bị xóa."),
"Data protection": ("Tietosuoja", "Dataskydd", "Bảo vệ dữ liệu"),
"How long candidates are kept after their last activity.": (
    "Kuinka kauan hakijoiden tiedot säilytetään viimeisen toiminnan jälkeen.",
    "Hur länge kandidater sparas efter sin senaste aktivitet.",
    "Thời gian lưu giữ ứng viên sau hoạt động cuối cùng."),
"Erase candidate…": ("Poista hakija…", "Radera kandidat…", "Xóa ứng viên…"),
"Email template saved.": ("Sähköpostipohja tallennettu.", "E-postmallen har sparats.", "Đã lưu mẫu email."),
# ---------------------------------------------------------------- app/applications/columns.py
"Candidate": ("Hakija", "Kandidat", "Ứng viên"),
"Job": ("Tehtävä", "Tjänst", "Vị trí"),
"Stage": ("Vaihe", "Steg", "Giai đoạn"),
"Source": ("Lähde", "Källa", "Nguồn"),
"Applied": ("Hakupäivä", "Ansökt", "Ngày ứng tuyển"),
"Last activity": ("Viimeisin toiminta", "Senaste aktivitet", "Hoạt động gần nhất"),
# ---------------------------------------------------------------- app/applications/display.py (timeline)
"moved by a person": ("henkilön siirtämänä", "flyttad av en person", "do người dùng chuyển"),
"on applying": ("hakemuksen saapuessa", "vid ansökan", "khi ứng tuyển"),
"by an automation": ("automaation siirtämänä", "av en automatisering", "do quy tắc tự động"),
"on import": ("tuonnissa", "vid import", "khi nhập dữ liệu"),
"Applied (source: %(source)s), matched to this job by its title": (
    "Haki (lähde: %(source)s), liitetty tähän tehtävään nimikkeen perusteella",
    "Ansökte (källa: %(source)s), matchad till den här tjänsten via titeln",
    "Đã ứng tuyển (nguồn: %(source)s), được khớp với vị trí này theo chức danh"),
"Applied (source: %(source)s)": ("Haki (lähde: %(source)s)", "Ansökte (källa: %(source)s)",
                                 "Đã ứng tuyển (nguồn: %(source)s)"),
"Entered %(stage)s, %(cause)s": ("Siirtyi vaiheeseen %(stage)s, %(cause)s", "Kom till %(stage)s, %(cause)s",
                                 "Vào giai đoạn %(stage)s, %(cause)s"),
"Note: %(text)s": ("Muistiinpano: %(text)s", "Anteckning: %(text)s", "Ghi chú: %(text)s"),
"Email “%(template)s” queued": ("Sähköposti ”%(template)s” jonossa", "Mejlet ”%(template)s” köat",
                                "Email “%(template)s” đã vào hàng đợi gửi"),
"Email “%(subject)s” could not be delivered: %(error)s": (
    "Sähköpostia ”%(subject)s” ei voitu toimittaa: %(error)s",
    "Mejlet ”%(subject)s” kunde inte levereras: %(error)s",
    "Không gửi được email “%(subject)s”: %(error)s"),
"Assigned from the Pending pool to %(job)s": (
    "Liitetty odottavista hakijoista tehtävään %(job)s", "Kopplad från väntande sökande till %(job)s",
    "Đã gán từ danh sách chờ vào vị trí %(job)s"),
"Rejected from the Pending pool": ("Hylätty odottavista hakijoista", "Avvisad från väntande sökande",
                                   "Đã bị loại khỏi danh sách chờ"),
"An automation stopped: it would have moved the application in a loop": (
    "Automaatio pysäytettiin: se olisi siirtänyt hakemusta kehässä",
    "En automatisering stoppades: den skulle ha flyttat ansökan i en slinga",
    "Một quy tắc tự động đã dừng: nó sẽ chuyển hồ sơ theo vòng lặp"),
"Applied again (source: %(source)s); kept as this application": (
    "Haki uudelleen (lähde: %(source)s); säilytetty tänä hakemuksena",
    "Ansökte igen (källa: %(source)s); behålls som den här ansökan",
    "Ứng tuyển lại (nguồn: %(source)s); được gộp vào hồ sơ này"),
# ---------------------------------------------------------------- app/assessments/columns.py
"Sending": ("Lähetetään", "Skickas", "Đang gửi"),
"Started": ("Aloitettu", "Påbörjat", "Đã bắt đầu"),
"Complete": ("Valmis", "Klart", "Hoàn thành"),
"Vendor error": ("Palveluntarjoajan virhe", "Fel hos leverantören", "Lỗi từ nhà cung cấp"),
"Not sent": ("Ei lähetetty", "Inte skickat", "Chưa gửi"),
"Assessment score": ("Arvioinnin tulos", "Testresultat", "Điểm đánh giá"),
"Assessment status": ("Arvioinnin tila", "Teststatus", "Trạng thái bài đánh giá"),
# ---------------------------------------------------------------- app/boards/hooks.py
"Sources": ("Lähteet", "Källor", "Nguồn"),
"Recruitment networks": ("Rekrytointikanavat", "Rekryteringskanaler", "Kênh tuyển dụng"),
"Connect TopCV: post jobs and receive applicants.": (
    "Yhdistä TopCV: julkaise tehtäviä ja vastaanota hakijoita.",
    "Anslut TopCV: publicera tjänster och ta emot sökande.",
    "Kết nối TopCV: đăng vị trí và nhận ứng viên."),
"The CV was not kept: %(reason)s": ("CV:tä ei tallennettu: %(reason)s", "CV:t sparades inte: %(reason)s",
                                    "CV không được lưu: %(reason)s"),
}
