"""Finnish, Swedish and Vietnamese for the platform staff screens (app/staff, templates/staff,
issue 14 §4): companies, job boards, EMREX registry, assessment integrations, background tasks.
Terms follow translations/GLOSSARY.md. Applied to the catalogues by
``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- app/staff/*.py
"Integrations": ("Integraatiot", "Integrationer", "Tích hợp"),
"Pick a company.": ("Valitse yritys.", "Välj ett företag.", "Hãy chọn một công ty."),
"%(name)s already has all three products; they are switched on.": (
    "Yrityksellä %(name)s on jo kaikki kolme tuotetta; ne on otettu käyttöön.",
    "%(name)s har redan alla tre produkterna; de är aktiverade.",
    "%(name)s đã có đủ ba sản phẩm; tất cả đã được bật."),
"All three assessment products are switched on for %(name)s.": (
    "Kaikki kolme arviointituotetta on otettu käyttöön yritykselle %(name)s.",
    "Alla tre testprodukterna är aktiverade för %(name)s.",
    "Đã bật cả ba sản phẩm đánh giá cho %(name)s."),
"Assessment self-service for %(name)s: %(state)s.": (
    "Arviointien itsepalvelu yritykselle %(name)s: %(state)s.",
    "Självbetjäning för tester för %(name)s: %(state)s.",
    "Tự phục vụ bài đánh giá cho %(name)s: %(state)s."),
"on": ("käytössä", "på", "bật"),
"off": ("pois käytöstä", "av", "tắt"),
"Integration saved.": ("Integraatio tallennettu.", "Integrationen har sparats.", "Đã lưu tích hợp."),
"Job boards switched on.": ("Työpaikkapalvelut otettu käyttöön.", "Jobbsajterna är aktiverade.",
                            "Đã bật trang việc làm."),
"Job boards switched off.": ("Työpaikkapalvelut poistettu käytöstä.", "Jobbsajterna är avstängda.",
                             "Đã tắt trang việc làm."),
"Slug (careers page address)": ("Lyhytnimi (urasivun osoite)", "Slug (karriärsidans adress)",
                                "Slug (địa chỉ trang tuyển dụng)"),
"Tasks": ("Taustatyöt", "Bakgrundsjobb", "Tác vụ nền"),
"Failed tasks": ("Epäonnistuneet taustatyöt", "Misslyckade bakgrundsjobb", "Tác vụ bị lỗi"),
"The task queue (Redis) is not reachable: %(error)s": (
    "Työjonoon (Redis) ei saada yhteyttä: %(error)s", "Jobbkön (Redis) går inte att nå: %(error)s",
    "Không kết nối được hàng đợi tác vụ (Redis): %(error)s"),
"Task put back on the %(queue)s queue.": ("Työ palautettu jonoon %(queue)s.",
                                          "Jobbet har lagts tillbaka i kön %(queue)s.",
                                          "Đã đưa tác vụ trở lại hàng đợi %(queue)s."),
"EMREX for %(name)s: %(state)s, GPA scale %(scale)s.": (
    "EMREX yritykselle %(name)s: %(state)s, keskiarvoasteikko %(scale)s.",
    "EMREX för %(name)s: %(state)s, betygsskala för medelbetyg %(scale)s.",
    "EMREX cho %(name)s: %(state)s, thang điểm trung bình %(scale)s."),
"Registry refresh queued; reload in a moment.": (
    "Rekisterin päivitys jonossa; lataa sivu hetken kuluttua uudelleen.",
    "Uppdateringen av registret är köad; ladda om sidan om en stund.",
    "Đã xếp hàng làm mới danh bạ; hãy tải lại trang sau giây lát."),
"The task queue is not reachable; the sweeper will refresh the registry later.": (
    "Työjonoon ei saada yhteyttä; ajastettu huolto päivittää rekisterin myöhemmin.",
    "Jobbkön går inte att nå; det schemalagda underhållet uppdaterar registret senare.",
    "Không kết nối được hàng đợi tác vụ; tiến trình định kỳ sẽ làm mới danh bạ sau."),
# ---------------------------------------------------------------- templates/staff/_boards_company.html, _emrex_company.html
"Job boards": ("Työpaikkapalvelut", "Jobbsajter", "Trang việc làm"),
"Job boards enabled (TopCV): company admins can connect their employer account": (
    "Työpaikkapalvelut käytössä (TopCV): pääkäyttäjät voivat yhdistää työnantajatilinsä",
    "Jobbsajter aktiverade (TopCV): administratörerna kan ansluta sitt arbetsgivarkonto",
    "Bật trang việc làm (TopCV): quản trị viên công ty có thể kết nối tài khoản nhà tuyển dụng"),
"Save job board settings": ("Tallenna työpaikkapalvelujen asetukset", "Spara inställningarna för jobbsajter",
                            "Lưu cài đặt trang việc làm"),
"EMREX enabled (only after the agreement is signed)": (
    "EMREX käytössä (vasta kun sopimus on allekirjoitettu)",
    "EMREX aktiverat (först när avtalet är undertecknat)",
    "Bật EMREX (chỉ sau khi đã ký thỏa thuận)"),
"GPA calculation scale": ("Keskiarvon laskenta-asteikko", "Skala för beräkning av medelbetyg",
                          "Thang tính điểm trung bình"),
# ---------------------------------------------------------------- templates/staff/assessments/*
"Assessments (Alva Labs)": ("Arvioinnit (Alva Labs)", "Tester (Alva Labs)", "Bài đánh giá (Alva Labs)"),
"No assessment products yet.": ("Ei vielä arviointituotteita.", "Inga testprodukter än.",
                                "Chưa có sản phẩm đánh giá nào."),
"Enable all three": ("Ota kaikki kolme käyttöön", "Aktivera alla tre", "Bật cả ba"),
"Add or edit integrations": ("Lisää tai muokkaa integraatioita", "Lägg till eller redigera integrationer",
                             "Thêm hoặc sửa tích hợp"),
"Company admins may enable assessment products themselves (self-service)": (
    "Pääkäyttäjät voivat ottaa arviointituotteita käyttöön itse (itsepalvelu)",
    "Administratörerna får aktivera testprodukter själva (självbetjäning)",
    "Quản trị viên công ty được tự bật sản phẩm đánh giá (tự phục vụ)"),
"Save self-service": ("Tallenna itsepalvelu", "Spara självbetjäning", "Lưu cài đặt tự phục vụ"),
"Copy %(what)s": ("Kopioi %(what)s", "Kopiera %(what)s", "Sao chép %(what)s"),
"Send these to Alva Labs now": ("Lähetä nämä nyt Alva Labsille", "Skicka dessa till Alva Labs nu",
                                "Hãy gửi các thông tin này cho Alva Labs ngay"),
"Each signing secret is shown only this once: Haku keeps it encrypted and cannot show it again (it can be rotated later). Alva Labs finishes each connection by calling Haku's connect endpoint with its organisation reference.": (
    "Jokainen allekirjoitusavain näytetään vain tämän kerran: Haku säilyttää sen salattuna eikä voi näyttää sitä "
    "uudelleen (sen voi vaihtaa myöhemmin). Alva Labs viimeistelee kunkin yhteyden kutsumalla Hakun "
    "yhdistämisosoitetta organisaatiotunnuksellaan.",
    "Varje signeringshemlighet visas bara den här gången: Haku sparar den krypterad och kan inte visa den igen "
    "(den kan bytas senare). Alva Labs slutför varje anslutning genom att anropa Hakus anslutningsadress med sin "
    "organisationsreferens.",
    "Mỗi khóa ký chỉ hiển thị một lần này: Haku lưu nó dưới dạng mã hóa và không thể hiển thị lại (có thể đổi "
    "khóa sau). Alva Labs hoàn tất từng kết nối bằng cách gọi điểm kết nối của Haku kèm mã tổ chức của họ."),
"Signing secret": ("Allekirjoitusavain", "Signeringshemlighet", "Khóa ký"),
"signing secret": ("allekirjoitusavain", "signeringshemlighet", "khóa ký"),
"Haku URL": ("Hakun osoite", "Hakus URL", "URL Haku"),
"Company": ("Yritys", "Företag", "Công ty"),
"yes": ("kyllä", "ja", "có"),
"no": ("ei", "nej", "không"),
"Assessment integrations": ("Arviointi-integraatiot", "Testintegrationer", "Tích hợp bài đánh giá"),
"Alva Labs: one integration per company and product. Send the company ID, the external ID and the signing secret to Alva Labs; they finish the connection.": (
    "Alva Labs: yksi integraatio yritystä ja tuotetta kohden. Lähetä yrityksen tunnus, ulkoinen tunnus ja "
    "allekirjoitusavain Alva Labsille; he viimeistelevät yhteyden.",
    "Alva Labs: en integration per företag och produkt. Skicka företags-id, externt id och signeringshemligheten "
    "till Alva Labs; de slutför anslutningen.",
    "Alva Labs: mỗi công ty và sản phẩm có một tích hợp. Gửi mã công ty, mã bên ngoài và khóa ký cho Alva Labs; "
    "họ sẽ hoàn tất kết nối."),
"Add new integration": ("Lisää uusi integraatio", "Lägg till ny integration", "Thêm tích hợp mới"),
"— pick a company —": ("— valitse yritys —", "— välj ett företag —", "— chọn công ty —"),
"Vendor product": ("Palveluntarjoajan tuote", "Leverantörens produkt", "Sản phẩm của nhà cung cấp"),
"All three products (each without an API key yet)": (
    "Kaikki kolme tuotetta (kukin vielä ilman API-avainta)",
    "Alla tre produkterna (var och en utan API-nyckel än)",
    "Cả ba sản phẩm (mỗi sản phẩm chưa có khóa API)"),
"Vendor API key": ("Palveluntarjoajan API-avain", "Leverantörens API-nyckel", "Khóa API của nhà cung cấp"),
"Stored encrypted; can be added later.": ("Tallennetaan salattuna; voidaan lisätä myöhemmin.",
                                          "Sparas krypterad; kan läggas till senare.",
                                          "Được lưu mã hóa; có thể thêm sau."),
"Add integration": ("Lisää integraatio", "Lägg till integration", "Thêm tích hợp"),
"Alva organisation": ("Alva-organisaatio", "Alva-organisation", "Tổ chức Alva"),
"No assessment integrations yet.": ("Ei vielä arviointi-integraatioita.", "Inga testintegrationer än.",
                                    "Chưa có tích hợp bài đánh giá nào."),
"switched off": ("pois käytöstä", "avstängd", "đã tắt"),
"For Alva Labs": ("Alva Labsille", "Till Alva Labs", "Dành cho Alva Labs"),
"set (shown once when created)": ("asetettu (näytettiin kerran luotaessa)", "angiven (visades en gång när den skapades)",
                                  "đã đặt (chỉ hiển thị một lần khi tạo)"),
"none": ("ei ole", "ingen", "không có"),
"the previous one still verifies": ("edellinen kelpaa vielä tarkistukseen", "den föregående verifierar fortfarande",
                                    "khóa trước vẫn còn được dùng để xác minh"),
"API key": ("API-avain", "API-nyckel", "Khóa API"),
"not set": ("ei asetettu", "inte angiven", "chưa đặt"),
"Problem": ("Ongelma", "Problem", "Sự cố"),
"Rotate the signing secret": ("Vaihda allekirjoitusavain", "Byt signeringshemlighet", "Đổi khóa ký"),
"leave empty to keep the stored key": ("jätä tyhjäksi, jos haluat säilyttää tallennetun avaimen",
                                       "lämna tomt för att behålla den sparade nyckeln",
                                       "để trống để giữ khóa đã lưu"),
"Alva organisation reference": ("Alva-organisaation tunnus", "Alva-organisationsreferens", "Mã tổ chức Alva"),
"Alva Labs sets this when it connects; enter it by hand to finish the connection yourself. Empty it to disconnect.": (
    "Alva Labs asettaa tämän yhdistäessään; syötä se käsin, jos haluat viimeistellä yhteyden itse. Tyhjennä se "
    "katkaistaksesi yhteyden.",
    "Alva Labs anger den när de ansluter; fyll i den manuellt för att slutföra anslutningen själv. Töm fältet för "
    "att koppla från.",
    "Alva Labs đặt giá trị này khi kết nối; nhập thủ công để tự hoàn tất kết nối. Xóa trống để ngắt kết nối."),
"Latest activity": ("Viimeisin toiminta", "Senaste aktivitet", "Hoạt động gần nhất"),
"Nothing yet.": ("Ei vielä mitään.", "Inget än.", "Chưa có gì."),
# ---------------------------------------------------------------- templates/staff/company*.html, emrex.html, index.html, layout.html
"Slug": ("Lyhytnimi", "Slug", "Slug"),
"Created": ("Luotu", "Skapad", "Ngày tạo"),
"New company": ("Uusi yritys", "Nytt företag", "Công ty mới"),
"Lowercase letters, digits and dashes; the careers page is %(path)s.": (
    "Pieniä kirjaimia, numeroita ja yhdysmerkkejä; urasivu on %(path)s.",
    "Gemener, siffror och bindestreck; karriärsidan är %(path)s.",
    "Chữ thường, chữ số và dấu gạch ngang; trang tuyển dụng là %(path)s."),
"Create company": ("Luo yritys", "Skapa företag", "Tạo công ty"),
"EMREX registry": ("EMREX-rekisteri", "EMREX-registret", "Danh bạ EMREX"),
"Refresh now": ("Päivitä nyt", "Uppdatera nu", "Làm mới ngay"),
"Last refreshes": ("Viimeisimmät päivitykset", "Senaste uppdateringarna", "Các lần làm mới gần nhất"),
"ok": ("ok", "ok", "thành công"),
"contact points": ("yhteyspistettä", "kontaktpunkter", "điểm liên hệ"),
"Never refreshed. The sweeper refreshes daily; EMREX_REGISTRY_URLS sets the sources.": (
    "Ei koskaan päivitetty. Ajastettu huolto päivittää päivittäin; EMREX_REGISTRY_URLS määrittää lähteet.",
    "Aldrig uppdaterat. Det schemalagda underhållet uppdaterar dagligen; EMREX_REGISTRY_URLS anger källorna.",
    "Chưa làm mới lần nào. Tiến trình định kỳ làm mới hằng ngày; EMREX_REGISTRY_URLS đặt các nguồn."),
"Contact point": ("Yhteyspiste", "Kontaktpunkt", "Điểm liên hệ"),
"Institutions": ("Korkeakoulut", "Lärosäten", "Các trường"),
"Certificates": ("Varmenteet", "Certifikat", "Chứng chỉ"),
"No contact points cached yet.": ("Yhteyspisteitä ei ole vielä välimuistissa.",
                                  "Inga kontaktpunkter har cachats än.",
                                  "Chưa có điểm liên hệ nào trong bộ nhớ đệm."),
"Companies": ("Yritykset", "Företag", "Công ty"),
"No companies yet.": ("Ei vielä yrityksiä.", "Inga företag än.", "Chưa có công ty nào."),
"Staff": ("Ylläpito", "Plattformsteam", "Vận hành"),
# ---------------------------------------------------------------- templates/staff/tasks.html
"Background work per queue. Failed tasks can be put back on their queue; every task reloads its rows and is safe to run again.": (
    "Taustatyöt jonoittain. Epäonnistuneet työt voi palauttaa jonoonsa; jokainen työ lataa rivinsä uudelleen, "
    "joten sen voi turvallisesti ajaa uudelleen.",
    "Bakgrundsarbete per kö. Misslyckade jobb kan läggas tillbaka i sin kö; varje jobb läser in sina rader på nytt "
    "och kan köras igen utan risk.",
    "Công việc nền theo từng hàng đợi. Tác vụ lỗi có thể được đưa lại vào hàng đợi; mỗi tác vụ tải lại dữ liệu "
    "của mình nên chạy lại an toàn."),
"Queue": ("Jono", "Kö", "Hàng đợi"),
"Waiting": ("Odottavat", "Väntande", "Đang chờ"),
"Running": ("Käynnissä", "Pågående", "Đang chạy"),
"Scheduled": ("Ajastetut", "Schemalagda", "Đã lên lịch"),
"Failed": ("Epäonnistuneet", "Misslyckade", "Thất bại"),
"Workers": ("Työprosessit", "Arbetsprocesser", "Tiến trình xử lý"),
"Worker": ("Työprosessi", "Arbetsprocess", "Tiến trình xử lý"),
"State": ("Tila", "Tillstånd", "Trạng thái"),
"Queues": ("Jonot", "Köer", "Hàng đợi"),
"Current task": ("Nykyinen työ", "Aktuellt jobb", "Tác vụ hiện tại"),
"Last heartbeat (UTC)": ("Viimeisin elonmerkki (UTC)", "Senaste livstecken (UTC)", "Tín hiệu hoạt động cuối (UTC)"),
"No worker is running: queued tasks wait until one starts.": (
    "Yksikään työprosessi ei ole käynnissä: jonossa olevat työt odottavat, kunnes jokin käynnistyy.",
    "Ingen arbetsprocess körs: köade jobb väntar tills en startar.",
    "Không có tiến trình xử lý nào đang chạy: các tác vụ trong hàng đợi sẽ chờ đến khi có tiến trình khởi động."),
"Task": ("Työ", "Jobb", "Tác vụ"),
"Arguments": ("Argumentit", "Argument", "Tham số"),
"Failed at": ("Epäonnistumisaika", "Tidpunkt för fel", "Lỗi lúc"),
"Retry": ("Yritä uudelleen", "Försök igen", "Thử lại"),
"No failed tasks.": ("Ei epäonnistuneita töitä.", "Inga misslyckade jobb.", "Không có tác vụ lỗi."),
}
