"""Finnish, Swedish and Vietnamese for the messages of the services' errors (the ``messages``
tables of every ``app.problems.Problem`` subclass, issue 13 item 5). Applied to the catalogues
by ``python translations/candidate_strings.py``, like every other ``translations/*_strings.py``.

Terms as elsewhere: job = tehtävä / tjänst / vị trí; application = hakemus / ansökan / hồ sơ;
candidate = hakija / kandidat / ứng viên; stage = vaihe / steg / giai đoạn; pipeline =
hakuprosessi / rekryteringsflöde / quy trình; Pending pool = Odottavat hakijat / Väntande
sökande / Ứng viên chờ xử lý; assessment = arviointi / test / bài đánh giá; posting = ilmoitus /
annons / tin tuyển dụng; EMREX request = EMREX-pyyntö / EMREX-förfrågan / yêu cầu EMREX;
university = korkeakoulu / lärosäte / trường."""

T = {
# ---------------------------------------------------------------- jobs, stages, automations
"Unknown job template.": ("Tuntematon tehtäväpohja.", "Okänd tjänstemall.", "Mẫu vị trí không tồn tại."),
"A job needs a title.": ("Tehtävälle tarvitaan nimike.", "En tjänst behöver en titel.", "Vị trí cần có chức danh."),
"The lowest salary is above the highest.": (
    "Alin palkka on suurempi kuin ylin.", "Den lägsta lönen är högre än den högsta.",
    "Mức lương thấp nhất đang cao hơn mức lương cao nhất."),
"A job with applications cannot be deleted; close it instead.": (
    "Tehtävää, jolla on hakemuksia, ei voi poistaa; sulje se sen sijaan.",
    "En tjänst med ansökningar kan inte tas bort; stäng den i stället.",
    "Không thể xóa vị trí đã có hồ sơ ứng tuyển; hãy đóng vị trí thay vì xóa."),
"A stage needs a name.": ("Vaiheelle tarvitaan nimi.", "Ett steg behöver ett namn.", "Giai đoạn cần có tên."),
"The new order must list every stage of the pipeline once.": (
    "Uudessa järjestyksessä on oltava hakuprosessin jokainen vaihe kerran.",
    "Den nya ordningen måste innehålla varje steg i rekryteringsflödet en gång.",
    "Thứ tự mới phải liệt kê mỗi giai đoạn của quy trình đúng một lần."),
"Move the applications out of this stage before deleting it.": (
    "Siirrä hakemukset pois tästä vaiheesta ennen kuin poistat sen.",
    "Flytta ansökningarna från det här steget innan du tar bort det.",
    "Hãy chuyển các hồ sơ ra khỏi giai đoạn này trước khi xóa."),
"A pipeline needs at least one stage.": (
    "Hakuprosessissa on oltava vähintään yksi vaihe.", "Ett rekryteringsflöde behöver minst ett steg.",
    "Quy trình cần có ít nhất một giai đoạn."),
"Pick a stage of this pipeline.": (
    "Valitse tämän hakuprosessin vaihe.", "Välj ett steg i det här rekryteringsflödet.",
    "Hãy chọn một giai đoạn của quy trình này."),
"Pick a target stage of this pipeline.": (
    "Valitse kohdevaihe tästä hakuprosessista.", "Välj ett målsteg i det här rekryteringsflödet.",
    "Hãy chọn giai đoạn đích thuộc quy trình này."),
"An automation cannot move an application into the stage that triggers it.": (
    "Automaatio ei voi siirtää hakemusta vaiheeseen, joka käynnistää sen.",
    "En automatisering kan inte flytta en ansökan till steget som startar den.",
    "Tự động hóa không thể chuyển hồ sơ vào chính giai đoạn kích hoạt nó."),
"An automation sends an email, moves the application, or both.": (
    "Automaatio lähettää sähköpostin, siirtää hakemuksen tai tekee molemmat.",
    "En automatisering skickar ett e-postmeddelande, flyttar ansökan eller gör båda.",
    "Tự động hóa gửi email, chuyển hồ sơ, hoặc cả hai."),
"The delay is between 0 and 365 days.": (
    "Viiveen on oltava 0–365 päivää.", "Fördröjningen är mellan 0 och 365 dagar.",
    "Thời gian chờ phải từ 0 đến 365 ngày."),
"Unknown email template.": ("Tuntematon sähköpostipohja.", "Okänd e-postmall.", "Mẫu email không tồn tại."),

# ---------------------------------------------------------------- applications and files
"This job is not open for applications.": (
    "Tähän tehtävään ei voi tällä hetkellä hakea.", "Det går inte att söka den här tjänsten just nu.",
    "Vị trí này hiện không nhận hồ sơ ứng tuyển."),
"That stage is not in this job's pipeline.": (
    "Vaihe ei kuulu tämän tehtävän hakuprosessiin.", "Steget finns inte i tjänstens rekryteringsflöde.",
    "Giai đoạn đó không thuộc quy trình của vị trí này."),
"Assign the candidate to a job first.": (
    "Liitä hakija ensin tehtävään.", "Koppla först kandidaten till en tjänst.",
    "Hãy gán ứng viên vào một vị trí trước."),
"This candidate is no longer in the Pending pool.": (
    "Hakija ei ole enää Odottavat hakijat -listalla.", "Kandidaten finns inte längre bland Väntande sökande.",
    "Ứng viên này không còn trong danh sách Ứng viên chờ xử lý."),
"Unknown job.": ("Tuntematon tehtävä.", "Okänd tjänst.", "Vị trí không tồn tại."),
"You have already applied for this job.": (
    "Olet jo hakenut tähän tehtävään.", "Du har redan sökt den här tjänsten.", "Bạn đã ứng tuyển vị trí này rồi."),
"The note is empty.": ("Muistiinpano on tyhjä.", "Anteckningen är tom.", "Ghi chú đang trống."),
"The file is larger than %(mb)s MB.": (
    "Tiedosto on suurempi kuin %(mb)s Mt.", "Filen är större än %(mb)s MB.", "Tệp lớn hơn %(mb)s MB."),
"The file is not a PDF.": ("Tiedosto ei ole PDF.", "Filen är inte en PDF.", "Tệp không phải là PDF."),

# ---------------------------------------------------------------- accounts
"Unknown role.": ("Tuntematon rooli.", "Okänd roll.", "Vai trò không tồn tại."),
"A user with this email already exists.": (
    "Tällä sähköpostiosoitteella on jo käyttäjä.", "Det finns redan en användare med den här e-postadressen.",
    "Đã có người dùng với email này."),
"The slug may use lowercase letters, digits and dashes (not at the ends).": (
    "Tunnuksessa voi käyttää pieniä kirjaimia, numeroita ja yhdysmerkkejä (ei alussa eikä lopussa).",
    "Kortnamnet får innehålla gemener, siffror och bindestreck (inte först eller sist).",
    "Định danh chỉ gồm chữ thường, chữ số và dấu gạch ngang (không ở đầu hoặc cuối)."),
"That slug is taken.": ("Tunnus on jo käytössä.", "Kortnamnet är redan upptaget.", "Định danh này đã được dùng."),
"The company needs a name.": ("Yritykselle tarvitaan nimi.", "Företaget behöver ett namn.", "Công ty cần có tên."),
"The current password is not right.": (
    "Nykyinen salasana on väärä.", "Det nuvarande lösenordet är fel.", "Mật khẩu hiện tại không đúng."),
"Choose another password.": ("Valitse toinen salasana.", "Välj ett annat lösenord.", "Hãy chọn mật khẩu khác."),

# ---------------------------------------------------------------- duplicates, privacy, partners, tasks
"Unknown candidate.": ("Tuntematon hakija.", "Okänd kandidat.", "Ứng viên không tồn tại."),
"This link is no longer valid.": (
    "Linkki ei ole enää voimassa.", "Länken är inte längre giltig.", "Liên kết này không còn hiệu lực."),
"Keep candidates between 1 and 120 months.": (
    "Säilytysajan on oltava 1–120 kuukautta.", "Spara kandidater i mellan 1 och 120 månader.",
    "Thời gian lưu ứng viên phải từ 1 đến 120 tháng."),
"Only a failed delivery can be replayed.": (
    "Vain epäonnistuneen toimituksen voi lähettää uudelleen.", "Bara en misslyckad leverans kan skickas om.",
    "Chỉ có thể gửi lại lượt gửi đã thất bại."),
"Unknown queue.": ("Tuntematon jono.", "Okänd kö.", "Hàng đợi không tồn tại."),
"That task is not in the failed list (any more).": (
    "Tehtävä ei ole (enää) epäonnistuneiden listalla.", "Uppgiften finns inte (längre) i listan över misslyckade.",
    "Tác vụ này không (còn) nằm trong danh sách thất bại."),

# ---------------------------------------------------------------- EMREX
"This request is closed.": ("Tämä pyyntö on suljettu.", "Förfrågan är stängd.", "Yêu cầu này đã đóng."),
"This request is already closed.": (
    "Tämä pyyntö on jo suljettu.", "Förfrågan är redan stängd.", "Yêu cầu này đã được đóng trước đó."),
"This request can no longer be reopened.": (
    "Tätä pyyntöä ei voi enää avata uudelleen.", "Förfrågan kan inte längre öppnas igen.",
    "Yêu cầu này không thể mở lại được nữa."),
"Pick a university from the list.": (
    "Valitse korkeakoulu luettelosta.", "Välj ett lärosäte i listan.", "Hãy chọn một trường trong danh sách."),
"This university's contact point is not reachable securely.": (
    "Tämän korkeakoulun palveluun ei saada suojattua yhteyttä.",
    "Lärosätets kontaktpunkt går inte att nå på ett säkert sätt.",
    "Không thể kết nối an toàn đến điểm liên hệ của trường này."),
"EMREX is not enabled for this company.": (
    "EMREX ei ole käytössä tällä yrityksellä.", "EMREX är inte aktiverat för det här företaget.",
    "EMREX chưa được bật cho công ty này."),
"The candidate has no email address.": (
    "Hakijalla ei ole sähköpostiosoitetta.", "Kandidaten har ingen e-postadress.", "Ứng viên không có địa chỉ email."),
"Pick one of the EMREX email templates.": (
    "Valitse jokin EMREX-sähköpostipohjista.", "Välj en av EMREX-e-postmallarna.",
    "Hãy chọn một trong các mẫu email EMREX."),
"The scale is 4.0 or 5.0.": (
    "Asteikko on 4,0 tai 5,0.", "Skalan är 4,0 eller 5,0.", "Thang điểm là 4.0 hoặc 5.0."),

# ---------------------------------------------------------------- assessments
"Pick one of the Alva products.": (
    "Valitse jokin Alvan tuotteista.", "Välj en av Alvas produkter.", "Hãy chọn một trong các sản phẩm của Alva."),
"%(product)s is already set up for %(company)s; edit it instead.": (
    "%(product)s on jo otettu käyttöön yritykselle %(company)s; muokkaa sitä sen sijaan.",
    "%(product)s är redan inställt för %(company)s; redigera det i stället.",
    "%(product)s đã được thiết lập cho %(company)s; hãy chỉnh sửa thiết lập đó."),
"The API key is too long.": ("API-avain on liian pitkä.", "API-nyckeln är för lång.", "Khóa API quá dài."),
"The vendor's organisation reference is at most 200 characters.": (
    "Toimittajan organisaatiotunnus voi olla enintään 200 merkkiä.",
    "Leverantörens organisationsreferens får vara högst 200 tecken.",
    "Mã tổ chức của nhà cung cấp tối đa 200 ký tự."),
"Unknown assessment product.": (
    "Tuntematon arviointituote.", "Okänd testprodukt.", "Sản phẩm đánh giá không tồn tại."),
"%(product)s is switched off for your company.": (
    "%(product)s on poistettu käytöstä yrityksessäsi.", "%(product)s är avstängt för ditt företag.",
    "%(product)s đang tắt đối với công ty của bạn."),
"%(product)s is not connected yet: Alva Labs still has to finish the connection.": (
    "%(product)s ei ole vielä yhdistetty: Alva Labsin on vielä viimeisteltävä yhteys.",
    "%(product)s är inte anslutet ännu: Alva Labs behöver fortfarande slutföra anslutningen.",
    "%(product)s chưa được kết nối: Alva Labs vẫn cần hoàn tất việc kết nối."),
"Only an open application of a job can get an assessment.": (
    "Arvioinnin voi lähettää vain tehtävän avoimelle hakemukselle.",
    "Bara en öppen ansökan till en tjänst kan få ett test.",
    "Chỉ hồ sơ đang mở của một vị trí mới có thể nhận bài đánh giá."),
"Pick a test.": ("Valitse testi.", "Välj ett test.", "Hãy chọn một bài kiểm tra."),
"This test was already sent to the candidate and is not finished yet.": (
    "Tämä testi on jo lähetetty hakijalle, eikä se ole vielä valmis.",
    "Testet har redan skickats till kandidaten och är inte klart ännu.",
    "Bài kiểm tra này đã được gửi cho ứng viên và chưa hoàn thành."),
"Pick a test of an active assessment product.": (
    "Valitse testi käytössä olevasta arviointituotteesta.", "Välj ett test från en aktiv testprodukt.",
    "Hãy chọn bài kiểm tra của một sản phẩm đánh giá đang hoạt động."),
"Pick one of the vendor's tests.": (
    "Valitse jokin toimittajan testeistä.", "Välj ett av leverantörens test.",
    "Hãy chọn một bài kiểm tra của nhà cung cấp."),
"To move on a passing score, give both the score and the stage.": (
    "Jos hakemus siirretään hyväksytyn pistemäärän perusteella, anna sekä pistemäärä että vaihe.",
    "För att flytta vid godkänt resultat anger du både poängen och steget.",
    "Để chuyển hồ sơ khi đạt điểm, hãy nhập cả điểm và giai đoạn."),
"The score is a number of 0 or more.": (
    "Pistemäärän on oltava luku, joka on 0 tai suurempi.", "Poängen är ett tal som är 0 eller mer.",
    "Điểm phải là một số từ 0 trở lên."),
"The score must be a number.": ("Pistemäärän on oltava luku.", "Poängen måste vara ett tal.", "Điểm phải là một số."),
"The job's assessment product no longer exists.": (
    "Tehtävän arviointituotetta ei ole enää olemassa.", "Tjänstens testprodukt finns inte längre.",
    "Sản phẩm đánh giá của vị trí này không còn tồn tại."),

# ---------------------------------------------------------------- TopCV
"Job boards are not enabled for your company.": (
    "Työpaikkasivustot eivät ole käytössä yrityksessäsi.", "Jobbsajter är inte aktiverade för ditt företag.",
    "Trang việc làm chưa được bật cho công ty của bạn."),
"Enter the Employer API key (TopCV calls it Access Token).": (
    "Anna työnantajan API-avain (TopCV:ssä sen nimi on Access Token).",
    "Ange arbetsgivarens API-nyckel (TopCV kallar den Access Token).",
    "Hãy nhập khóa API nhà tuyển dụng (TopCV gọi là Access Token)."),
"Enter the Secret Key.": ("Anna Secret Key.", "Ange Secret Key.", "Hãy nhập Secret Key."),
"That key is too long to be a TopCV key.": (
    "Avain on liian pitkä ollakseen TopCV:n avain.", "Nyckeln är för lång för att vara en TopCV-nyckel.",
    "Khóa này quá dài, không thể là khóa TopCV."),
"TopCV answered something unexpected.": (
    "TopCV antoi odottamattoman vastauksen.", "TopCV svarade något oväntat.", "TopCV trả về phản hồi không mong đợi."),
"TopCV refused these keys. Check the Employer API key (Access Token).": (
    "TopCV ei hyväksynyt näitä avaimia. Tarkista työnantajan API-avain (Access Token).",
    "TopCV godtog inte nycklarna. Kontrollera arbetsgivarens API-nyckel (Access Token).",
    "TopCV từ chối các khóa này. Hãy kiểm tra khóa API nhà tuyển dụng (Access Token)."),
"TopCV could not be reached (%(error)s). Nothing was saved; try again in a moment.": (
    "TopCV:hen ei saatu yhteyttä (%(error)s). Mitään ei tallennettu; yritä hetken kuluttua uudelleen.",
    "TopCV kunde inte nås (%(error)s). Inget sparades; försök igen om en stund.",
    "Không kết nối được TopCV (%(error)s). Chưa có gì được lưu; hãy thử lại sau ít phút."),
"TopCV said: %(error)s": ("TopCV vastasi: %(error)s", "TopCV svarade: %(error)s", "TopCV phản hồi: %(error)s"),
"Connect TopCV first: Settings → Recruitment networks → TopCV.": (
    "Yhdistä ensin TopCV: Asetukset → Rekrytointiverkostot → TopCV.",
    "Anslut TopCV först: Inställningar → Rekryteringsnätverk → TopCV.",
    "Hãy kết nối TopCV trước: Cài đặt → Mạng lưới tuyển dụng → TopCV."),
"Enter a whole number.": ("Anna kokonaisluku.", "Ange ett heltal.", "Hãy nhập một số nguyên."),
"Enter a positive number.": ("Anna positiivinen luku.", "Ange ett positivt tal.", "Hãy nhập một số dương."),
"Enter the job title.": ("Anna tehtävänimike.", "Ange tjänstens titel.", "Hãy nhập chức danh công việc."),
"Enter the job description.": ("Anna tehtävän kuvaus.", "Ange tjänstens beskrivning.", "Hãy nhập mô tả công việc."),
"Enter the city TopCV should list the job in.": (
    "Anna kaupunki, jossa TopCV näyttää ilmoituksen.", "Ange staden där TopCV ska visa tjänsten.",
    "Hãy nhập thành phố mà TopCV sẽ đăng tin tuyển dụng."),
"Choose the level.": ("Valitse taso.", "Välj nivå.", "Hãy chọn cấp bậc."),
"Enter the application deadline.": (
    "Anna hakuajan päättymispäivä.", "Ange sista ansökningsdag.", "Hãy nhập hạn nộp hồ sơ."),
"Enter a contact email.": (
    "Anna yhteyshenkilön sähköpostiosoite.", "Ange en e-postadress för kontakt.", "Hãy nhập email liên hệ."),
"Enter the deadline as a date (YYYY-MM-DD).": (
    "Anna määräpäivä päivämääränä (VVVV-KK-PP).", "Ange sista dagen som ett datum (ÅÅÅÅ-MM-DD).",
    "Hãy nhập hạn chót theo định dạng ngày (YYYY-MM-DD)."),
"The deadline must be in the future.": (
    "Määräpäivän on oltava tulevaisuudessa.", "Sista dagen måste ligga i framtiden.",
    "Hạn chót phải là một ngày trong tương lai."),
"Choose the employment type.": ("Valitse työsuhteen tyyppi.", "Välj anställningsform.", "Hãy chọn hình thức làm việc."),
"Choose a currency.": ("Valitse valuutta.", "Välj en valuta.", "Hãy chọn đơn vị tiền tệ."),
"The minimum salary is above the maximum.": (
    "Vähimmäispalkka on suurempi kuin enimmäispalkka.", "Minimilönen är högre än maxlönen.",
    "Mức lương tối thiểu đang cao hơn mức tối đa."),
"Enter a valid contact email.": (
    "Anna kelvollinen yhteyssähköpostiosoite.", "Ange en giltig e-postadress för kontakt.",
    "Hãy nhập email liên hệ hợp lệ."),
"This posting is closed on TopCV; post the job again instead.": (
    "Ilmoitus on suljettu TopCV:ssä; julkaise tehtävä sen sijaan uudelleen.",
    "Annonsen är stängd på TopCV; publicera tjänsten igen i stället.",
    "Tin tuyển dụng này đã đóng trên TopCV; hãy đăng lại vị trí."),
"This posting is already closed.": (
    "Ilmoitus on jo suljettu.", "Annonsen är redan stängd.", "Tin tuyển dụng này đã đóng."),
"Enter the TopCV job id.": (
    "Anna TopCV-ilmoituksen tunnus.", "Ange TopCV-annonsens id.", "Hãy nhập mã tin tuyển dụng TopCV."),
"TopCV job %(id)s is already linked to “%(job)s”.": (
    "TopCV-ilmoitus %(id)s on jo liitetty tehtävään ”%(job)s”.",
    "TopCV-annonsen %(id)s är redan kopplad till ”%(job)s”.",
    "Tin TopCV %(id)s đã được liên kết với “%(job)s”."),
"Your TopCV account has no job %(id)s.": (
    "TopCV-tililläsi ei ole ilmoitusta %(id)s.", "Ditt TopCV-konto har ingen annons %(id)s.",
    "Tài khoản TopCV của bạn không có tin tuyển dụng %(id)s."),
}
