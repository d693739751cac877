"""Finnish, Swedish and Vietnamese for where applications come from (issue 18, item 5): a
job's share links, candidates added by hand or referred by a team member with the legal basis
for processing, and the sources on the card, in the list and in the timeline. Same format as
``md18_strings.py``."""

T = {
# sources
"Share link": ("Jakolinkki", "Delningslänk", "Liên kết chia sẻ"),
"Referral": ("Suosittelu", "Rekommendation", "Giới thiệu"),
"Legitimate interest": ("Oikeutettu etu", "Berättigat intresse", "Lợi ích chính đáng"),
"Consent given to the recruiter": ("Rekrytoijalle annettu suostumus", "Samtycke lämnat till rekryteraren",
                                   "Đã đồng ý với chuyên viên tuyển dụng"),
"Steps the candidate asked for before a contract": (
    "Hakijan pyytämät toimet ennen sopimusta", "Åtgärder som kandidaten begärt före ett avtal",
    "Các bước ứng viên yêu cầu trước khi ký hợp đồng"),
# a job's share links
"Share links": ("Jakolinkit", "Delningslänkar", "Liên kết chia sẻ"),
"Links of this job": ("Tehtävän linkit", "Tjänstens länkar", "Liên kết của vị trí này"),
"Link name": ("Linkin nimi", "Länkens namn", "Tên liên kết"),
"e.g. LinkedIn": ("esim. LinkedIn", "t.ex. LinkedIn", "ví dụ: LinkedIn"),
"Add a link": ("Lisää linkki", "Lägg till en länk", "Thêm liên kết"),
"Archived": ("Arkistoitu", "Arkiverad", "Đã lưu trữ"),
"Archive": ("Arkistoi", "Arkivera", "Lưu trữ"),
"Restore": ("Palauta", "Återställ", "Khôi phục"),
"Link copied.": ("Linkki kopioitu.", "Länken kopierad.", "Đã sao chép liên kết."),
"No share links yet. Add one for each place you share the job.": (
    "Jakolinkkejä ei ole vielä. Lisää oma linkki jokaiseen paikkaan, jossa jaat tehtävän.",
    "Inga delningslänkar ännu. Lägg till en för varje ställe där du delar tjänsten.",
    "Chưa có liên kết chia sẻ nào. Hãy thêm một liên kết cho mỗi nơi bạn chia sẻ vị trí này."),
"Give each place you share this job its own link (LinkedIn, a university fair, a newsletter): applications through it show that source. An archived link's address still opens the job, but new applications through it count as from the careers page.": (
    "Anna jokaiselle paikalle, jossa jaat tehtävän, oma linkki (LinkedIn, korkeakoulun rekrytointitapahtuma, "
    "uutiskirje): sen kautta tulleiden hakemusten lähteenä näkyy linkki. Arkistoidun linkin osoite avaa "
    "tehtävän edelleen, mutta sen kautta tulevat uudet hakemukset lasketaan urasivulta tulleiksi.",
    "Ge varje ställe där du delar tjänsten en egen länk (LinkedIn, en mässa på ett lärosäte, ett nyhetsbrev): "
    "ansökningar via den visar den källan. En arkiverad länks adress öppnar fortfarande tjänsten, men nya "
    "ansökningar via den räknas som från karriärsidan.",
    "Hãy tạo cho mỗi nơi bạn chia sẻ vị trí này một liên kết riêng (LinkedIn, hội chợ việc làm ở trường, bản tin): "
    "hồ sơ ứng tuyển qua liên kết đó sẽ hiển thị nguồn tương ứng. Địa chỉ của liên kết đã lưu trữ vẫn mở được vị "
    "trí, nhưng hồ sơ mới qua liên kết đó được tính là từ trang tuyển dụng."),
"Give the link a name, e.g. LinkedIn.": ("Anna linkille nimi, esim. LinkedIn.", "Ge länken ett namn, t.ex. LinkedIn.",
                                         "Hãy đặt tên cho liên kết, ví dụ: LinkedIn."),
"The name is too long (at most 80 characters).": ("Nimi on liian pitkä (enintään 80 merkkiä).",
                                                  "Namnet är för långt (högst 80 tecken).",
                                                  "Tên quá dài (tối đa 80 ký tự)."),
"This job already has a link with that name.": ("Tehtävällä on jo samanniminen linkki.",
                                                "Tjänsten har redan en länk med det namnet.",
                                                "Vị trí này đã có một liên kết cùng tên."),
"Link “%(name)s” created.": ("Linkki ”%(name)s” luotu.", "Länken ”%(name)s” har skapats.",
                             "Đã tạo liên kết “%(name)s”."),
"Link renamed.": ("Linkin nimi muutettu.", "Länken har bytt namn.", "Đã đổi tên liên kết."),
"Link archived: its address now counts as the careers page.": (
    "Linkki arkistoitu: sen osoite lasketaan nyt urasivuksi.",
    "Länken har arkiverats: dess adress räknas nu som karriärsidan.",
    "Đã lưu trữ liên kết: địa chỉ của nó giờ được tính là trang tuyển dụng."),
"Link restored.": ("Linkki palautettu.", "Länken har återställts.", "Đã khôi phục liên kết."),
# adding a candidate
"Add candidate": ("Lisää hakija", "Lägg till kandidat", "Thêm ứng viên"),
"Add a person you found yourself or a team member referred. Someone already on file (the same email) is not added twice: the addition is noted on their application.": (
    "Lisää henkilö, jonka löysit itse tai jota tiimin jäsen suositteli. Jo tallennettua henkilöä (sama "
    "sähköpostiosoite) ei lisätä kahdesti: lisäys merkitään hänen hakemukseensa.",
    "Lägg till en person som du hittat själv eller som en teammedlem rekommenderat. Den som redan finns (samma "
    "e-postadress) läggs inte till två gånger: tillägget noteras på hens ansökan.",
    "Thêm một người bạn tự tìm được hoặc được thành viên trong nhóm giới thiệu. Người đã có hồ sơ (cùng email) "
    "sẽ không bị thêm hai lần: lần thêm này được ghi chú vào hồ sơ ứng tuyển của họ."),
"There is no open or draft job to add a candidate to.": (
    "Avointa tai luonnostehtävää, johon hakijan voisi lisätä, ei ole.",
    "Det finns ingen öppen tjänst eller utkast att lägga till en kandidat i.",
    "Không có vị trí đang mở hoặc bản nháp nào để thêm ứng viên."),
"CV (PDF, optional)": ("CV (PDF, valinnainen)", "CV (PDF, valfritt)", "CV (PDF, không bắt buộc)"),
"Note (optional)": ("Muistiinpano (valinnainen)", "Anteckning (valfritt)", "Ghi chú (không bắt buộc)"),
"How the candidate came": ("Miten hakija tuli", "Hur kandidaten kom", "Ứng viên đến từ đâu"),
"Referred by a team member": ("Tiimin jäsenen suosittelema", "Rekommenderad av en teammedlem",
                              "Được thành viên trong nhóm giới thiệu"),
"Referred by": ("Suosittelija", "Rekommenderad av", "Người giới thiệu"),
"Legal basis for processing": ("Käsittelyn oikeusperuste", "Rättslig grund för behandlingen",
                               "Cơ sở pháp lý để xử lý dữ liệu"),
"Send the candidate the “application received” email": (
    "Lähetä hakijalle ”hakemus vastaanotettu” -viesti",
    "Skicka mejlet ”ansökan mottagen” till kandidaten",
    "Gửi cho ứng viên email “đã nhận hồ sơ ứng tuyển”"),
"Only for a referral: the team member who referred the person.": (
    "Vain suosittelussa: tiimin jäsen, joka suositteli henkilöä.",
    "Bara vid en rekommendation: teammedlemmen som rekommenderade personen.",
    "Chỉ dành cho giới thiệu: thành viên trong nhóm đã giới thiệu người này."),
"The person did not accept the careers page's privacy notice: record why their data may be processed. Their consent is recorded as “added by a recruiter” with this basis.": (
    "Henkilö ei ole hyväksynyt urasivun tietosuojaselostetta: kirjaa, millä perusteella hänen tietojaan saa "
    "käsitellä. Suostumus kirjataan muodossa ”rekrytoijan lisäämä” tällä perusteella.",
    "Personen har inte godkänt karriärsidans integritetspolicy: ange varför hens uppgifter får behandlas. "
    "Samtycket registreras som ”tillagd av en rekryterare” med den här grunden.",
    "Người này chưa chấp nhận thông báo quyền riêng tư của trang tuyển dụng: hãy ghi lại lý do dữ liệu của họ "
    "được xử lý. Sự đồng ý được ghi là “do chuyên viên tuyển dụng thêm” với cơ sở này."),
"Off by default: a person added by hand gets no email unless you tick this.": (
    "Oletuksena pois: käsin lisätylle henkilölle ei lähetetä viestiä, ellet valitse tätä.",
    "Av som standard: en person som lagts till för hand får inget mejl om du inte kryssar i detta.",
    "Mặc định tắt: người được thêm thủ công sẽ không nhận email trừ khi bạn đánh dấu ô này."),
"Choose how the candidate came: added by hand or referred.": (
    "Valitse, miten hakija tuli: käsin lisätty vai suositeltu.",
    "Välj hur kandidaten kom: tillagd för hand eller rekommenderad.",
    "Hãy chọn ứng viên đến từ đâu: thêm thủ công hay được giới thiệu."),
"Choose the legal basis for processing the candidate's data.": (
    "Valitse hakijan tietojen käsittelyn oikeusperuste.",
    "Välj den rättsliga grunden för att behandla kandidatens uppgifter.",
    "Hãy chọn cơ sở pháp lý để xử lý dữ liệu của ứng viên."),
"Choose the team member who referred the candidate.": (
    "Valitse tiimin jäsen, joka suositteli hakijaa.",
    "Välj teammedlemmen som rekommenderade kandidaten.",
    "Hãy chọn thành viên trong nhóm đã giới thiệu ứng viên."),
"Candidate added.": ("Hakija lisätty.", "Kandidaten har lagts till.", "Đã thêm ứng viên."),
"This person already has an application for this job: the addition was noted on it.": (
    "Henkilöllä on jo hakemus tähän tehtävään: lisäys merkittiin siihen.",
    "Personen har redan en ansökan till tjänsten: tillägget noterades på den.",
    "Người này đã có hồ sơ ứng tuyển cho vị trí này: lần thêm đã được ghi chú vào hồ sơ đó."),
# the card and its timeline
"referred by %(name)s": ("suosittelija %(name)s", "rekommenderad av %(name)s", "được %(name)s giới thiệu"),
"added by a recruiter": ("rekrytoijan lisäämä", "tillagd av en rekryterare", "do chuyên viên tuyển dụng thêm"),
"on being added by a team member": ("tiimin jäsenen lisäämänä", "när en teammedlem lade till hen",
                                    "khi được thành viên trong nhóm thêm"),
"Added by %(user)s": ("Lisääjä: %(user)s", "Tillagd av %(user)s", "Do %(user)s thêm"),
"Referred by %(referrer)s": ("Suosittelija: %(referrer)s", "Rekommenderad av %(referrer)s",
                             "Được %(referrer)s giới thiệu"),
"Applied through the share link “%(link)s”": ("Haki jakolinkin ”%(link)s” kautta",
                                               "Sökte via delningslänken ”%(link)s”",
                                               "Ứng tuyển qua liên kết chia sẻ “%(link)s”"),
"Referred again by %(referrer)s; kept as this application": (
    "Suositeltu uudelleen, suosittelija: %(referrer)s; säilytetty tänä hakemuksena",
    "Rekommenderad igen av %(referrer)s; behålls som den här ansökan",
    "Được %(referrer)s giới thiệu lại; giữ nguyên là hồ sơ này"),
"Added again by %(user)s; kept as this application": (
    "Lisätty uudelleen, lisääjä: %(user)s; säilytetty tänä hakemuksena",
    "Tillagd igen av %(user)s; behålls som den här ansökan",
    "Được %(user)s thêm lại; giữ nguyên là hồ sơ này"),
# the privacy notice Haku writes for a company
"If a recruiter of %(company)s added you themselves (for example, a team member recommended you), they recorded the legal basis they rely on, such as their legitimate interest. It shows in your data export, and you may object at any time.": (
    "Jos yrityksen %(company)s rekrytoija lisäsi sinut itse (esimerkiksi tiimin jäsen suositteli sinua), hän "
    "kirjasi käyttämänsä oikeusperusteen, kuten oikeutetun edun. Se näkyy tietojesi latauksessa, ja voit "
    "vastustaa käsittelyä milloin tahansa.",
    "Om en rekryterare på %(company)s lade till dig själv (till exempel för att en teammedlem rekommenderade "
    "dig) registrerade hen den rättsliga grund hen stöder sig på, till exempel berättigat intresse. Den syns i "
    "din dataexport, och du kan invända när som helst.",
    "Nếu chuyên viên tuyển dụng của %(company)s tự thêm bạn (ví dụ: một thành viên trong nhóm đã giới thiệu bạn), "
    "họ đã ghi lại cơ sở pháp lý mà họ dựa vào, chẳng hạn lợi ích chính đáng. Thông tin này hiển thị trong dữ liệu "
    "xuất của bạn, và bạn có thể phản đối bất cứ lúc nào."),
}

PLURALS = {}
