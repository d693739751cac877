"""Finnish, Swedish and Vietnamese for the recruiter admin's screens (templates/admin, issue 14
§4): dashboard, list, card, timeline, board and pipeline, assessments, job boards, EMREX settings,
notifications, partner log, Pending pool, data protection, settings. Terms follow
translations/GLOSSARY.md. Applied to the catalogues by ``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- applications/_card.html
"name unverified": ("nimeä ei vahvistettu", "namnet ej verifierat", "tên chưa xác minh"),
"applied": ("haettu", "ansökt", "ứng tuyển ngày"),
"source": ("lähde", "källa", "nguồn"),
"Move": ("Siirrä", "Flytta", "Chuyển"),
"More actions": ("Lisää toimintoja", "Fler åtgärder", "Thao tác khác"),
"Download CV": ("Lataa CV", "Ladda ned CV", "Tải xuống CV"),
"Add a note": ("Lisää muistiinpano", "Lägg till en anteckning", "Thêm ghi chú"),
"An email to this candidate could not be delivered. See the emails below.": (
    "Sähköpostia ei voitu toimittaa tälle hakijalle. Katso sähköpostit alta.",
    "Ett mejl till den här kandidaten kunde inte levereras. Se mejlen nedan.",
    "Không gửi được một email cho ứng viên này. Xem danh sách email bên dưới."),
"Consent": ("Suostumus", "Samtycke", "Sự đồng ý"),
"%(size)d KB": ("%(size)d kt", "%(size)d kB", "%(size)d KB"),
"given": ("annettu", "lämnat", "đã đồng ý lúc"),
"Other applications": ("Muut hakemukset", "Andra ansökningar", "Hồ sơ ứng tuyển khác"),
"Cover letter": ("Saatekirje", "Personligt brev", "Thư xin việc"),
"Emails": ("Sähköpostit", "Mejl", "Email"),
"No emails yet.": ("Ei vielä sähköposteja.", "Inga mejl än.", "Chưa có email nào."),
# ---------------------------------------------------------------- applications/_table.html, _timeline.html, index.html
"More than 10,000 applications": ("Yli 10 000 hakemusta", "Fler än 10 000 ansökningar",
                                  "Hơn 10.000 hồ sơ ứng tuyển"),
"Export as CSV": ("Vie CSV-tiedostoon", "Exportera som CSV", "Xuất ra CSV"),
"No applications match.": ("Hakuehtoja vastaavia hakemuksia ei ole.", "Inga ansökningar matchar.",
                           "Không có hồ sơ nào phù hợp."),
"Page %(page)d": ("Sivu %(page)d", "Sida %(page)d", "Trang %(page)d"),
"Page %(page)d of %(pages)d": ("Sivu %(page)d/%(pages)d", "Sida %(page)d av %(pages)d",
                               "Trang %(page)d/%(pages)d"),
"Timeline": ("Aikajana", "Tidslinje", "Dòng thời gian"),
"Add a note for the team": ("Lisää muistiinpano tiimille", "Lägg till en anteckning för teamet",
                            "Thêm ghi chú cho nhóm"),
"Add note": ("Lisää muistiinpano", "Lägg till anteckning", "Thêm ghi chú"),
"Choose columns": ("Valitse sarakkeet", "Välj kolumner", "Chọn cột"),
"Show these columns": ("Näytä nämä sarakkeet", "Visa de här kolumnerna", "Hiển thị các cột này"),
"Save columns": ("Tallenna sarakkeet", "Spara kolumner", "Lưu cột"),
"Search": ("Hae", "Sök", "Tìm kiếm"),
"Search name or email": ("Hae nimellä tai sähköpostilla", "Sök namn eller e-post", "Tìm theo tên hoặc email"),
"All jobs": ("Kaikki tehtävät", "Alla tjänster", "Tất cả vị trí"),
"All stages": ("Kaikki vaiheet", "Alla steg", "Tất cả giai đoạn"),
"Open": ("Avoin", "Öppen", "Đang mở"),
"All": ("Kaikki", "Alla", "Tất cả"),
"Per page": ("Riviä sivulla", "Per sida", "Mỗi trang"),
"page": ("sivu", "sida", "trang"),
"any": ("kaikki", "alla", "tất cả"),
"Filter": ("Suodata", "Filtrera", "Lọc"),
# ---------------------------------------------------------------- assessments/_panel.html
"No assessment yet. Use “Send assessment” in the ⋯ menu, or set a trigger stage in the job's assessment settings.": (
    "Arviointia ei ole vielä lähetetty. Valitse ⋯-valikosta ”Lähetä arviointi” tai aseta käynnistävä vaihe "
    "tehtävän arviointiasetuksissa.",
    "Inget test ännu. Välj ”Skicka test” i ⋯-menyn eller ange ett startsteg i tjänstens testinställningar.",
    "Chưa có bài đánh giá. Dùng “Gửi bài đánh giá” trong menu ⋯, hoặc đặt giai đoạn kích hoạt trong cài đặt "
    "bài đánh giá của vị trí."),
"ordered": ("tilattu", "beställt", "đặt lúc"),
"by the trigger stage": ("käynnistävän vaiheen perusteella", "av startsteget", "do giai đoạn kích hoạt"),
"The test was not sent:": ("Testiä ei lähetetty:", "Testet skickades inte:", "Bài kiểm tra chưa được gửi:"),
"the vendor refused it.": ("palveluntarjoaja hylkäsi sen.", "leverantören avvisade det.",
                           "nhà cung cấp đã từ chối."),
"Sending the test to Alva Labs…": ("Testiä lähetetään Alva Labsille…", "Testet skickas till Alva Labs…",
                                   "Đang gửi bài kiểm tra tới Alva Labs…"),
"Waiting for the candidate to finish the test.": (
    "Odotetaan, että hakija suorittaa testin.", "Väntar på att kandidaten gör klart testet.",
    "Đang chờ ứng viên hoàn thành bài kiểm tra."),
"Score %(pct)s%%": ("Tulos %(pct)s %%", "Resultat %(pct)s %%", "Điểm %(pct)s%%"),
"Open the report": ("Avaa raportti", "Öppna rapporten", "Mở báo cáo"),
"Details": ("Tiedot", "Detaljer", "Chi tiết"),
"The candidate's test link (also in their email):": (
    "Hakijan testilinkki (myös hänen sähköpostissaan):",
    "Kandidatens testlänk (finns även i mejlet till hen):",
    "Liên kết làm bài của ứng viên (cũng có trong email gửi họ):"),
# ---------------------------------------------------------------- assessments/_send_form.html
"Already open for this candidate:": ("Jo avoinna tälle hakijalle:", "Redan öppna för den här kandidaten:",
                                     "Đang mở cho ứng viên này:"),
"No assessment products are active for your company.": (
    "Yrityksellesi ei ole otettu käyttöön arviointituotteita.",
    "Inga testprodukter är aktiva för ert företag.",
    "Công ty của bạn chưa bật sản phẩm đánh giá nào."),
"The candidate has no email address, so no test can be sent.": (
    "Hakijalla ei ole sähköpostiosoitetta, joten testiä ei voi lähettää.",
    "Kandidaten har ingen e-postadress, så inget test kan skickas.",
    "Ứng viên không có địa chỉ email nên không thể gửi bài kiểm tra."),
"Test": ("Testi", "Test", "Bài kiểm tra"),
"— pick a test —": ("— valitse testi —", "— välj ett test —", "— chọn bài kiểm tra —"),
"%(name)s gets an email at %(email)s with a personal link to the test.": (
    "%(name)s saa osoitteeseen %(email)s sähköpostin, jossa on henkilökohtainen linkki testiin.",
    "%(name)s får ett mejl till %(email)s med en personlig länk till testet.",
    "%(name)s sẽ nhận email tại %(email)s với liên kết làm bài riêng."),
# ---------------------------------------------------------------- assessments/_settings_form.html
"No assessment products are active for your company. Platform staff switch them on; ask them to enable Alva Labs for you.": (
    "Yrityksellesi ei ole otettu käyttöön arviointituotteita. Palvelun ylläpito ottaa ne käyttöön; pyydä heitä "
    "avaamaan Alva Labs teille.",
    "Inga testprodukter är aktiva för ert företag. Plattformsteamet aktiverar dem; be dem aktivera Alva Labs åt er.",
    "Công ty của bạn chưa bật sản phẩm đánh giá nào. Nhân viên vận hành nền tảng sẽ bật chúng; hãy đề nghị họ "
    "bật Alva Labs cho bạn."),
"The candidate gets an email from Haku with a personal link to the Alva Labs test. The score, the report and the result card appear on the application when the candidate finishes.": (
    "Hakija saa Hakulta sähköpostin, jossa on henkilökohtainen linkki Alva Labsin testiin. Tulos, raportti ja "
    "tuloskortti näkyvät hakemuksella, kun hakija on suorittanut testin.",
    "Kandidaten får ett mejl från Haku med en personlig länk till Alva Labs-testet. Resultatet, rapporten och "
    "resultatkortet visas på ansökan när kandidaten är klar.",
    "Ứng viên nhận email từ Haku với liên kết riêng tới bài kiểm tra của Alva Labs. Điểm, báo cáo và thẻ kết quả "
    "hiển thị trên hồ sơ khi ứng viên làm xong."),
"— no assessment for this job —": ("— ei arviointia tähän tehtävään —", "— inget test för den här tjänsten —",
                                   "— không có bài đánh giá cho vị trí này —"),
"Send the test when an application enters": ("Lähetä testi, kun hakemus siirtyy vaiheeseen",
                                             "Skicka testet när en ansökan når steget",
                                             "Gửi bài kiểm tra khi hồ sơ vào giai đoạn"),
"— no stage: only by hand from the application's ⋯ menu —": (
    "— ei vaihetta: vain käsin hakemuksen ⋯-valikosta —",
    "— inget steg: bara manuellt från ansökans ⋯-meny —",
    "— không theo giai đoạn: chỉ gửi thủ công từ menu ⋯ của hồ sơ —"),
"(on apply)": ("(hakiessa)", "(vid ansökan)", "(khi ứng tuyển)"),
"Only the application's first entry into the stage sends the test; moving it back and forth does not send it again.": (
    "Testi lähetetään vain, kun hakemus siirtyy vaiheeseen ensimmäisen kerran; edestakainen siirtely ei lähetä "
    "sitä uudelleen.",
    "Testet skickas bara första gången ansökan når steget; att flytta den fram och tillbaka skickar det inte igen.",
    "Bài kiểm tra chỉ được gửi khi hồ sơ vào giai đoạn lần đầu; chuyển qua chuyển lại sẽ không gửi lại."),
"When the candidate finishes": ("Kun hakija on valmis", "När kandidaten är klar", "Khi ứng viên làm xong"),
"Move the application when the score reaches a threshold": (
    "Siirrä hakemus, kun tulos saavuttaa rajan", "Flytta ansökan när resultatet når en gräns",
    "Chuyển hồ sơ khi điểm đạt ngưỡng"),
"Score at least": ("Tulos vähintään", "Resultat minst", "Điểm tối thiểu"),
"On the vendor's scale (Alva scores are 0–100).": (
    "Palveluntarjoajan asteikolla (Alvan tulokset ovat 0–100).",
    "På leverantörens skala (Alvas resultat är 0–100).",
    "Theo thang điểm của nhà cung cấp (điểm Alva từ 0–100)."),
"Move it to": ("Siirrä vaiheeseen", "Flytta den till", "Chuyển sang"),
"Save assessment settings": ("Tallenna arviointiasetukset", "Spara testinställningarna",
                             "Lưu cài đặt bài đánh giá"),
"Saved": ("Tallennettu", "Sparat", "Đã lưu"),
# ---------------------------------------------------------------- assessments/_test_picker.html, products.html, settings.html
"not connected yet": ("ei vielä yhdistetty", "inte ansluten än", "chưa kết nối"),
"Showing the list from %(when)s.": ("Näytetään luettelo ajalta %(when)s.", "Visar listan från %(when)s.",
                                    "Đang hiển thị danh sách lúc %(when)s."),
"Alva Labs tests your jobs can send to candidates. Pick the test per job in the job's “Assessment settings”.": (
    "Alva Labsin testit, joita tehtävänne voivat lähettää hakijoille. Valitse testi tehtäväkohtaisesti "
    "tehtävän kohdassa ”Arviointiasetukset”.",
    "Alva Labs-tester som era tjänster kan skicka till kandidater. Välj test per tjänst under tjänstens "
    "”Testinställningar”.",
    "Các bài kiểm tra của Alva Labs mà vị trí của bạn có thể gửi cho ứng viên. Chọn bài cho từng vị trí trong "
    "“Cài đặt bài đánh giá” của vị trí đó."),
"Product": ("Tuote", "Produkt", "Sản phẩm"),
"Connection": ("Yhteys", "Anslutning", "Kết nối"),
"Company ID": ("Yrityksen tunnus", "Företags-id", "Mã công ty"),
"External ID": ("Ulkoinen tunnus", "Externt id", "Mã bên ngoài"),
"Tests": ("Testit", "Tester", "Bài kiểm tra"),
"active": ("käytössä", "aktiv", "đang bật"),
"company ID": ("yrityksen tunnus", "företags-id", "mã công ty"),
"external ID": ("ulkoinen tunnus", "externt id", "mã bên ngoài"),
"Activity log": ("Tapahtumaloki", "Aktivitetslogg", "Nhật ký hoạt động"),
"No assessment products are set up for %(name)s yet.": (
    "Yritykselle %(name)s ei ole vielä määritetty arviointituotteita.",
    "Inga testprodukter är konfigurerade för %(name)s än.",
    "Chưa thiết lập sản phẩm đánh giá nào cho %(name)s."),
"Platform staff switch them on; ask them to enable Alva Labs for you.": (
    "Palvelun ylläpito ottaa ne käyttöön; pyydä heitä avaamaan Alva Labs teille.",
    "Plattformsteamet aktiverar dem; be dem aktivera Alva Labs åt er.",
    "Nhân viên vận hành nền tảng sẽ bật chúng; hãy đề nghị họ bật Alva Labs cho bạn."),
"Manage products yourself": ("Hallinnoi tuotteita itse", "Hantera produkterna själv", "Tự quản lý sản phẩm"),
"Is active": ("Käytössä", "Aktiv", "Đang bật"),
"Alva API key": ("Alvan API-avain", "Alva API-nyckel", "Khóa API Alva"),
"leave empty to keep": ("jätä tyhjäksi, jos haluat säilyttää nykyisen", "lämna tomt för att behålla",
                        "để trống để giữ nguyên"),
"Enable a product": ("Ota tuote käyttöön", "Aktivera en produkt", "Bật một sản phẩm"),
"Enable": ("Ota käyttöön", "Aktivera", "Bật"),
"Job template": ("Tehtäväpohja", "Tjänstemall", "Mẫu vị trí"),
# ---------------------------------------------------------------- auth/account.html
"Change password": ("Vaihda salasana", "Byt lösenord", "Đổi mật khẩu"),
"At least 8 characters; a long passphrase is best.": (
    "Vähintään 8 merkkiä; pitkä salalause on paras.", "Minst 8 tecken; en lång lösenfras är bäst.",
    "Ít nhất 8 ký tự; tốt nhất là một cụm mật khẩu dài."),
"Notifications by email": ("Ilmoitukset sähköpostitse", "Aviseringar via e-post", "Thông báo qua email"),
"New application": ("Uusi hakemus", "Ny ansökan", "Hồ sơ ứng tuyển mới"),
"Application moved": ("Hakemus siirretty", "Ansökan flyttad", "Hồ sơ được chuyển giai đoạn"),
"Email could not be delivered": ("Sähköpostia ei voitu toimittaa", "Mejlet kunde inte levereras",
                                 "Không gửi được email"),
"Job board moderation": ("Työpaikkapalvelun tarkistus", "Granskning på jobbsajt", "Kết quả duyệt tin trên trang việc làm"),
"Candidate in the Pending pool": ("Uusi odottava hakija", "Ny väntande sökande", "Ứng viên mới trong danh sách chờ"),
"Integration needs attention": ("Integraatio vaatii huomiota", "Integrationen behöver åtgärdas",
                                "Tích hợp cần được xử lý"),
"Study records received (EMREX)": ("Opintotiedot vastaanotettu (EMREX)", "Studieresultat mottagna (EMREX)",
                                   "Đã nhận kết quả học tập (EMREX)"),
"Besides the bell in the header, also email me about:": (
    "Ylätunnisteen kellon lisäksi lähetä minulle sähköpostia näistä:",
    "Förutom klockan i sidhuvudet, mejla mig också om:",
    "Ngoài biểu tượng chuông ở đầu trang, gửi thêm email cho tôi về:"),
# ---------------------------------------------------------------- boards/*
"Board": ("Työpaikkapalvelu", "Jobbsajt", "Trang việc làm"),
"TopCV job id": ("TopCV-ilmoituksen tunnus", "TopCV-annons-id", "Mã tin TopCV"),
"Last sync": ("Viimeisin synkronointi", "Senaste synkronisering", "Đồng bộ gần nhất"),
"linked": ("liitetty", "kopplad", "đã liên kết"),
"not posted yet": ("ei vielä julkaistu", "inte publicerad än", "chưa đăng"),
"Pending review": ("Odottaa tarkistusta", "Väntar på granskning", "Chờ duyệt"),
"Approved": ("Hyväksytty", "Godkänd", "Đã duyệt"),
"Reason": ("Syy", "Orsak", "Lý do"),
"Update": ("Päivitä", "Uppdatera", "Cập nhật"),
"Close": ("Sulje", "Stäng", "Đóng"),
"This job is not on any job board yet. Use “Create source”.": (
    "Tätä tehtävää ei ole vielä julkaistu missään työpaikkapalvelussa. Valitse ”Luo lähde”.",
    "Den här tjänsten finns inte på någon jobbsajt än. Välj ”Skapa källa”.",
    "Vị trí này chưa được đăng trên trang việc làm nào. Dùng “Tạo nguồn”."),
"Add posted job": ("Lisää julkaistu ilmoitus", "Lägg till publicerad annons", "Thêm tin đã đăng"),
"Link a job that is already posted on TopCV to this Haku job. Haku checks that it belongs to your TopCV account and creates nothing on TopCV.": (
    "Liitä TopCV:ssä jo julkaistu ilmoitus tähän Hakun tehtävään. Haku tarkistaa, että se kuuluu TopCV-tilillesi, "
    "eikä luo TopCV:hen mitään.",
    "Koppla en annons som redan är publicerad på TopCV till den här tjänsten i Haku. Haku kontrollerar att den "
    "tillhör ert TopCV-konto och skapar ingenting på TopCV.",
    "Liên kết một tin đã đăng trên TopCV với vị trí này trong Haku. Haku kiểm tra tin đó thuộc tài khoản TopCV "
    "của bạn và không tạo gì trên TopCV."),
"Link job": ("Liitä ilmoitus", "Koppla annons", "Liên kết tin"),
"Job boards Haku can post your jobs to and receive applicants from.": (
    "Työpaikkapalvelut, joihin Haku voi julkaista tehtävänne ja joista se voi vastaanottaa hakijoita.",
    "Jobbsajter som Haku kan publicera era tjänster på och ta emot sökande från.",
    "Các trang việc làm mà Haku có thể đăng vị trí của bạn và nhận ứng viên về."),
"Vietnam's job board. Post jobs from Haku, see TopCV's approval, get applicants straight into the pipeline.": (
    "Vietnamin työpaikkapalvelu. Julkaise tehtäviä Hakusta, näe TopCV:n hyväksyntä ja saa hakijat suoraan "
    "rekrytointiprosessiin.",
    "Vietnams jobbsajt. Publicera tjänster från Haku, se TopCV:s godkännande och få sökande direkt in i "
    "rekryteringsflödet.",
    "Trang việc làm của Việt Nam. Đăng vị trí từ Haku, xem trạng thái duyệt của TopCV, nhận ứng viên thẳng vào "
    "quy trình tuyển dụng."),
"Add access code": ("Lisää käyttöavain", "Lägg till åtkomstkod", "Thêm mã truy cập"),
"Post on TopCV": ("Julkaise TopCV:ssä", "Publicera på TopCV", "Đăng lên TopCV"),
"Update the TopCV posting": ("Päivitä TopCV-ilmoitus", "Uppdatera TopCV-annonsen", "Cập nhật tin đăng TopCV"),
"Post new job posting on TopCV": ("Julkaise uusi ilmoitus TopCV:ssä", "Publicera en ny annons på TopCV",
                                  "Đăng tin tuyển dụng mới lên TopCV"),
"Filled in from the job. Fields marked * are required by TopCV. TopCV reviews every posting before it is shown.": (
    "Täytetty tehtävän tiedoista. TopCV vaatii *-merkityt kentät. TopCV tarkistaa jokaisen ilmoituksen ennen "
    "sen julkaisemista.",
    "Ifyllt från tjänsten. Fält markerade med * krävs av TopCV. TopCV granskar varje annons innan den visas.",
    "Được điền sẵn từ vị trí. Các trường có dấu * là bắt buộc với TopCV. TopCV duyệt mọi tin trước khi hiển thị."),
"Requirements": ("Vaatimukset", "Krav", "Yêu cầu"),
"Benefits": ("Edut", "Förmåner", "Quyền lợi"),
"City": ("Kaupunki", "Stad", "Thành phố"),
"Country code": ("Maatunnus", "Landskod", "Mã quốc gia"),
"Level": ("Tehtävätaso", "Befattningsnivå", "Cấp bậc"),
"Choose…": ("Valitse…", "Välj…", "Chọn…"),
"Deadline": ("Hakuaika päättyy", "Sista ansökningsdag", "Hạn nộp hồ sơ"),
"Openings": ("Paikkojen määrä", "Antal platser", "Số lượng tuyển"),
"Salary negotiable": ("Palkka sopimuksen mukaan", "Lön enligt överenskommelse", "Lương thỏa thuận"),
"Contact shown on TopCV": ("TopCV:ssä näytettävä yhteyshenkilö", "Kontakt som visas på TopCV",
                           "Người liên hệ hiển thị trên TopCV"),
"Send changes to TopCV": ("Lähetä muutokset TopCV:hen", "Skicka ändringarna till TopCV",
                          "Gửi thay đổi lên TopCV"),
"Back to the pipeline": ("Takaisin rekrytointiprosessiin", "Tillbaka till rekryteringsflödet",
                         "Quay lại quy trình tuyển dụng"),
"Create source": ("Luo lähde", "Skapa källa", "Tạo nguồn"),
"Recruitment network": ("Rekrytointikanava", "Rekryteringskanal", "Kênh tuyển dụng"),
"TopCV is not connected yet.": ("TopCV:tä ei ole vielä yhdistetty.", "TopCV är inte anslutet än.",
                                "Chưa kết nối TopCV."),
"Connect TopCV": ("Yhdistä TopCV", "Anslut TopCV", "Kết nối TopCV"),
"Ask a company admin to connect it.": ("Pyydä pääkäyttäjää yhdistämään se.", "Be en administratör ansluta det.",
                                       "Hãy đề nghị quản trị viên công ty kết nối."),
"TopCV refused the stored keys. A company admin must paste new ones.": (
    "TopCV hylkäsi tallennetut avaimet. Pääkäyttäjän on liitettävä uudet.",
    "TopCV avvisade de sparade nycklarna. En administratör måste klistra in nya.",
    "TopCV đã từ chối khóa đã lưu. Quản trị viên công ty cần dán khóa mới."),
"Posted jobs": ("Julkaistut ilmoitukset", "Publicerade annonser", "Tin đã đăng"),
"TopCV employer": ("TopCV-työnantajatili", "TopCV-arbetsgivarkonto", "Nhà tuyển dụng TopCV"),
"Employer API key": ("Työnantajan API-avain", "Arbetsgivarens API-nyckel", "Khóa API nhà tuyển dụng"),
"Secret Key": ("Salainen avain", "Hemlig nyckel", "Khóa bí mật"),
"stored encrypted, never shown again": ("tallennettu salattuna, ei näytetä enää uudelleen",
                                        "sparas krypterad, visas aldrig igen",
                                        "được lưu mã hóa, không bao giờ hiển thị lại"),
"API endpoint (webhook URL)": ("API-osoite (webhook-osoite)", "API-adress (webhook-URL)",
                               "Điểm cuối API (URL webhook)"),
"Paste this into the Webhook URL field of your TopCV employer account, so TopCV sends approvals and applicants to Haku.": (
    "Liitä tämä TopCV-työnantajatilisi Webhook URL -kenttään, jotta TopCV lähettää hyväksynnät ja hakijat Hakuun.",
    "Klistra in den här i fältet Webhook URL i ert TopCV-arbetsgivarkonto, så att TopCV skickar godkännanden och "
    "sökande till Haku.",
    "Dán URL này vào trường Webhook URL trong tài khoản nhà tuyển dụng TopCV để TopCV gửi kết quả duyệt và ứng "
    "viên về Haku."),
"Webhook URL copied.": ("Webhook-osoite kopioitu.", "Webhook-URL:en har kopierats.", "Đã sao chép URL webhook."),
"Replace the keys": ("Vaihda avaimet", "Byt nycklarna", "Thay khóa"),
"In TopCV: Employer account → Integrations → API. TopCV calls the Employer API key “Access Token”. Haku checks the keys with TopCV before saving them.": (
    "TopCV:ssä: Employer account → Integrations → API. TopCV kutsuu työnantajan API-avainta nimellä ”Access "
    "Token”. Haku tarkistaa avaimet TopCV:ltä ennen tallentamista.",
    "I TopCV: Employer account → Integrations → API. TopCV kallar arbetsgivarens API-nyckel ”Access Token”. "
    "Haku kontrollerar nycklarna mot TopCV innan de sparas.",
    "Trong TopCV: Tài khoản nhà tuyển dụng → Tích hợp → API. TopCV gọi khóa API nhà tuyển dụng là “Access Token”. "
    "Haku kiểm tra khóa với TopCV trước khi lưu."),
"TopCV: Access Token": ("TopCV: Access Token", "TopCV: Access Token", "TopCV: Access Token"),
"TopCV: Secret Key": ("TopCV: Secret Key", "TopCV: Secret Key", "TopCV: Secret Key"),
"TopCV signs the events it sends with this key; Haku verifies every one.": (
    "TopCV allekirjoittaa lähettämänsä tapahtumat tällä avaimella; Haku tarkistaa jokaisen.",
    "TopCV signerar händelserna den skickar med den här nyckeln; Haku verifierar varje händelse.",
    "TopCV ký các sự kiện gửi đi bằng khóa này; Haku xác minh từng sự kiện."),
"Save and check": ("Tallenna ja tarkista", "Spara och kontrollera", "Lưu và kiểm tra"),
"Disconnect": ("Katkaise yhteys", "Koppla från", "Ngắt kết nối"),
"Deletes the keys from Haku. Postings and applicants already received stay.": (
    "Poistaa avaimet Hakusta. Ilmoitukset ja jo vastaanotetut hakijat säilyvät.",
    "Raderar nycklarna från Haku. Annonser och sökande som redan tagits emot finns kvar.",
    "Xóa khóa khỏi Haku. Các tin đăng và ứng viên đã nhận vẫn được giữ."),
"Disconnect TopCV": ("Katkaise TopCV-yhteys", "Koppla från TopCV", "Ngắt kết nối TopCV"),
# ---------------------------------------------------------------- dashboard.html, emrex/*
"Dashboard": ("Etusivu", "Översikt", "Tổng quan"),
"New job": ("Uusi tehtävä", "Ny tjänst", "Vị trí mới"),
"open applications": ("avoimet hakemukset", "öppna ansökningar", "hồ sơ đang mở"),
"published jobs": ("julkaistut tehtävät", "publicerade tjänster", "vị trí đã đăng"),
"in the Pending pool": ("odottavat hakijat", "väntande sökande", "ứng viên chờ xử lý"),
"Jobs": ("Tehtävät", "Tjänster", "Vị trí"),
"No jobs yet.": ("Ei vielä tehtäviä.", "Inga tjänster än.", "Chưa có vị trí nào."),
"Latest applications": ("Uusimmat hakemukset", "Senaste ansökningarna", "Hồ sơ mới nhất"),
"No applications yet.": ("Ei vielä hakemuksia.", "Inga ansökningar än.", "Chưa có hồ sơ nào."),
"EMREX funnel for %(job)s": ("EMREX-suppilo: %(job)s", "EMREX-tratt för %(job)s", "Phễu EMREX của %(job)s"),
"Candidates get an email with a personal link. They pick their country and university, log in there and send their signed study records into the application.": (
    "Hakijat saavat sähköpostin, jossa on henkilökohtainen linkki. He valitsevat maan ja korkeakoulun, kirjautuvat "
    "sen palveluun ja lähettävät allekirjoitetut opintotietonsa hakemukseen.",
    "Kandidaterna får ett mejl med en personlig länk. De väljer land och lärosäte, loggar in där och skickar sina "
    "signerade studieresultat till ansökan.",
    "Ứng viên nhận email có liên kết riêng. Họ chọn quốc gia và trường, đăng nhập tại đó và gửi kết quả học tập "
    "đã ký vào hồ sơ ứng tuyển."),
"Standard EMREX invitation": ("Tavallinen EMREX-kutsu", "Standardinbjudan för EMREX", "Lời mời EMREX tiêu chuẩn"),
"Platform staff manage the EMREX templates. The candidate's language is used when the template has it.": (
    "Palvelun ylläpito hallinnoi EMREX-pohjia. Hakijan kieltä käytetään, jos pohjasta on se kieliversio.",
    "Plattformsteamet hanterar EMREX-mallarna. Kandidatens språk används när mallen finns på det språket.",
    "Nhân viên vận hành nền tảng quản lý các mẫu EMREX. Ngôn ngữ của ứng viên được dùng nếu mẫu có ngôn ngữ đó."),
"Send the request when an application enters": ("Lähetä pyyntö, kun hakemus siirtyy vaiheeseen",
                                                "Skicka förfrågan när en ansökan når steget",
                                                "Gửi yêu cầu khi hồ sơ vào giai đoạn"),
"Send reminders after 3, 7 and 14 days until the candidate answers": (
    "Lähetä muistutukset 3, 7 ja 14 päivän kuluttua, kunnes hakija vastaa",
    "Skicka påminnelser efter 3, 7 och 14 dagar tills kandidaten svarar",
    "Gửi nhắc nhở sau 3, 7 và 14 ngày cho đến khi ứng viên phản hồi"),
"Save EMREX settings": ("Tallenna EMREX-asetukset", "Spara EMREX-inställningarna", "Lưu cài đặt EMREX"),
# ---------------------------------------------------------------- jobs/*
"Move %(name)s to stage": ("Siirrä %(name)s vaiheeseen", "Flytta %(name)s till steg",
                           "Chuyển %(name)s sang giai đoạn"),
"Nobody here": ("Ei ketään", "Ingen här", "Chưa có ai"),
"All %(num)d in %(stage)s →": ("Kaikki %(num)d vaiheessa %(stage)s →", "Alla %(num)d i %(stage)s →",
                               "Tất cả %(num)d trong %(stage)s →"),
"Open applications": ("Avoimet hakemukset", "Öppna ansökningar", "Hồ sơ đang mở"),
"Edit": ("Muokkaa", "Redigera", "Sửa"),
"Pipeline": ("Rekrytointiprosessi", "Rekryteringsflöde", "Quy trình tuyển dụng"),
"No jobs here yet.": ("Täällä ei ole vielä tehtäviä.", "Inga tjänster här än.", "Chưa có vị trí nào ở đây."),
"Create one": ("Luo uusi", "Skapa en", "Tạo mới"),
"Pipeline & automations": ("Rekrytointiprosessi ja automaatiot", "Rekryteringsflöde och automatiseringar",
                           "Quy trình và quy tắc tự động"),
"Edit job": ("Muokkaa tehtävää", "Redigera tjänsten", "Sửa vị trí"),
"Save as template": ("Tallenna pohjaksi", "Spara som mall", "Lưu làm mẫu"),
"View on careers page": ("Näytä urasivulla", "Visa på karriärsidan", "Xem trên trang tuyển dụng"),
"Copies the template's texts, stages, automations and integration settings.": (
    "Kopioi pohjan tekstit, vaiheet, automaatiot ja integraatioasetukset.",
    "Kopierar mallens texter, steg, automatiseringar och integrationsinställningar.",
    "Sao chép nội dung, giai đoạn, quy tắc tự động và cài đặt tích hợp của mẫu."),
"The owner and the team get this job's notifications.": (
    "Omistaja ja tiimi saavat tämän tehtävän ilmoitukset.",
    "Ägaren och teamet får aviseringarna för den här tjänsten.",
    "Chủ sở hữu và nhóm nhận thông báo của vị trí này."),
"Save job": ("Tallenna tehtävä", "Spara tjänsten", "Lưu vị trí"),
"Delete": ("Poista", "Radera", "Xóa"),
"Only a job without applications can be deleted. Close it instead to stop applications.": (
    "Vain tehtävän, jolla ei ole hakemuksia, voi poistaa. Sulje se sen sijaan, niin hakemuksia ei enää tule.",
    "Bara en tjänst utan ansökningar kan raderas. Stäng den i stället för att stoppa ansökningar.",
    "Chỉ xóa được vị trí chưa có hồ sơ. Hãy đóng vị trí để ngừng nhận hồ sơ."),
"Delete job": ("Poista tehtävä", "Radera tjänsten", "Xóa vị trí"),
"Filter jobs": ("Suodata tehtäviä", "Filtrera tjänster", "Lọc vị trí"),
# ---------------------------------------------------------------- layout.html, notifications/*
"Main": ("Päävalikko", "Huvudmeny", "Menu chính"),
"Job templates": ("Tehtäväpohjat", "Tjänstemallar", "Mẫu vị trí"),
"Notifications": ("Ilmoitukset", "Aviseringar", "Thông báo"),
"unread": ("lukematonta", "olästa", "chưa đọc"),
"Mark all as read": ("Merkitse kaikki luetuiksi", "Markera alla som lästa", "Đánh dấu tất cả là đã đọc"),
"No notifications.": ("Ei ilmoituksia.", "Inga aviseringar.", "Không có thông báo."),
"Unread notifications": ("Lukemattomat ilmoitukset", "Olästa aviseringar", "Thông báo chưa đọc"),
# ---------------------------------------------------------------- partners/log.html
"Every event received and every call made, newest first. A failed one can be replayed.": (
    "Jokainen vastaanotettu tapahtuma ja tehty kutsu, uusin ensin. Epäonnistuneen voi ajaa uudelleen.",
    "Varje mottagen händelse och varje gjort anrop, nyaste först. Ett misslyckat kan köras igen.",
    "Mọi sự kiện đã nhận và mọi lệnh gọi đã thực hiện, mới nhất trước. Có thể chạy lại mục bị lỗi."),
"Time": ("Aika", "Tid", "Thời gian"),
"Direction": ("Suunta", "Riktning", "Hướng"),
"Type": ("Tyyppi", "Typ", "Loại"),
"HTTP": ("HTTP", "HTTP", "HTTP"),
"Latency": ("Viive", "Svarstid", "Độ trễ"),
"Attempts": ("Yritykset", "Försök", "Số lần thử"),
"in": ("saapuva", "in", "đến"),
"out": ("lähtevä", "ut", "đi"),
"next try": ("seuraava yritys", "nästa försök", "lần thử tiếp"),
"Replay": ("Aja uudelleen", "Kör igen", "Chạy lại"),
"Nothing has happened yet.": ("Mitään ei ole vielä tapahtunut.", "Ingenting har hänt än.",
                              "Chưa có hoạt động nào."),
# ---------------------------------------------------------------- pending/index.html
"Applicants who arrived without a job we could match (for example from a job board). Assign each to a job, or reject them.": (
    "Hakijat, joita ei voitu liittää mihinkään tehtävään (esimerkiksi työpaikkapalvelusta tulleet). Liitä kukin "
    "tehtävään tai hylkää.",
    "Sökande som kom in utan en tjänst vi kunde matcha (till exempel från en jobbsajt). Koppla var och en till en "
    "tjänst eller avvisa dem.",
    "Ứng viên đến mà không khớp được với vị trí nào (ví dụ từ trang việc làm). Hãy gán từng người vào một vị trí "
    "hoặc loại họ."),
"why here": ("miksi täällä", "varför här", "lý do ở đây"),
"Applied for": ("Haki tehtävään", "Sökte", "Đã ứng tuyển vào"),
"Likely jobs": ("Todennäköiset tehtävät", "Troliga tjänster", "Vị trí có thể phù hợp"),
"Assign to %(job)s": ("Liitä tehtävään %(job)s", "Koppla till %(job)s", "Gán vào %(job)s"),
"Assign": ("Liitä", "Koppla", "Gán"),
"Reject": ("Hylkää", "Avvisa", "Loại"),
"The Pending pool is empty.": ("Odottavia hakijoita ei ole.", "Det finns inga väntande sökande.",
                               "Danh sách ứng viên chờ xử lý đang trống."),
# ---------------------------------------------------------------- pipeline/_pipeline.html
"Stages": ("Vaiheet", "Steg", "Giai đoạn"),
"Applications enter the first stage when they arrive. Entering Hired or Rejected closes an application.": (
    "Hakemukset tulevat saapuessaan ensimmäiseen vaiheeseen. Siirto vaiheeseen Palkattu tai Hylätty sulkee "
    "hakemuksen.",
    "Ansökningar hamnar i det första steget när de kommer in. Att nå Anställd eller Avvisad stänger en ansökan.",
    "Hồ sơ vào giai đoạn đầu tiên khi được nộp. Chuyển sang Đã tuyển hoặc Bị từ chối sẽ đóng hồ sơ."),
"Rename": ("Nimeä uudelleen", "Byt namn", "Đổi tên"),
"closes": ("sulkee", "stänger", "đóng hồ sơ"),
"hired": ("palkattu", "anställd", "đã tuyển"),
"rejected": ("hylätty", "avvisad", "bị từ chối"),
"Move %(name)s up": ("Siirrä vaihetta %(name)s ylöspäin", "Flytta %(name)s uppåt", "Chuyển %(name)s lên trên"),
"Move %(name)s down": ("Siirrä vaihetta %(name)s alaspäin", "Flytta %(name)s nedåt", "Chuyển %(name)s xuống dưới"),
"Delete this stage?": ("Poistetaanko tämä vaihe?", "Radera det här steget?", "Xóa giai đoạn này?"),
"Delete %(name)s": ("Poista %(name)s", "Radera %(name)s", "Xóa %(name)s"),
"New stage": ("Uusi vaihe", "Nytt steg", "Giai đoạn mới"),
"e.g. Phone screen": ("esim. Puhelinhaastattelu", "t.ex. Telefonintervju", "ví dụ: Phỏng vấn qua điện thoại"),
"Add stage": ("Lisää vaihe", "Lägg till steg", "Thêm giai đoạn"),
"Automations": ("Automaatiot", "Automatiseringar", "Quy tắc tự động"),
"When an application enters a stage — by a person, by applying or by another automation — send an email and/or move it on, at once or after some days.": (
    "Kun hakemus siirtyy vaiheeseen — henkilön siirtämänä, hakemuksen saapuessa tai toisen automaation kautta — "
    "lähetä sähköposti ja/tai siirrä se eteenpäin heti tai muutaman päivän kuluttua.",
    "När en ansökan når ett steg — flyttad av en person, vid ansökan eller av en annan automatisering — skicka ett "
    "mejl och/eller flytta den vidare, direkt eller efter några dagar.",
    "Khi hồ sơ vào một giai đoạn — do người dùng chuyển, khi ứng tuyển hoặc do quy tắc tự động khác — gửi email "
    "và/hoặc chuyển tiếp, ngay lập tức hoặc sau vài ngày."),
"When entering": ("Kun siirrytään vaiheeseen", "När ansökan når", "Khi vào"),
"send": ("lähetä", "skicka", "gửi"),
"and": ("ja", "och", "và"),
"move to": ("siirrä vaiheeseen", "flytta till", "chuyển sang"),
"at once": ("heti", "direkt", "ngay lập tức"),
"Remove": ("Poista", "Ta bort", "Xóa"),
"No automations yet.": ("Ei vielä automaatioita.", "Inga automatiseringar än.", "Chưa có quy tắc tự động nào."),
"Add automation": ("Lisää automaatio", "Lägg till automatisering", "Thêm quy tắc tự động"),
# ---------------------------------------------------------------- privacy/*
"Erase candidate": ("Poista hakija", "Radera kandidat", "Xóa ứng viên"),
"Erase %(name)s?": ("Poistetaanko %(name)s?", "Radera %(name)s?", "Xóa %(name)s?"),
"What goes": ("Mitä poistetaan", "Vad som försvinner", "Những gì sẽ bị xóa"),
"Everything your company holds about this person, for good:": (
    "Kaikki yrityksesi tiedot tästä henkilöstä, pysyvästi:",
    "Allt ert företag har om den här personen, för gott:",
    "Toàn bộ dữ liệu công ty bạn lưu về người này, vĩnh viễn:"),
"The audit log keeps one line: candidate #%(id)d erased, by you, with no personal data.": (
    "Tapahtumalokiin jää yksi rivi: hakija #%(id)d poistettu, poistajana sinä, ilman henkilötietoja.",
    "Granskningsloggen behåller en rad: kandidat #%(id)d raderad, av dig, utan personuppgifter.",
    "Nhật ký hoạt động giữ lại một dòng: ứng viên #%(id)d đã bị xóa, bởi bạn, không kèm dữ liệu cá nhân."),
"Confirm": ("Vahvista", "Bekräfta", "Xác nhận"),
"This candidate was hired: Haku anonymises instead of erasing, so the hire and its stage history stay for statistics as “Erased candidate”. Files, transcripts, results and emails are deleted.": (
    "Tämä hakija palkattiin: Haku anonymisoi tiedot poistamisen sijaan, joten palkkaus ja sen vaihehistoria "
    "säilyvät tilastoja varten nimellä ”Poistettu hakija”. Tiedostot, opintosuoritusotteet, tulokset ja "
    "sähköpostit poistetaan.",
    "Den här kandidaten anställdes: Haku anonymiserar i stället för att radera, så anställningen och dess "
    "steghistorik finns kvar för statistik som ”Raderad kandidat”. Filer, resultatintyg, resultat och mejl raderas.",
    "Ứng viên này đã được tuyển: Haku ẩn danh hóa thay vì xóa, nên việc tuyển dụng và lịch sử giai đoạn được giữ "
    "cho thống kê dưới tên “Ứng viên đã xóa”. Tệp, bảng điểm, kết quả và email sẽ bị xóa."),
"This cannot be undone.": ("Tätä ei voi perua.", "Det går inte att ångra.", "Không thể hoàn tác."),
"Anonymise candidate": ("Anonymisoi hakija", "Anonymisera kandidat", "Ẩn danh hóa ứng viên"),
"Retention": ("Säilytysaika", "Lagringstid", "Thời hạn lưu trữ"),
"Between 1 and 120 months. The default is 24.": (
    "1–120 kuukautta. Oletus on 24.", "Mellan 1 och 120 månader. Standard är 24.",
    "Từ 1 đến 120 tháng. Mặc định là 24."),
"How it works": ("Miten se toimii", "Så fungerar det", "Cách hoạt động"),
"Every few minutes Haku deletes the candidates of %(company)s whose last activity is older than the retention period. Hired candidates are anonymised instead, so hires and their stage history stay for statistics.": (
    "Muutaman minuutin välein Haku poistaa yrityksen %(company)s hakijat, joiden viimeisin toiminta on "
    "säilytysaikaa vanhempi. Palkatut hakijat anonymisoidaan sen sijaan, joten palkkaukset ja niiden vaihehistoria "
    "säilyvät tilastoja varten.",
    "Med några minuters mellanrum raderar Haku de kandidater hos %(company)s vars senaste aktivitet är äldre än "
    "lagringstiden. Anställda kandidater anonymiseras i stället, så anställningar och deras steghistorik finns kvar "
    "för statistik.",
    "Cứ vài phút, Haku xóa các ứng viên của %(company)s có hoạt động cuối cùng cũ hơn thời hạn lưu trữ. Ứng viên "
    "đã được tuyển sẽ được ẩn danh hóa thay vì xóa, để việc tuyển dụng và lịch sử giai đoạn vẫn được giữ cho "
    "thống kê."),
"Last activity is the newest of: the application was made or changed (stage moves included), a stage entry, a timeline event (notes, emails, study records, results) and an email to the candidate.": (
    "Viimeisin toiminta on uusin seuraavista: hakemus tehtiin tai sitä muutettiin (myös vaiheen vaihdot), "
    "siirtyminen vaiheeseen, aikajanan tapahtuma (muistiinpanot, sähköpostit, opintotiedot, tulokset) ja "
    "sähköposti hakijalle.",
    "Senaste aktivitet är den nyaste av: ansökan gjordes eller ändrades (stegflyttar inräknade), ett steg nåddes, "
    "en händelse i tidslinjen (anteckningar, mejl, studieresultat, resultat) och ett mejl till kandidaten.",
    "Hoạt động cuối cùng là mốc mới nhất trong số: hồ sơ được tạo hoặc thay đổi (kể cả chuyển giai đoạn), vào một "
    "giai đoạn, một sự kiện trên dòng thời gian (ghi chú, email, kết quả học tập, kết quả đánh giá) và một email "
    "gửi ứng viên."),
"Candidates can download their data themselves from the “Your data” link on your careers pages. To erase one candidate now, open their application and choose “Erase candidate…” in the ⋯ menu.": (
    "Hakijat voivat ladata tietonsa itse urasivujesi ”Tietosi”-linkistä. Jos haluat poistaa hakijan heti, avaa "
    "hänen hakemuksensa ja valitse ⋯-valikosta ”Poista hakija…”.",
    "Kandidater kan själva ladda ned sina uppgifter via länken ”Dina uppgifter” på era karriärsidor. Om du vill "
    "radera en kandidat nu, öppna ansökan och välj ”Radera kandidat…” i ⋯-menyn.",
    "Ứng viên có thể tự tải dữ liệu của mình qua liên kết “Dữ liệu của bạn” trên trang tuyển dụng của bạn. Để xóa "
    "một ứng viên ngay, hãy mở hồ sơ của họ và chọn “Xóa ứng viên…” trong menu ⋯."),
# ---------------------------------------------------------------- portal/emrex/picker.html (placeholder)
"YYYY-MM-DD": ("VVVV-KK-PP", "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
# ---------------------------------------------------------------- settings/*, templates/*
"Who changed what and when: logins, stage moves, integration settings, partner calls replayed.": (
    "Kuka muutti mitä ja milloin: kirjautumiset, vaiheiden vaihdot, integraatioasetukset ja uudelleen ajetut "
    "kumppanikutsut.",
    "Vem ändrade vad och när: inloggningar, stegflyttar, integrationsinställningar, partneranrop som körts igen.",
    "Ai đã thay đổi gì và khi nào: đăng nhập, chuyển giai đoạn, cài đặt tích hợp, lệnh gọi đối tác được chạy lại."),
"Action": ("Toiminto", "Åtgärd", "Thao tác"),
"All actions": ("Kaikki toiminnot", "Alla åtgärder", "Tất cả thao tác"),
"Who": ("Kuka", "Vem", "Ai"),
"Object": ("Kohde", "Objekt", "Đối tượng"),
"Change": ("Muutos", "Ändring", "Thay đổi"),
"Older entries": ("Vanhemmat merkinnät", "Äldre poster", "Mục cũ hơn"),
"Nothing recorded yet.": ("Mitään ei ole vielä kirjattu.", "Ingenting har registrerats än.",
                          "Chưa ghi nhận gì."),
"The emails automations send, with merge fields.": (
    "Automaatioiden lähettämät sähköpostit yhdistämiskenttineen.",
    "Mejlen som automatiseringar skickar, med kopplingsfält.",
    "Các email do quy tắc tự động gửi, kèm trường trộn."),
"Logins, stage moves and configuration changes.": (
    "Kirjautumiset, vaiheiden vaihdot ja asetusmuutokset.", "Inloggningar, stegflyttar och konfigurationsändringar.",
    "Đăng nhập, chuyển giai đoạn và thay đổi cấu hình."),
"Recruiters and company admins.": ("Rekrytoijat ja pääkäyttäjät.", "Rekryterare och administratörer.",
                                   "Chuyên viên tuyển dụng và quản trị viên công ty."),
"Your account": ("Oma tili", "Ditt konto", "Tài khoản của bạn"),
"Password and notification emails.": ("Salasana ja ilmoitussähköpostit.", "Lösenord och aviseringsmejl.",
                                      "Mật khẩu và email thông báo."),
"Edit template": ("Muokkaa pohjaa", "Redigera mallen", "Sửa mẫu"),
"Copies the stages, automations and integration settings of %(job)s.": (
    "Kopioi tehtävän %(job)s vaiheet, automaatiot ja integraatioasetukset.",
    "Kopierar steg, automatiseringar och integrationsinställningar från %(job)s.",
    "Sao chép giai đoạn, quy tắc tự động và cài đặt tích hợp của %(job)s."),
"No templates yet. Save a job as a template from its page, or create one.": (
    "Ei vielä pohjia. Tallenna tehtävä pohjaksi sen sivulta tai luo uusi.",
    "Inga mallar än. Spara en tjänst som mall från dess sida, eller skapa en.",
    "Chưa có mẫu nào. Hãy lưu một vị trí làm mẫu từ trang của nó, hoặc tạo mới."),
# ---------------------------------------------------------------- _macros/status.html (state codes, with a msgctxt)
("partner call", "received"): ("vastaanotettu", "mottagen", "đã nhận"),
("partner call", "processing"): ("käsitellään", "bearbetas", "đang xử lý"),
("partner call", "processed"): ("käsitelty", "bearbetad", "đã xử lý"),
("partner call", "ignored"): ("ohitettu", "ignorerad", "bỏ qua"),
("partner call", "pending"): ("odottaa", "väntar", "đang chờ"),
("partner call", "running"): ("käynnissä", "pågår", "đang chạy"),
("partner call", "ok"): ("ok", "ok", "thành công"),
("partner call", "retrying"): ("yritetään uudelleen", "försöker igen", "đang thử lại"),
("partner call", "failed"): ("epäonnistui", "misslyckades", "thất bại"),
("partner call", "dead"): ("luovuttu", "gav upp", "đã dừng thử lại"),
("email", "pending"): ("jonossa", "i kö", "đang chờ gửi"),
("email", "sending"): ("lähetetään", "skickas", "đang gửi"),
("email", "sent"): ("lähetetty", "skickat", "đã gửi"),
("email", "failed"): ("ei toimitettu", "inte levererat", "gửi thất bại"),
("worker", "started"): ("käynnistyy", "startar", "đang khởi động"),
("worker", "suspended"): ("keskeytetty", "pausad", "tạm ngừng"),
("worker", "busy"): ("työssä", "upptagen", "đang bận"),
("worker", "idle"): ("vapaa", "ledig", "rảnh"),
}

PLURALS = {
    ("%(num)d application", "%(num)d applications"): (
        ("%(num)d hakemus", "%(num)d hakemusta"),
        ("%(num)d ansökan", "%(num)d ansökningar"),
        ("%(num)d hồ sơ",)),
    ("after %(num)d day", "after %(num)d days"): (
        ("%(num)d päivän kuluttua", "%(num)d päivän kuluttua"),
        ("efter %(num)d dag", "efter %(num)d dagar"),
        ("sau %(num)d ngày",)),
    ("%(num)d application, with its timeline, notes and stage history",
     "%(num)d applications, with their timelines, notes and stage history"): (
        ("%(num)d hakemus aikajanoineen, muistiinpanoineen ja vaihehistorioineen",
         "%(num)d hakemusta aikajanoineen, muistiinpanoineen ja vaihehistorioineen"),
        ("%(num)d ansökan, med dess tidslinje, anteckningar och steghistorik",
         "%(num)d ansökningar, med deras tidslinjer, anteckningar och steghistorik"),
        ("%(num)d hồ sơ ứng tuyển, cùng dòng thời gian, ghi chú và lịch sử giai đoạn",)),
    ("%(num)d file (CV, transcripts)", "%(num)d files (CVs, transcripts)"): (
        ("%(num)d tiedosto (CV, opintosuoritusotteet)", "%(num)d tiedostoa (CV:t, opintosuoritusotteet)"),
        ("%(num)d fil (CV, resultatintyg)", "%(num)d filer (CV:n, resultatintyg)"),
        ("%(num)d tệp (CV, bảng điểm)",)),
    ("%(num)d EMREX request with its transcripts", "%(num)d EMREX requests with their transcripts"): (
        ("%(num)d EMREX-pyyntö opintosuoritusotteineen", "%(num)d EMREX-pyyntöä opintosuoritusotteineen"),
        ("%(num)d EMREX-förfrågan med resultatintyg", "%(num)d EMREX-förfrågningar med resultatintyg"),
        ("%(num)d yêu cầu EMREX cùng bảng điểm",)),
    ("%(num)d assessment order with its results", "%(num)d assessment orders with their results"): (
        ("%(num)d arviointitilaus tuloksineen", "%(num)d arviointitilausta tuloksineen"),
        ("%(num)d testbeställning med resultat", "%(num)d testbeställningar med resultat"),
        ("%(num)d lượt đặt bài đánh giá cùng kết quả",)),
    ("%(num)d email, sent or waiting", "%(num)d emails, sent or waiting"): (
        ("%(num)d sähköposti, lähetetty tai odottava", "%(num)d sähköpostia, lähetettyjä tai odottavia"),
        ("%(num)d mejl, skickat eller väntande", "%(num)d mejl, skickade eller väntande"),
        ("%(num)d email, đã gửi hoặc đang chờ",)),
    ("%(num)d partner call that carries their data", "%(num)d partner calls that carry their data"): (
        ("%(num)d kumppanikutsu, jossa on hänen tietojaan", "%(num)d kumppanikutsua, joissa on hänen tietojaan"),
        ("%(num)d partneranrop som innehåller personens uppgifter",
         "%(num)d partneranrop som innehåller personens uppgifter"),
        ("%(num)d lệnh gọi đối tác có chứa dữ liệu của người này",)),
}
