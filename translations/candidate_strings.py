"""Finnish, Swedish and Vietnamese for every string a candidate sees (applied to the .po
catalogues by ``python translations/candidate_strings.py``, together with the ``T`` of every
other ``translations/*_strings.py``; the catalogues are the source of truth at run time).
``T`` maps a msgid to (fi, sv, vi); a message with a context (``pgettext``) may be keyed
``(context, msgid)``; ``PLURALS`` maps (msgid, msgid_plural) to the plural forms per language."""

T = {
"Your form expired or was sent from another page. Please reload and try again.": (
    "Lomake vanhentui tai lähetettiin toiselta sivulta. Lataa sivu uudelleen ja yritä uudestaan.",
    "Formuläret har gått ut eller skickades från en annan sida. Ladda om sidan och försök igen.",
    "Biểu mẫu đã hết hạn hoặc được gửi từ trang khác. Vui lòng tải lại trang và thử lại."),
"Full-time": ("Kokoaikainen", "Heltid", "Toàn thời gian"),
"Part-time": ("Osa-aikainen", "Deltid", "Bán thời gian"),
"Contract": ("Määräaikainen sopimus", "Konsultuppdrag", "Hợp đồng"),
"Temporary": ("Tilapäinen", "Tillfällig", "Tạm thời"),
"Internship": ("Harjoittelu", "Praktik", "Thực tập"),
"Email": ("Sähköposti", "E-post", "Email"),
"Location": ("Sijainti", "Ort", "Địa điểm"),
"Employment type": ("Työsuhteen tyyppi", "Anställningsform", "Hình thức làm việc"),
"Language": ("Kieli", "Språk", "Ngôn ngữ"),
"Error": ("Virhe", "Fel", "Lỗi"),
"Please give your birth date as a date (YYYY-MM-DD).": (
    "Anna syntymäaikasi päivämääränä (VVVV-KK-PP).", "Ange ditt födelsedatum som ett datum (ÅÅÅÅ-MM-DD).",
    "Vui lòng nhập ngày sinh theo định dạng (YYYY-MM-DD)."),
"Please pick your university.": ("Valitse korkeakoulusi.", "Välj ditt lärosäte.", "Vui lòng chọn trường của bạn."),
"Please pick your university from the list.": ("Valitse korkeakoulusi luettelosta.", "Välj ditt lärosäte i listan.",
                                               "Vui lòng chọn trường của bạn trong danh sách."),
"Given name(s)": ("Etunimet", "Förnamn", "Tên"),
"Please enter your given name(s).": ("Kirjoita etunimesi.", "Fyll i ditt förnamn.", "Vui lòng nhập tên của bạn."),
"Family name": ("Sukunimi", "Efternamn", "Họ"),
"Please enter your family name.": ("Kirjoita sukunimesi.", "Fyll i ditt efternamn.", "Vui lòng nhập họ của bạn."),
"Please enter your email address.": ("Kirjoita sähköpostiosoitteesi.", "Fyll i din e-postadress.",
                                     "Vui lòng nhập địa chỉ email."),
"Please enter a valid email address.": ("Kirjoita kelvollinen sähköpostiosoite.", "Ange en giltig e-postadress.",
                                        "Vui lòng nhập địa chỉ email hợp lệ."),
"Phone (optional)": ("Puhelin (vapaaehtoinen)", "Telefon (valfritt)", "Số điện thoại (không bắt buộc)"),
"Please enter a valid phone number.": ("Kirjoita kelvollinen puhelinnumero.", "Ange ett giltigt telefonnummer.",
                                       "Vui lòng nhập số điện thoại hợp lệ."),
"CV (PDF, at most 10 MB)": ("CV (PDF, enintään 10 Mt)", "CV (PDF, högst 10 MB)", "CV (PDF, tối đa 10 MB)"),
"Please attach your CV as a PDF.": ("Liitä CV:si PDF-tiedostona.", "Bifoga ditt CV som PDF.",
                                    "Vui lòng đính kèm CV dạng PDF."),
"Cover letter (optional)": ("Saatekirje (vapaaehtoinen)", "Personligt brev (valfritt)", "Thư xin việc (không bắt buộc)"),
"I agree that my data is processed for this recruitment as the privacy notice says.": (
    "Hyväksyn, että tietojani käsitellään tässä rekrytoinnissa tietosuojailmoituksen mukaisesti.",
    "Jag godkänner att mina uppgifter behandlas för den här rekryteringen enligt integritetsmeddelandet.",
    "Tôi đồng ý để dữ liệu của mình được xử lý cho đợt tuyển dụng này theo thông báo quyền riêng tư."),
"Please accept the privacy notice to apply.": ("Hyväksy tietosuojailmoitus hakeaksesi.",
                                               "Godkänn integritetsmeddelandet för att ansöka.",
                                               "Vui lòng chấp nhận thông báo quyền riêng tư để ứng tuyển."),
"The file is larger than 10 MB.": ("Tiedosto on suurempi kuin 10 Mt.", "Filen är större än 10 MB.",
                                   "Tệp lớn hơn 10 MB."),
"The file is empty.": ("Tiedosto on tyhjä.", "Filen är tom.", "Tệp trống."),
"The file is not a PDF. Please attach your CV as a PDF.": (
    "Tiedosto ei ole PDF. Liitä CV:si PDF-tiedostona.", "Filen är inte en PDF. Bifoga ditt CV som PDF.",
    "Tệp không phải PDF. Vui lòng đính kèm CV dạng PDF."),
"Go to the start page": ("Siirry etusivulle", "Till startsidan", "Về trang chủ"),
"Powered by Haku, the open-source applicant tracking system.": (
    "Palvelun tarjoaa Haku, avoimen lähdekoodin rekrytointijärjestelmä.",
    "Drivs av Haku, det öppna rekryteringssystemet.",
    "Vận hành bởi Haku, hệ thống quản lý tuyển dụng mã nguồn mở."),
"Log in": ("Kirjaudu", "Logga in", "Đăng nhập"),
"Already applied": ("Hakemus on jo lähetetty", "Redan ansökt", "Đã ứng tuyển"),
"You have already applied for this job": ("Olet jo hakenut tätä työpaikkaa", "Du har redan sökt den här tjänsten",
                                          "Bạn đã ứng tuyển vị trí này"),
"Your application for %(title)s is with us, so there is no need to send another one. We will be in touch.": (
    "Hakemuksesi tehtävään %(title)s on meillä, joten uutta ei tarvitse lähettää. Olemme yhteydessä.",
    "Din ansökan till %(title)s har kommit fram, så du behöver inte skicka en till. Vi hör av oss.",
    "Hồ sơ của bạn cho vị trí %(title)s đã được chúng tôi nhận, bạn không cần gửi lại. Chúng tôi sẽ liên hệ với bạn."),
"See other open positions": ("Katso muut avoimet paikat", "Se andra lediga tjänster", "Xem các vị trí đang tuyển khác"),
"Thank you": ("Kiitos", "Tack", "Cảm ơn"),
"Thank you for your application!": ("Kiitos hakemuksestasi!", "Tack för din ansökan!", "Cảm ơn bạn đã ứng tuyển!"),
"We received your application for %(title)s. A confirmation is on its way to your email.": (
    "Saimme hakemuksesi tehtävään %(title)s. Vahvistus on tulossa sähköpostiisi.",
    "Vi har tagit emot din ansökan till %(title)s. En bekräftelse är på väg till din e-post.",
    "Chúng tôi đã nhận hồ sơ của bạn cho vị trí %(title)s. Email xác nhận đang được gửi đến bạn."),
"Apply": ("Hae", "Ansök", "Ứng tuyển"),
"Apply: %(title)s": ("Hae: %(title)s", "Ansök: %(title)s", "Ứng tuyển: %(title)s"),
"Please correct the fields marked below.": ("Korjaa alla merkityt kentät.", "Rätta fälten som är markerade nedan.",
                                            "Vui lòng sửa các mục được đánh dấu bên dưới."),
"Your CV as a PDF file, at most 10 MB.": ("CV PDF-tiedostona, enintään 10 Mt.", "Ditt CV som PDF-fil, högst 10 MB.",
                                          "CV của bạn dạng tệp PDF, tối đa 10 MB."),
"%(company)s keeps your application for this recruitment and deletes it when it is no longer needed. You can ask for your data or its deletion at any time.": (
    "%(company)s säilyttää hakemuksesi tätä rekrytointia varten ja poistaa sen, kun sitä ei enää tarvita. Voit milloin tahansa pyytää tietojasi tai niiden poistamista.",
    "%(company)s sparar din ansökan för den här rekryteringen och raderar den när den inte längre behövs. Du kan när som helst begära ut dina uppgifter eller att de raderas.",
    "%(company)s lưu hồ sơ của bạn cho đợt tuyển dụng này và xóa khi không còn cần thiết. Bạn có thể yêu cầu xem hoặc xóa dữ liệu của mình bất cứ lúc nào."),
"Send application": ("Lähetä hakemus", "Skicka ansökan", "Gửi hồ sơ"),
"Careers": ("Työpaikat", "Lediga jobb", "Tuyển dụng"),
"Work at %(company)s": ("Töihin yritykseen %(company)s", "Jobba på %(company)s", "Làm việc tại %(company)s"),
"There are no open positions right now. Please check back later.": (
    "Avoimia paikkoja ei juuri nyt ole. Katso myöhemmin uudelleen.",
    "Det finns inga lediga tjänster just nu. Titta gärna in senare.",
    "Hiện chưa có vị trí nào đang tuyển. Vui lòng quay lại sau."),
"Haku — hiring that candidates and recruiters both like": (
    "Haku — rekrytointi, josta pitävät sekä hakijat että rekrytoijat",
    "Haku — rekrytering som både kandidater och rekryterare gillar",
    "Haku — tuyển dụng mà cả ứng viên và nhà tuyển dụng đều thích"),
"Open-source applicant tracking: careers pages, pipelines, study records via EMREX, assessments and job boards.": (
    "Avoimen lähdekoodin rekrytointijärjestelmä: uramivut, hakuprosessit, opintotiedot EMREXillä, arvioinnit ja työpaikkailmoitukset.",
    "Öppet rekryteringssystem: karriärsidor, rekryteringsflöden, studieresultat via EMREX, tester och jobbsajter.",
    "Hệ thống tuyển dụng mã nguồn mở: trang tuyển dụng, quy trình, kết quả học tập qua EMREX, bài đánh giá và trang việc làm."),
"All positions": ("Kaikki avoimet paikat", "Alla tjänster", "Tất cả vị trí"),
"Salary": ("Palkka", "Lön", "Mức lương"),
"Apply by": ("Haku päättyy", "Sista ansökningsdag", "Hạn nộp hồ sơ"),
"Apply for this job": ("Hae tätä paikkaa", "Sök den här tjänsten", "Ứng tuyển vị trí này"),
"Steps": ("Vaiheet", "Steg", "Các bước"),
"Country": ("Maa", "Land", "Quốc gia"),
"University": ("Korkeakoulu", "Lärosäte", "Trường"),
"Log in and choose": ("Kirjaudu ja valitse", "Logga in och välj", "Đăng nhập và chọn"),
"Done": ("Valmis", "Klart", "Hoàn tất"),
"Continue to your university": ("Jatka korkeakouluusi", "Fortsätt till ditt lärosäte", "Tiếp tục đến trường của bạn"),
"Taking you to %(name)s": ("Siirrytään: %(name)s", "Du skickas till %(name)s", "Đang chuyển bạn đến %(name)s"),
"Log in there, choose the results to share and confirm. You will come back here automatically.": (
    "Kirjaudu siellä, valitse jaettavat suoritukset ja vahvista. Palaat tänne automaattisesti.",
    "Logga in där, välj vilka resultat du delar och bekräfta. Du kommer tillbaka hit automatiskt.",
    "Đăng nhập tại đó, chọn kết quả muốn chia sẻ và xác nhận. Bạn sẽ tự động quay lại đây."),
"Continue": ("Jatka", "Fortsätt", "Tiếp tục"),
"Please open the link from your email again": ("Avaa sähköpostissa saamasi linkki uudelleen",
                                               "Öppna länken i ditt e-postmeddelande igen",
                                               "Vui lòng mở lại đường liên kết trong email"),
"This page needs the personal link we emailed you. If you already shared your records or said no, there is nothing more to do.": (
    "Tämä sivu tarvitsee henkilökohtaisen linkin, jonka lähetimme sähköpostiisi. Jos olet jo jakanut tietosi tai kieltäytynyt, sinun ei tarvitse tehdä mitään.",
    "Den här sidan behöver den personliga länk vi mejlade dig. Om du redan har delat dina resultat eller tackat nej behöver du inte göra något mer.",
    "Trang này cần đường liên kết cá nhân chúng tôi đã gửi qua email. Nếu bạn đã chia sẻ kết quả hoặc đã từ chối, bạn không cần làm gì thêm."),
"Do not share study records": ("Älä jaa opintotietoja", "Dela inte studieresultat", "Không chia sẻ kết quả học tập"),
"Do not share your study records?": ("Et halua jakaa opintotietojasi?", "Vill du inte dela dina studieresultat?",
                                     "Không chia sẻ kết quả học tập của bạn?"),
"%(company)s will not receive study records from you for %(job)s and will stop sending reminders. Your application stays as it is.": (
    "%(company)s ei saa sinulta opintotietoja tehtävään %(job)s eikä lähetä enää muistutuksia. Hakemuksesi pysyy ennallaan.",
    "%(company)s får inga studieresultat från dig för %(job)s och slutar skicka påminnelser. Din ansökan påverkas inte.",
    "%(company)s sẽ không nhận kết quả học tập của bạn cho vị trí %(job)s và sẽ ngừng gửi nhắc nhở. Hồ sơ ứng tuyển của bạn vẫn giữ nguyên."),
"Yes, do not share my records": ("Kyllä, en jaa tietojani", "Ja, dela inte mina resultat",
                                 "Vâng, không chia sẻ kết quả của tôi"),
"No, take me back": ("Ei, palaa takaisin", "Nej, tillbaka", "Không, quay lại"),
"Done — no study records will be shared": ("Valmis — opintotietoja ei jaeta", "Klart — inga studieresultat delas",
                                           "Hoàn tất — sẽ không chia sẻ kết quả học tập"),
"%(company)s has been told and will not remind you again. You can close this page.": (
    "%(company)s on saanut tiedon eikä muistuta sinua enää. Voit sulkea tämän sivun.",
    "%(company)s har fått beskedet och påminner dig inte igen. Du kan stänga sidan.",
    "%(company)s đã được thông báo và sẽ không nhắc bạn nữa. Bạn có thể đóng trang này."),
"Share your study records": ("Jaa opintotietosi", "Dela dina studieresultat", "Chia sẻ kết quả học tập"),
"%(company)s asks for your study records for %(job)s. With EMREX they come straight from your university, signed by it — you log in there and choose what to share.": (
    "%(company)s pyytää opintotietojasi tehtävään %(job)s. EMREXillä ne tulevat suoraan korkeakoulustasi sen allekirjoittamina — kirjaudut sinne ja valitset, mitä jaat.",
    "%(company)s ber om dina studieresultat för %(job)s. Med EMREX kommer de direkt från ditt lärosäte, signerade av det — du loggar in där och väljer vad du delar.",
    "%(company)s đề nghị bạn chia sẻ kết quả học tập cho vị trí %(job)s. Với EMREX, dữ liệu đến thẳng từ trường của bạn và được trường ký xác nhận — bạn đăng nhập tại trường và chọn nội dung chia sẻ."),
"The list of universities is not available right now. Please try again later — your link stays valid.": (
    "Korkeakoulujen luettelo ei ole juuri nyt saatavilla. Yritä myöhemmin uudelleen — linkkisi pysyy voimassa.",
    "Listan över lärosäten är inte tillgänglig just nu. Försök igen senare — din länk fortsätter att gälla.",
    "Danh sách trường hiện không khả dụng. Vui lòng thử lại sau — đường liên kết của bạn vẫn còn hiệu lực."),
"1. Where did you study?": ("1. Missä opiskelit?", "1. Var har du studerat?", "1. Bạn đã học ở đâu?"),
"Choose a country": ("Valitse maa", "Välj land", "Chọn quốc gia"),
"Show universities": ("Näytä korkeakoulut", "Visa lärosäten", "Hiển thị các trường"),
"2. Your university in %(country)s": ("2. Korkeakoulusi: %(country)s", "2. Ditt lärosäte i %(country)s",
                                      "2. Trường của bạn tại %(country)s"),
"No universities are listed for this country yet.": ("Tälle maalle ei ole vielä korkeakouluja.",
                                                     "Inga lärosäten finns ännu för det här landet.",
                                                     "Chưa có trường nào cho quốc gia này."),
"3. Your date of birth": ("3. Syntymäaikasi", "3. Ditt födelsedatum", "3. Ngày sinh của bạn"),
"We compare it with your university's records to make sure they are yours. It is not kept after the check.": (
    "Vertaamme sitä korkeakoulusi tietoihin varmistaaksemme, että ne ovat sinun. Sitä ei säilytetä tarkistuksen jälkeen.",
    "Vi jämför det med lärosätets uppgifter för att se att resultaten är dina. Det sparas inte efter kontrollen.",
    "Chúng tôi đối chiếu với dữ liệu của trường để chắc chắn đó là của bạn. Thông tin này không được lưu sau khi kiểm tra."),
"Continue to my university": ("Jatka korkeakouluuni", "Fortsätt till mitt lärosäte", "Tiếp tục đến trường của tôi"),
"I do not want to share my study records": ("En halua jakaa opintotietojani", "Jag vill inte dela mina studieresultat",
                                            "Tôi không muốn chia sẻ kết quả học tập"),
"Thank you — your study records were received": ("Kiitos — opintotietosi vastaanotettiin",
                                                 "Tack — dina studieresultat har tagits emot",
                                                 "Cảm ơn — chúng tôi đã nhận được kết quả học tập của bạn"),
"%(company)s can now see the records your university sent. There is nothing more to do.": (
    "%(company)s näkee nyt korkeakoulusi lähettämät tiedot. Sinun ei tarvitse tehdä muuta.",
    "%(company)s kan nu se resultaten som ditt lärosäte skickade. Du behöver inte göra något mer.",
    "%(company)s đã có thể xem kết quả trường của bạn gửi. Bạn không cần làm gì thêm."),
"You cancelled at your university": ("Peruutit korkeakoulusi palvelussa", "Du avbröt hos ditt lärosäte",
                                     "Bạn đã hủy tại trường của mình"),
"Nothing was shared. You can try again with the link in your email whenever you like.": (
    "Mitään ei jaettu. Voit yrittää uudelleen sähköpostisi linkillä milloin haluat.",
    "Inget delades. Du kan försöka igen med länken i ditt e-postmeddelande när du vill.",
    "Chưa có gì được chia sẻ. Bạn có thể thử lại bằng đường liên kết trong email bất cứ lúc nào."),
"Your university had no results to send": ("Korkeakoulullasi ei ollut lähetettäviä suorituksia",
                                           "Ditt lärosäte hade inga resultat att skicka",
                                           "Trường của bạn không có kết quả để gửi"),
"Nothing was shared. If you studied somewhere else too, you can try that university with the link in your email.": (
    "Mitään ei jaettu. Jos opiskelit myös muualla, voit kokeilla sitä korkeakoulua sähköpostisi linkillä.",
    "Inget delades. Om du även har studerat någon annanstans kan du prova det lärosätet med länken i ditt e-postmeddelande.",
    "Chưa có gì được chia sẻ. Nếu bạn từng học ở trường khác, bạn có thể thử trường đó bằng đường liên kết trong email."),
"Your university could not send the records": ("Korkeakoulusi ei voinut lähettää tietoja",
                                               "Ditt lärosäte kunde inte skicka resultaten",
                                               "Trường của bạn không thể gửi kết quả"),
"Nothing was shared. Please try again later with the link in your email.": (
    "Mitään ei jaettu. Yritä myöhemmin uudelleen sähköpostisi linkillä.",
    "Inget delades. Försök igen senare med länken i ditt e-postmeddelande.",
    "Chưa có gì được chia sẻ. Vui lòng thử lại sau bằng đường liên kết trong email."),
"The university said:": ("Korkeakoulun viesti:", "Lärosätet meddelade:", "Trường cho biết:"),
"That took too long": ("Siirto kesti liian kauan", "Det tog för lång tid", "Quá thời gian cho phép"),
"For your security the transfer must finish within 15 minutes. Nothing was stored — please start again with the link in your email.": (
    "Turvallisuutesi vuoksi siirron on valmistuttava 15 minuutissa. Mitään ei tallennettu — aloita uudelleen sähköpostisi linkillä.",
    "Av säkerhetsskäl måste överföringen bli klar inom 15 minuter. Inget sparades — börja om med länken i ditt e-postmeddelande.",
    "Vì an toàn của bạn, việc chuyển dữ liệu phải hoàn tất trong 15 phút. Chưa có gì được lưu — vui lòng bắt đầu lại bằng đường liên kết trong email."),
"The records could not be accepted": ("Tietoja ei voitu hyväksyä", "Resultaten kunde inte tas emot",
                                      "Không thể chấp nhận kết quả"),
"What arrived could not be verified as coming from your university, so nothing was stored. Please try again with the link in your email.": (
    "Saapuneiden tietojen ei voitu varmistaa tulevan korkeakoulustasi, joten mitään ei tallennettu. Yritä uudelleen sähköpostisi linkillä.",
    "Det som kom fram kunde inte verifieras som skickat av ditt lärosäte, så inget sparades. Försök igen med länken i ditt e-postmeddelande.",
    "Không thể xác minh dữ liệu nhận được là từ trường của bạn, nên chưa có gì được lưu. Vui lòng thử lại bằng đường liên kết trong email."),
"This transfer is not valid": ("Tämä siirto ei ole voimassa", "Den här överföringen är inte giltig",
                               "Lần chuyển dữ liệu này không hợp lệ"),
"It may have been used already or has expired. Nothing was stored. Please use the link in your email to start again.": (
    "Se on ehkä jo käytetty tai vanhentunut. Mitään ei tallennettu. Aloita uudelleen sähköpostisi linkillä.",
    "Den kan redan ha använts eller gått ut. Inget sparades. Använd länken i ditt e-postmeddelande för att börja om.",
    "Có thể đã được sử dụng hoặc đã hết hạn. Chưa có gì được lưu. Vui lòng dùng đường liên kết trong email để bắt đầu lại."),
"Choose a university again": ("Valitse korkeakoulu uudelleen", "Välj lärosäte igen", "Chọn lại trường"),
"The request could not be understood.": ("Pyyntöä ei ymmärretty.", "Begäran kunde inte tolkas.",
                                         "Không thể hiểu yêu cầu."),
"Please log in.": ("Kirjaudu sisään.", "Logga in.", "Vui lòng đăng nhập."),
"You do not have access to this page.": ("Sinulla ei ole pääsyä tälle sivulle.", "Du har inte åtkomst till sidan.",
                                         "Bạn không có quyền truy cập trang này."),
"We could not find that page.": ("Sivua ei löytynyt.", "Vi hittade inte sidan.", "Không tìm thấy trang."),
"That action is not allowed here.": ("Toiminto ei ole sallittu tässä.", "Åtgärden är inte tillåten här.",
                                     "Thao tác này không được phép ở đây."),
"What you sent is too large.": ("Lähettämäsi tiedosto tai tieto on liian suuri.", "Det du skickade är för stort.",
                                "Nội dung bạn gửi quá lớn."),
"That content type is not supported.": ("Sisältötyyppiä ei tueta.", "Innehållstypen stöds inte.",
                                        "Loại nội dung này không được hỗ trợ."),
"Too many attempts. Please wait a minute and try again.": (
    "Liian monta yritystä. Odota hetki ja yritä uudelleen.", "För många försök. Vänta en minut och försök igen.",
    "Quá nhiều lần thử. Vui lòng đợi một phút rồi thử lại."),
"Something went wrong on our side. Please try again.": (
    "Jokin meni vikaan meillä. Yritä uudelleen.", "Något gick fel hos oss. Försök igen.",
    "Đã có lỗi từ phía chúng tôi. Vui lòng thử lại."),
"Something went wrong.": ("Jokin meni vikaan.", "Något gick fel.", "Đã có lỗi xảy ra."),
# "Your data" (candidate data rights: export by email link)
"Your data": ("Tietosi", "Dina uppgifter", "Dữ liệu của bạn"),
"You can get a copy of everything employers using Haku hold about you: your applications, their stages, study records, assessment results and the files you sent.": (
    "Voit saada kopion kaikesta, mitä Hakua käyttävät työnantajat ovat sinusta tallentaneet: hakemuksesi, niiden "
    "vaiheet, opintotiedot, arviointien tulokset ja lähettämäsi tiedostot.",
    "Du kan få en kopia av allt som arbetsgivare som använder Haku har om dig: dina ansökningar, deras steg, "
    "studieresultat, testresultat och filerna du skickade.",
    "Bạn có thể nhận bản sao mọi dữ liệu mà các nhà tuyển dụng dùng Haku lưu về bạn: hồ sơ ứng tuyển, các vòng "
    "tuyển dụng, kết quả học tập, kết quả đánh giá và các tệp bạn đã gửi."),
"Enter the email address you applied with. If we have applications for it, we send a download link there. The link works once, for 24 hours.": (
    "Kirjoita sähköpostiosoite, jolla hait. Jos osoitteella on hakemuksia, lähetämme siihen latauslinkin. "
    "Linkki toimii kerran, 24 tunnin ajan.",
    "Fyll i e-postadressen du sökte med. Om det finns ansökningar för den skickar vi en nedladdningslänk dit. "
    "Länken fungerar en gång, i 24 timmar.",
    "Nhập địa chỉ email bạn đã dùng để ứng tuyển. Nếu có hồ sơ với email này, chúng tôi sẽ gửi liên kết tải xuống "
    "đến đó. Liên kết chỉ dùng được một lần, trong 24 giờ."),
"Send me the link": ("Lähetä linkki", "Skicka länken", "Gửi liên kết cho tôi"),
"To have your data deleted, contact the employer you applied to: they can erase it.": (
    "Jos haluat tietosi poistettavan, ota yhteyttä työnantajaan, jolle hait: he voivat poistaa ne.",
    "Vill du att dina uppgifter raderas? Kontakta arbetsgivaren du sökte till: de kan radera dem.",
    "Để xoá dữ liệu của bạn, hãy liên hệ nhà tuyển dụng bạn đã ứng tuyển: họ có thể xoá dữ liệu đó."),
"Check your email": ("Tarkista sähköpostisi", "Kolla din e-post", "Hãy kiểm tra email của bạn"),
"If there are applications for that address, a download link is on its way to it. The link works once, for 24 hours.": (
    "Jos osoitteella on hakemuksia, latauslinkki on matkalla siihen. Linkki toimii kerran, 24 tunnin ajan.",
    "Om det finns ansökningar för adressen är en nedladdningslänk på väg dit. Länken fungerar en gång, i 24 timmar.",
    "Nếu có hồ sơ với địa chỉ đó, liên kết tải xuống đang được gửi đến. Liên kết chỉ dùng được một lần, "
    "trong 24 giờ."),
"No email after a few minutes? Check your spam folder, or try the address you applied with.": (
    "Eikö viestiä ole tullut muutamassa minuutissa? Katso roskapostikansio tai kokeile osoitetta, jolla hait.",
    "Inget mejl efter några minuter? Titta i skräpposten, eller prova adressen du sökte med.",
    "Chưa nhận được email sau vài phút? Hãy xem thư mục thư rác, hoặc thử địa chỉ bạn đã dùng để ứng tuyển."),
"Download your data": ("Lataa tietosi", "Ladda ned dina uppgifter", "Tải xuống dữ liệu của bạn"),
"The download is a ZIP file: data.json with your applications at every employer using Haku, and the files you sent (such as your CV).": (
    "Lataus on ZIP-tiedosto: data.json, jossa ovat hakemuksesi kaikille Hakua käyttäville työnantajille, sekä "
    "lähettämäsi tiedostot (kuten CV).",
    "Nedladdningen är en ZIP-fil: data.json med dina ansökningar hos alla arbetsgivare som använder Haku, och "
    "filerna du skickade (till exempel ditt CV).",
    "Tệp tải xuống là tệp ZIP: data.json chứa hồ sơ của bạn tại mọi nhà tuyển dụng dùng Haku, cùng các tệp bạn "
    "đã gửi (như CV)."),
"The link works once: keep the file somewhere safe.": (
    "Linkki toimii vain kerran: säilytä tiedosto turvallisessa paikassa.",
    "Länken fungerar en gång: spara filen på ett säkert ställe.",
    "Liên kết chỉ dùng được một lần: hãy lưu tệp ở nơi an toàn."),
"Download my data": ("Lataa tietoni", "Ladda ned mina uppgifter", "Tải xuống dữ liệu của tôi"),
"This link is no longer valid": ("Linkki ei ole enää voimassa", "Länken gäller inte längre",
                                 "Liên kết này không còn hiệu lực"),
"Download links work once, for 24 hours. You can ask for a new one.": (
    "Latauslinkit toimivat kerran, 24 tunnin ajan. Voit pyytää uuden.",
    "Nedladdningslänkar fungerar en gång, i 24 timmar. Du kan be om en ny.",
    "Liên kết tải xuống chỉ dùng được một lần, trong 24 giờ. Bạn có thể yêu cầu liên kết mới."),
"Ask for a new link": ("Pyydä uusi linkki", "Be om en ny länk", "Yêu cầu liên kết mới"),
"You can ask for a copy of your data at any time:": (
    "Voit pyytää kopion tiedoistasi milloin tahansa:", "Du kan när som helst be om en kopia av dina uppgifter:",
    "Bạn có thể yêu cầu bản sao dữ liệu của mình bất cứ lúc nào:"),
"Your data: download link": ("Tietosi: latauslinkki", "Dina uppgifter: nedladdningslänk",
                             "Dữ liệu của bạn: liên kết tải xuống"),
"Hello,\n\nSomeone (we hope you) asked for a copy of the data held about this email address by employers who use Haku. Open this link to download it (it works once, for 24 hours):\n\n%(link)s\n\nIf you did not ask for this, you can ignore this email: nothing is sent without the link.\n": (
    "Hei,\n\nJoku (toivottavasti sinä) pyysi kopion tiedoista, joita Hakua käyttävät työnantajat ovat tähän "
    "sähköpostiosoitteeseen liittyen tallentaneet. Lataa ne tästä linkistä (se toimii kerran, 24 tunnin "
    "ajan):\n\n%(link)s\n\nJos et pyytänyt tätä, voit jättää viestin huomiotta: mitään ei lähetetä ilman "
    "linkkiä.\n",
    "Hej,\n\nNågon (förhoppningsvis du) bad om en kopia av de uppgifter som arbetsgivare som använder Haku har om "
    "den här e-postadressen. Öppna länken för att ladda ned dem (den fungerar en gång, i 24 timmar):\n\n"
    "%(link)s\n\nOm du inte bad om detta kan du strunta i mejlet: ingenting skickas utan länken.\n",
    "Xin chào,\n\nMột người (hy vọng là bạn) đã yêu cầu bản sao dữ liệu mà các nhà tuyển dụng dùng Haku lưu về "
    "địa chỉ email này. Mở liên kết sau để tải xuống (chỉ dùng được một lần, trong 24 giờ):\n\n%(link)s\n\n"
    "Nếu bạn không yêu cầu, hãy bỏ qua email này: không có gì được gửi đi nếu không có liên kết.\n"),
}

