"""Finnish, Swedish and Vietnamese for interview scheduling (issue 17, items 3 and 5): the
card's "Schedule interview…" dialog and panel, My interviews, My availability, the
candidate's scheduling page, the interviewers' emails and the timeline texts. Same format as
``candidate_strings.py`` (``T``: msgid or (context, msgid) → (fi, sv, vi); ``PLURALS``)."""

T = {
# weekdays (availability)
"Monday": ("maanantai", "måndag", "Thứ Hai"),
"Tuesday": ("tiistai", "tisdag", "Thứ Ba"),
"Wednesday": ("keskiviikko", "onsdag", "Thứ Tư"),
"Thursday": ("torstai", "torsdag", "Thứ Năm"),
"Friday": ("perjantai", "fredag", "Thứ Sáu"),
"Saturday": ("lauantai", "lördag", "Thứ Bảy"),
"Sunday": ("sunnuntai", "söndag", "Chủ Nhật"),
# the new-interview form
"Choose phone, video or on site.": ("Valitse puhelin, video tai paikan päällä.", "Välj telefon, video eller på plats.",
                                    "Chọn điện thoại, video hoặc trực tiếp."),
"Video": ("Video", "Video", "Video"),
"On site": ("Paikan päällä", "På plats", "Trực tiếp"),
"Duration (minutes)": ("Kesto (minuuttia)", "Längd (minuter)", "Thời lượng (phút)"),
"Give the duration in minutes.": ("Anna kesto minuutteina.", "Ange längden i minuter.", "Nhập thời lượng theo phút."),
"The duration must be between 15 and 480 minutes.": ("Keston on oltava 15–480 minuuttia.",
                                                     "Längden måste vara mellan 15 och 480 minuter.",
                                                     "Thời lượng phải từ 15 đến 480 phút."),
"Interviewers": ("Haastattelijat", "Intervjuare", "Người phỏng vấn"),
"Choose at least one interviewer.": ("Valitse vähintään yksi haastattelija.", "Välj minst en intervjuare.",
                                     "Chọn ít nhất một người phỏng vấn."),
"Place, video link or phone number": ("Paikka, videolinkki tai puhelinnumero", "Plats, videolänk eller telefonnummer",
                                      "Địa điểm, liên kết video hoặc số điện thoại"),
"Then": ("Sitten", "Sedan", "Tiếp theo"),
"Book a time now": ("Varaa aika nyt", "Boka en tid nu", "Đặt lịch ngay"),
"Send the candidate a link to choose a time": ("Lähetä hakijalle linkki ajan valitsemiseen",
                                               "Skicka kandidaten en länk för att välja tid",
                                               "Gửi ứng viên liên kết để tự chọn thời gian"),
"Decide later": ("Päätä myöhemmin", "Bestäm senare", "Quyết định sau"),
"Blocked times": ("Varatut ajat", "Blockerade tider", "Thời gian bận"),
"Schedule interview…": ("Sovi haastattelu…", "Boka intervju …", "Lên lịch phỏng vấn…"),
"Create interview": ("Luo haastattelu", "Skapa intervju", "Tạo buổi phỏng vấn"),
"Schedule an interview with %(name)s": ("Sovi haastattelu: %(name)s", "Boka en intervju med %(name)s",
                                        "Lên lịch phỏng vấn với %(name)s"),
"For “Book a time now”: the date and time in your time zone (%(zone)s). The candidate and the interviewers get an "
"invitation with a calendar file.": (
    "Kohtaa ”Varaa aika nyt” varten: päivä ja kellonaika omalla aikavyöhykkeelläsi (%(zone)s). Hakija ja "
    "haastattelijat saavat kutsun ja kalenteritiedoston.",
    "För ”Boka en tid nu”: datum och tid i din tidszon (%(zone)s). Kandidaten och intervjuarna får en inbjudan "
    "med en kalenderfil.",
    "Cho “Đặt lịch ngay”: ngày và giờ theo múi giờ của bạn (%(zone)s). Ứng viên và người phỏng vấn sẽ nhận lời "
    "mời kèm tệp lịch."),
# timeline
"Interview created": ("Haastattelu luotu", "Intervjun skapad", "Đã tạo buổi phỏng vấn"),
"Interview booked for %(when)s": ("Haastattelu varattu: %(when)s", "Intervjun bokad till %(when)s",
                                  "Đã đặt lịch phỏng vấn vào %(when)s"),
"The candidate booked the interview for %(when)s": ("Hakija varasi haastatteluajan: %(when)s",
                                                    "Kandidaten bokade intervjun till %(when)s",
                                                    "Ứng viên đã đặt lịch phỏng vấn vào %(when)s"),
"Interview moved to %(when)s": ("Haastattelu siirretty: %(when)s", "Intervjun flyttad till %(when)s",
                                "Đã dời buổi phỏng vấn sang %(when)s"),
"The candidate moved the interview to %(when)s": ("Hakija siirsi haastattelun: %(when)s",
                                                  "Kandidaten flyttade intervjun till %(when)s",
                                                  "Ứng viên đã dời buổi phỏng vấn sang %(when)s"),
"Interview cancelled": ("Haastattelu peruttu", "Intervjun inställd", "Đã hủy buổi phỏng vấn"),
"The candidate cancelled the interview": ("Hakija perui haastattelun", "Kandidaten avbokade intervjun",
                                          "Ứng viên đã hủy buổi phỏng vấn"),
"Scheduling link sent to the candidate": ("Ajanvarauslinkki lähetetty hakijalle",
                                          "Bokningslänk skickad till kandidaten",
                                          "Đã gửi liên kết đặt lịch cho ứng viên"),
# messages after an action
"Interview booked. Invitations with a calendar file are on their way.": (
    "Haastattelu varattu. Kutsut kalenteritiedostoineen ovat matkalla.",
    "Intervjun är bokad. Inbjudningar med kalenderfil är på väg.",
    "Đã đặt lịch phỏng vấn. Lời mời kèm tệp lịch đang được gửi đi."),
"Interview created. The candidate gets a link to choose a time.": (
    "Haastattelu luotu. Hakija saa linkin ajan valitsemiseen.",
    "Intervjun är skapad. Kandidaten får en länk för att välja tid.",
    "Đã tạo buổi phỏng vấn. Ứng viên sẽ nhận liên kết để chọn thời gian."),
"Interview created.": ("Haastattelu luotu.", "Intervjun är skapad.", "Đã tạo buổi phỏng vấn."),
"The candidate gets a link to choose a time.": ("Hakija saa linkin ajan valitsemiseen.",
                                                "Kandidaten får en länk för att välja tid.",
                                                "Ứng viên sẽ nhận liên kết để chọn thời gian."),
"Interview cancelled. Everyone gets a calendar update.": ("Haastattelu peruttu. Kaikki saavat kalenterin päivityksen.",
                                                          "Intervjun är inställd. Alla får en kalenderuppdatering.",
                                                          "Đã hủy buổi phỏng vấn. Mọi người sẽ nhận bản cập nhật lịch."),
"Interview cancelled.": ("Haastattelu peruttu.", "Intervjun är inställd.", "Đã hủy buổi phỏng vấn."),
"Availability saved.": ("Saatavuus tallennettu.", "Tillgängligheten är sparad.", "Đã lưu lịch rảnh."),
# availability input
"“%(text)s” is not a time range: write it like 09:00-12:00, several separated by commas.": (
    "”%(text)s” ei ole aikaväli: kirjoita muodossa 09:00-12:00, useampi pilkuilla eroteltuina.",
    "”%(text)s” är inte ett tidsintervall: skriv som 09:00-12:00, flera åtskilda med kommatecken.",
    "“%(text)s” không phải khoảng thời gian: hãy viết như 09:00-12:00, nhiều khoảng cách nhau bằng dấu phẩy."),
"“%(text)s” is not a blocked time: write it like 2026-12-24 08:00 - 2026-12-26 18:00.": (
    "”%(text)s” ei ole varattu aika: kirjoita muodossa 2026-12-24 08:00 - 2026-12-26 18:00.",
    "”%(text)s” är ingen blockerad tid: skriv som 2026-12-24 08:00 - 2026-12-26 18:00.",
    "“%(text)s” không phải thời gian bận: hãy viết như 2026-12-24 08:00 - 2026-12-26 18:00."),
"“%(text)s” ends before it starts.": ("”%(text)s” päättyy ennen kuin se alkaa.", "”%(text)s” slutar innan den börjar.",
                                      "“%(text)s” kết thúc trước khi bắt đầu."),
# states and refusals
"No time yet": ("Ei vielä aikaa", "Ingen tid än", "Chưa có thời gian"),
"Waiting for the candidate": ("Odottaa hakijaa", "Väntar på kandidaten", "Đang chờ ứng viên"),
"Booked": ("Varattu", "Bokad", "Đã đặt lịch"),
"Only members of your team can interview.": ("Vain tiimisi jäsenet voivat haastatella.",
                                             "Bara medlemmar i ditt team kan intervjua.",
                                             "Chỉ thành viên trong nhóm của bạn mới có thể phỏng vấn."),
"That time has already passed. Choose a later one.": ("Aika on jo mennyt. Valitse myöhäisempi.",
                                                      "Den tiden har redan passerat. Välj en senare.",
                                                      "Thời gian đó đã qua. Vui lòng chọn thời gian muộn hơn."),
"Sorry, that time was just taken. Choose another one.": ("Valitettavasti aika ehdittiin juuri varata. Valitse toinen.",
                                                         "Tyvärr blev den tiden nyss bokad. Välj en annan.",
                                                         "Rất tiếc, thời gian đó vừa có người đặt. Vui lòng chọn thời gian khác."),
"%(name)s already has an interview at that time.": ("Henkilöllä %(name)s on jo haastattelu tuohon aikaan.",
                                                    "%(name)s har redan en intervju vid den tiden.",
                                                    "%(name)s đã có một buổi phỏng vấn vào thời gian đó."),
"This interview was cancelled.": ("Tämä haastattelu on peruttu.", "Den här intervjun är inställd.",
                                  "Buổi phỏng vấn này đã bị hủy."),
"The candidate has no email address, so no invitation can be sent.": (
    "Hakijalla ei ole sähköpostiosoitetta, joten kutsua ei voi lähettää.",
    "Kandidaten har ingen e-postadress, så ingen inbjudan kan skickas.",
    "Ứng viên không có địa chỉ email nên không thể gửi lời mời."),
"The interview is less than %(hours)s hours away, so it can no longer be changed here. Please reply to the "
"invitation email instead.": (
    "Haastatteluun on alle %(hours)s tuntia, joten aikaa ei voi enää muuttaa täällä. Vastaa sen sijaan "
    "kutsuviestiin.",
    "Det är mindre än %(hours)s timmar kvar till intervjun, så den kan inte längre ändras här. Svara i stället "
    "på inbjudningsmejlet.",
    "Buổi phỏng vấn còn chưa đến %(hours)s giờ nữa nên không thể thay đổi tại đây. Vui lòng trả lời email "
    "mời thay vào đó."),
"Give a date and a time.": ("Anna päivä ja kellonaika.", "Ange datum och tid.", "Vui lòng nhập ngày và giờ."),
"This link does not work. Check that you copied the whole address from the email.": (
    "Linkki ei toimi. Tarkista, että kopioit koko osoitteen sähköpostista.",
    "Länken fungerar inte. Kontrollera att du kopierade hela adressen från mejlet.",
    "Liên kết này không hoạt động. Vui lòng kiểm tra bạn đã sao chép đầy đủ địa chỉ từ email."),
"This link has expired. Please reply to the email you got it with, and we will send a new one.": (
    "Linkki on vanhentunut. Vastaa viestiin, jonka mukana sait sen, niin lähetämme uuden.",
    "Länken har gått ut. Svara på mejlet du fick den i, så skickar vi en ny.",
    "Liên kết này đã hết hạn. Vui lòng trả lời email chứa liên kết, chúng tôi sẽ gửi liên kết mới."),
# the interviewers' emails
"Interview cancelled: %(candidate)s, %(job)s": ("Haastattelu peruttu: %(candidate)s, %(job)s",
                                                "Intervjun inställd: %(candidate)s, %(job)s",
                                                "Đã hủy phỏng vấn: %(candidate)s, %(job)s"),
"The interview with %(candidate)s for %(job)s on %(time)s was cancelled.": (
    "Haastattelu (%(candidate)s, %(job)s, %(time)s) on peruttu.",
    "Intervjun med %(candidate)s för %(job)s den %(time)s är inställd.",
    "Buổi phỏng vấn với %(candidate)s cho vị trí %(job)s vào %(time)s đã bị hủy."),
"Interview: %(candidate)s, %(job)s": ("Haastattelu: %(candidate)s, %(job)s", "Intervju: %(candidate)s, %(job)s",
                                      "Phỏng vấn: %(candidate)s, %(job)s"),
"You interview %(candidate)s for %(job)s.\n\nTime: %(time)s\nWhere: %(place)s": (
    "Haastattelet hakijaa %(candidate)s tehtävään %(job)s.\n\nAika: %(time)s\nPaikka: %(place)s",
    "Du intervjuar %(candidate)s för %(job)s.\n\nTid: %(time)s\nPlats: %(place)s",
    "Bạn phỏng vấn %(candidate)s cho vị trí %(job)s.\n\nThời gian: %(time)s\nĐịa điểm: %(place)s"),
# template names and merge fields
"Interview: new time": ("Haastattelu: uusi aika", "Intervju: ny tid", "Phỏng vấn: thời gian mới"),
"Interview: cancelled": ("Haastattelu: peruttu", "Intervju: inställd", "Phỏng vấn: đã hủy"),
"Interview: choose your time": ("Haastattelu: valitse aika", "Intervju: välj din tid", "Phỏng vấn: chọn thời gian"),
"Interview: reminder": ("Haastattelu: muistutus", "Intervju: påminnelse", "Phỏng vấn: nhắc lịch"),
"The interview's date and time, in the reader's time zone": (
    "Haastattelun päivä ja kellonaika lukijan aikavyöhykkeellä",
    "Intervjuns datum och tid i läsarens tidszon",
    "Ngày và giờ phỏng vấn, theo múi giờ của người đọc"),
"Where the interview is: the address, the video link or the phone call": (
    "Haastattelun paikka: osoite, videolinkki tai puhelu",
    "Var intervjun hålls: adressen, videolänken eller telefonsamtalet",
    "Nơi phỏng vấn: địa chỉ, liên kết video hoặc cuộc gọi"),
# My interviews, My availability, the account page
"My interviews": ("Omat haastattelut", "Mina intervjuer", "Lịch phỏng vấn của tôi"),
"Interviews": ("Haastattelut", "Intervjuer", "Phỏng vấn"),
"Your weekly hours and blocked times decide which times candidates can pick with you.": (
    "Viikoittaiset aikasi ja varatut aikasi ratkaisevat, mitä aikoja hakijat voivat kanssasi valita.",
    "Dina veckotider och blockerade tider avgör vilka tider kandidater kan välja med dig.",
    "Giờ làm việc hằng tuần và thời gian bận của bạn quyết định ứng viên có thể chọn giờ nào với bạn."),
"My availability": ("Oma saatavuus", "Min tillgänglighet", "Lịch rảnh của tôi"),
"Interviewers:": ("Haastattelijat:", "Intervjuare:", "Người phỏng vấn:"),
"no longer on the team": ("ei enää tiimissä", "inte längre i teamet", "không còn trong nhóm"),
"An interviewer has left the team since this interview was set up. The interview stays; consider adding someone "
"else.": (
    "Haastattelija on lähtenyt tiimistä haastattelun sopimisen jälkeen. Haastattelu säilyy; harkitse toisen "
    "haastattelijan lisäämistä.",
    "En intervjuare har lämnat teamet sedan intervjun bokades. Intervjun finns kvar; överväg att lägga till "
    "någon annan.",
    "Một người phỏng vấn đã rời nhóm kể từ khi buổi phỏng vấn được lên lịch. Buổi phỏng vấn vẫn giữ nguyên; "
    "hãy cân nhắc thêm người khác."),
"Move to this time": ("Siirrä tähän aikaan", "Flytta till den här tiden", "Dời sang thời gian này"),
"Book this time": ("Varaa tämä aika", "Boka den här tiden", "Đặt thời gian này"),
"Send scheduling link": ("Lähetä ajanvarauslinkki", "Skicka bokningslänk", "Gửi liên kết đặt lịch"),
"Cancel interview": ("Peru haastattelu", "Ställ in intervjun", "Hủy phỏng vấn"),
"When candidates may book interviews with you, in your time zone (%(zone)s). Your other Haku interviews are left "
"out automatically.": (
    "Milloin hakijat voivat varata haastattelun kanssasi, omalla aikavyöhykkeelläsi (%(zone)s). Muut "
    "Haku-haastattelusi jätetään pois automaattisesti.",
    "När kandidater kan boka intervjuer med dig, i din tidszon (%(zone)s). Dina andra intervjuer i Haku räknas "
    "bort automatiskt.",
    "Thời gian ứng viên có thể đặt lịch phỏng vấn với bạn, theo múi giờ của bạn (%(zone)s). Các buổi phỏng vấn "
    "khác của bạn trong Haku được tự động loại trừ."),
"Weekly hours": ("Viikoittaiset ajat", "Veckotider", "Giờ hằng tuần"),
"Like 09:00-12:00, 13:00-16:00. Leave a day empty when you do not interview on it.": (
    "Esimerkiksi 09:00-12:00, 13:00-16:00. Jätä päivä tyhjäksi, jos et haastattele silloin.",
    "Till exempel 09:00-12:00, 13:00-16:00. Lämna en dag tom om du inte intervjuar då.",
    "Ví dụ 09:00-12:00, 13:00-16:00. Để trống ngày bạn không phỏng vấn."),
"One a line, from - to in your time zone, like 2026-12-24 00:00 - 2026-12-27 00:00.": (
    "Yksi riville, alku - loppu omalla aikavyöhykkeelläsi, esimerkiksi 2026-12-24 00:00 - 2026-12-27 00:00.",
    "En per rad, från - till i din tidszon, till exempel 2026-12-24 00:00 - 2026-12-27 00:00.",
    "Mỗi dòng một khoảng, từ - đến theo múi giờ của bạn, ví dụ 2026-12-24 00:00 - 2026-12-27 00:00."),
"Your booked interviews that are still ahead, soonest first.": (
    "Tulevat varatut haastattelusi, lähin ensin.", "Dina kommande bokade intervjuer, den närmaste först.",
    "Các buổi phỏng vấn đã đặt sắp tới của bạn, gần nhất trước."),
"You have no weekly hours yet, so candidates cannot pick times with you. Set them under My availability.": (
    "Sinulla ei ole vielä viikoittaisia aikoja, joten hakijat eivät voi valita aikoja kanssasi. Aseta ne kohdassa "
    "Oma saatavuus.",
    "Du har inga veckotider än, så kandidater kan inte välja tider med dig. Ange dem under Min tillgänglighet.",
    "Bạn chưa có giờ hằng tuần nên ứng viên chưa thể chọn giờ với bạn. Hãy thiết lập trong Lịch rảnh của tôi."),
"No upcoming interviews.": ("Ei tulevia haastatteluja.", "Inga kommande intervjuer.",
                            "Không có buổi phỏng vấn sắp tới."),
# the candidate's scheduling page
"The interview was cancelled": ("Haastattelu on peruttu", "Intervjun är inställd", "Buổi phỏng vấn đã bị hủy"),
"We have let the interviewers know, and a calendar update is on its way to your email.": (
    "Olemme ilmoittaneet haastattelijoille, ja kalenterin päivitys on tulossa sähköpostiisi.",
    "Vi har meddelat intervjuarna, och en kalenderuppdatering är på väg till din e-post.",
    "Chúng tôi đã báo cho người phỏng vấn, và bản cập nhật lịch đang được gửi đến email của bạn."),
"This link does not work": ("Linkki ei toimi", "Länken fungerar inte", "Liên kết không hoạt động"),
"This link has expired": ("Linkki on vanhentunut", "Länken har gått ut", "Liên kết đã hết hạn"),
"Your interview": ("Haastattelusi", "Din intervju", "Buổi phỏng vấn của bạn"),
"Interview for %(job)s": ("Haastattelu: %(job)s", "Intervju för %(job)s", "Phỏng vấn vị trí %(job)s"),
"Your interview is booked:": ("Haastattelusi on varattu:", "Din intervju är bokad:", "Buổi phỏng vấn của bạn đã được đặt:"),
"A calendar invitation is on its way to your email.": ("Kalenterikutsu on tulossa sähköpostiisi.",
                                                       "En kalenderinbjudan är på väg till din e-post.",
                                                       "Lời mời lịch đang được gửi đến email của bạn."),
"Choose another time": ("Valitse toinen aika", "Välj en annan tid", "Chọn thời gian khác"),
"Cancel the interview": ("Peru haastattelu", "Avboka intervjun", "Hủy buổi phỏng vấn"),
"You can change or cancel the time until %(hours)s hours before the interview.": (
    "Voit muuttaa tai perua ajan %(hours)s tuntiin asti ennen haastattelua.",
    "Du kan ändra eller avboka tiden fram till %(hours)s timmar före intervjun.",
    "Bạn có thể đổi hoặc hủy lịch đến trước buổi phỏng vấn %(hours)s giờ."),
"Times are shown in this time zone": ("Ajat näytetään tällä aikavyöhykkeellä", "Tiderna visas i den här tidszonen",
                                      "Thời gian được hiển thị theo múi giờ này"),
"Show times": ("Näytä ajat", "Visa tider", "Xem giờ"),
"There are no free times right now. Please reply to the email you got this link with, and we will find a time "
"together.": (
    "Vapaita aikoja ei juuri nyt ole. Vastaa viestiin, jonka mukana sait tämän linkin, niin sovitaan aika yhdessä.",
    "Det finns inga lediga tider just nu. Svara på mejlet du fick länken i, så hittar vi en tid tillsammans.",
    "Hiện chưa có khung giờ trống. Vui lòng trả lời email chứa liên kết này, chúng ta sẽ cùng tìm thời gian phù hợp."),
"Pick a time: it is booked at once.": ("Valitse aika: se varataan heti.", "Välj en tid: den bokas direkt.",
                                       "Chọn một thời gian: lịch sẽ được đặt ngay."),
# the job's interview scheduling (automation)
"Choose a stage of this job.": ("Valitse jokin tämän tehtävän vaiheista.", "Välj ett steg i den här tjänsten.",
                                "Chọn một giai đoạn của vị trí này."),
"On: send the candidate a link to choose an interview time": (
    "Käytössä: lähetä hakijalle linkki haastatteluajan valitsemiseen",
    "På: skicka kandidaten en länk för att välja intervjutid",
    "Bật: gửi ứng viên liên kết để chọn thời gian phỏng vấn"),
"Interview scheduling": ("Haastattelujen ajanvaraus", "Intervjubokning", "Lên lịch phỏng vấn"),
"Interview created by the job's interview scheduling": (
    "Haastattelu luotu tehtävän ajanvarausautomaatiolla",
    "Intervjun skapad av tjänstens intervjubokning",
    "Buổi phỏng vấn được tạo bởi chức năng lên lịch phỏng vấn của vị trí"),
"— no automation —": ("— ei automaatiota —", "— ingen automatisering —", "— không tự động —"),
"Interview scheduling saved.": ("Haastattelujen ajanvaraus tallennettu.", "Intervjubokningen är sparad.",
                                "Đã lưu cài đặt lên lịch phỏng vấn."),
"When an application enters the chosen stage, Haku creates an interview and emails the candidate a link to choose "
"a time that suits every interviewer.": (
    "Kun hakemus siirtyy valittuun vaiheeseen, Haku luo haastattelun ja lähettää hakijalle linkin, josta hän voi "
    "valita kaikille haastattelijoille sopivan ajan.",
    "När en ansökan når det valda steget skapar Haku en intervju och mejlar kandidaten en länk för att välja en "
    "tid som passar alla intervjuare.",
    "Khi một hồ sơ chuyển vào giai đoạn đã chọn, Haku tạo buổi phỏng vấn và gửi email cho ứng viên liên kết để "
    "chọn thời gian phù hợp với mọi người phỏng vấn."),
}

PLURALS = {
    ("%(num)s minute", "%(num)s minutes"): (("%(num)s minuutti", "%(num)s minuuttia"),
                                            ("%(num)s minut", "%(num)s minuter"),
                                            ("%(num)s phút",)),
}