PLURALS = {
    ("%(num)d open position", "%(num)d open positions"): (
        ("%(num)d avoin paikka", "%(num)d avointa paikkaa"),
        ("%(num)d ledig tjänst", "%(num)d lediga tjänster"),
        ("%(num)d vị trí đang tuyển",)),
}


def apply() -> None:
    """Write these translations into the catalogues (other entries are left as they are)."""
    import importlib.util
    from pathlib import Path

    from babel.messages.pofile import read_po, write_po

    root = Path(__file__).parent
    table, plurals = dict(T), dict(PLURALS)
    # Every other translations/*_strings.py adds its own T (and PLURALS) for its feature.
    for module_path in sorted(root.glob("*_strings.py")):
        if module_path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        table.update(getattr(module, "T", {}))
        plurals.update(getattr(module, "PLURALS", {}))
    for index, locale in enumerate(("fi", "sv", "vi")):
        path = root / locale / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=locale)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                forms = plurals.get(tuple(message.id))
                if forms:
                    message.string = tuple(forms[index])
                    message.flags.discard("fuzzy")
            else:
                # A message with a msgctxt (pgettext) is keyed (context, msgid); else by its msgid.
                key = (message.context, message.id) if (message.context, message.id) in table else message.id
                if key in table:
                    message.string = table[key][index]
                    message.flags.discard("fuzzy")
        with path.open("wb") as fh:
            write_po(fh, catalog, width=120)


if __name__ == "__main__":
    apply()
