"""Finnish, Swedish and Vietnamese for possible duplicates, the merge screen and "Split
again" (applied to the catalogues by ``python translations/candidate_strings.py``)."""

T = {
# reasons a pair is suggested
"same name and phone": ("sama nimi ja puhelinnumero", "samma namn och telefonnummer",
                        "trùng họ tên và số điện thoại"),
"same phone number": ("sama puhelinnumero", "samma telefonnummer", "trùng số điện thoại"),
"same email address": ("sama sähköpostiosoite", "samma e-postadress", "trùng địa chỉ email"),
"email differs only in case, dots or a +tag": (
    "sähköpostit eroavat vain kirjainkoon, pisteiden tai +tunnisteen osalta",
    "e-postadresserna skiljer sig bara i versaler, punkter eller en +tagg",
    "email chỉ khác nhau ở chữ hoa/thường, dấu chấm hoặc phần +tag"),
"a TopCV applicant with only a phone number": (
    "TopCV-hakija, jolta on vain puhelinnumero", "en sökande från TopCV med bara telefonnummer",
    "ứng viên TopCV chỉ có số điện thoại"),
# refusals
"Pick two different candidates: this is the same record twice.": (
    "Valitse kaksi eri hakijaa: tämä on sama tietue kahdesti.",
    "Välj två olika kandidater: det här är samma post två gånger.",
    "Hãy chọn hai ứng viên khác nhau: đây là cùng một hồ sơ được chọn hai lần."),
"One of these records no longer exists: it was merged into another record or erased meanwhile. Nothing was changed.": (
    "Toista näistä tietueista ei enää ole: se on sillä välin yhdistetty toiseen tietueeseen tai poistettu. "
    "Mitään ei muutettu.",
    "En av posterna finns inte längre: den har under tiden slagits ihop med en annan post eller raderats. "
    "Ingenting ändrades.",
    "Một trong hai hồ sơ không còn tồn tại: trong lúc đó nó đã được gộp vào hồ sơ khác hoặc đã bị xóa. "
    "Không có gì thay đổi."),
"These records changed after you opened the merge screen. Nothing was changed: check them again and confirm.": (
    "Tietueet muuttuivat sen jälkeen, kun avasit yhdistämisnäkymän. Mitään ei muutettu: tarkista ne uudelleen ja "
    "vahvista.",
    "Posterna har ändrats sedan du öppnade sammanslagningen. Ingenting ändrades: kontrollera dem igen och bekräfta.",
    "Các hồ sơ đã thay đổi sau khi bạn mở màn hình gộp. Không có gì thay đổi: hãy kiểm tra lại và xác nhận."),
"Pick each value from one of the two records.": (
    "Valitse jokainen tieto jommastakummasta tietueesta.", "Välj varje uppgift från en av de två posterna.",
    "Hãy chọn từng giá trị từ một trong hai hồ sơ."),
"This merge can no longer be split: the 30 days for undoing it are over.": (
    "Tätä yhdistämistä ei voi enää purkaa: 30 päivän peruutusaika on päättynyt.",
    "Sammanslagningen kan inte längre delas upp: de 30 dagarna för att ångra den har gått ut.",
    "Không thể tách lần gộp này nữa: đã quá 30 ngày cho phép hoàn tác."),
"This merge was already split: the records are separate. Nothing was changed.": (
    "Tämä yhdistäminen on jo purettu: tietueet ovat erillään. Mitään ei muutettu.",
    "Sammanslagningen är redan uppdelad: posterna är separata. Ingenting ändrades.",
    "Lần gộp này đã được tách: hai hồ sơ đang riêng biệt. Không có gì thay đổi."),
"That did not work. Nothing was changed.": ("Se ei onnistunut. Mitään ei muutettu.",
                                            "Det gick inte. Ingenting ändrades.",
                                            "Thao tác không thành công. Không có gì thay đổi."),
# results
"Marked as two different people.": ("Merkitty kahdeksi eri henkilöksi.", "Markerade som två olika personer.",
                                    "Đã đánh dấu là hai người khác nhau."),
"Marked as two different people: this pair is not suggested again.": (
    "Merkitty kahdeksi eri henkilöksi: tätä paria ei ehdoteta uudelleen.",
    "Markerade som två olika personer: paret föreslås inte igen.",
    "Đã đánh dấu là hai người khác nhau: cặp này sẽ không được gợi ý nữa."),
"Merged: %(name)s is one record now. You can split it again for 30 days from the application card.": (
    "Yhdistetty: %(name)s on nyt yksi tietue. Voit purkaa yhdistämisen hakemuskortilta 30 päivän ajan.",
    "Sammanslaget: %(name)s är nu en post. Du kan dela upp den igen från ansökningskortet i 30 dagar.",
    "Đã gộp: %(name)s giờ là một hồ sơ. Bạn có thể tách lại trong 30 ngày từ thẻ hồ sơ ứng tuyển."),
"Split again: %(name)s is a separate record again, with the applications it had.": (
    "Yhdistäminen purettu: %(name)s on taas erillinen tietue omine hakemuksineen.",
    "Uppdelat igen: %(name)s är en egen post igen, med sina ansökningar.",
    "Đã tách lại: %(name)s lại là một hồ sơ riêng, cùng các đơn ứng tuyển vốn có."),
"Another record of this person (candidate #%(id)s) was merged into this one": (
    "Tämän henkilön toinen tietue (hakija #%(id)s) yhdistettiin tähän",
    "En annan post för samma person (kandidat #%(id)s) slogs ihop med den här",
    "Một hồ sơ khác của người này (ứng viên #%(id)s) đã được gộp vào hồ sơ này"),
# the list and the card
"Possible duplicates": ("Mahdolliset kaksoiskappaleet", "Möjliga dubbletter", "Hồ sơ có thể trùng lặp"),
"Possible duplicate": ("Mahdollinen kaksoiskappale", "Möjlig dubblett", "Có thể trùng lặp"),
"Review": ("Tarkista", "Granska", "Xem xét"),
"Not the same person": ("Ei sama henkilö", "Inte samma person", "Không phải cùng một người"),
"Merged with %(name)s (#%(id)d) on %(date)s.": (
    "Yhdistetty tietueeseen %(name)s (#%(id)d) %(date)s.", "Sammanslagen med %(name)s (#%(id)d) %(date)s.",
    "Đã gộp với %(name)s (#%(id)d) ngày %(date)s."),
"Can be split again until %(date)s.": ("Purettavissa %(date)s asti.", "Kan delas upp igen till och med %(date)s.",
                                       "Có thể tách lại đến hết ngày %(date)s."),
"Merged records": ("Yhdistetyt tietueet", "Sammanslagna poster", "Hồ sơ đã gộp"),
"open": ("avoin", "öppen", "đang mở"),
"closed": ("suljettu", "stängd", "đã đóng"),
"waiting for a job": ("odottaa tehtävää", "väntar på en tjänst", "đang chờ gán vị trí"),
"rejected from the Pending pool": ("hylätty odottavista", "avvisad från väntande sökande",
                                   "đã bị loại khỏi danh sách chờ"),
"Split again": ("Pura yhdistäminen", "Dela upp igen", "Tách lại"),
"Pending pool": ("Odottavat hakijat", "Väntande sökande", "Ứng viên chờ xử lý"),
"No applications": ("Ei hakemuksia", "Inga ansökningar", "Chưa có đơn ứng tuyển"),
"Applications": ("Hakemukset", "Ansökningar", "Đơn ứng tuyển"),
"Records that may be the same person. Haku never joins them by itself: review each pair, merge it or mark it as two different people.": (
    "Tietueet, jotka voivat olla sama henkilö. Haku ei koskaan yhdistä niitä itse: tarkista jokainen pari ja "
    "yhdistä se tai merkitse kahdeksi eri henkilöksi.",
    "Poster som kan vara samma person. Haku slår aldrig ihop dem på egen hand: granska varje par och slå ihop det "
    "eller markera det som två olika personer.",
    "Các hồ sơ có thể là cùng một người. Haku không bao giờ tự gộp: hãy xem xét từng cặp, gộp lại hoặc đánh dấu "
    "là hai người khác nhau."),
"Review and merge": ("Tarkista ja yhdistä", "Granska och slå ihop", "Xem xét và gộp"),
"Pages": ("Sivut", "Sidor", "Trang"),
"Previous": ("Edellinen", "Föregående", "Trước"),
"Next": ("Seuraava", "Nästa", "Tiếp"),
"No possible duplicates: no two records share a phone number or an email address.": (
    "Ei mahdollisia kaksoiskappaleita: millään kahdella tietueella ei ole samaa puhelinnumeroa tai "
    "sähköpostiosoitetta.",
    "Inga möjliga dubbletter: inga två poster har samma telefonnummer eller e-postadress.",
    "Không có hồ sơ nào có thể trùng lặp: không có hai hồ sơ nào dùng chung số điện thoại hoặc địa chỉ email."),
# the merge screen
"Merge records": ("Yhdistä tietueet", "Slå ihop posterna", "Gộp hồ sơ"),
"Back to the application": ("Takaisin hakemukseen", "Tillbaka till ansökan", "Quay lại đơn ứng tuyển"),
"Merge two records of one person?": ("Yhdistetäänkö saman henkilön kaksi tietuetta?",
                                     "Slå ihop två poster för samma person?",
                                     "Gộp hai hồ sơ của cùng một người?"),
"Why they were suggested: %(reasons)s.": ("Miksi niitä ehdotettiin: %(reasons)s.",
                                          "Varför de föreslogs: %(reasons)s.",
                                          "Lý do được gợi ý: %(reasons)s."),
"Check that both records are the same person. Pick the value to keep for each field; the applications of both records are kept.": (
    "Varmista, että molemmat tietueet ovat sama henkilö. Valitse kullekin kentälle säilytettävä tieto; "
    "molempien tietueiden hakemukset säilyvät.",
    "Kontrollera att båda posterna är samma person. Välj vilket värde som ska behållas för varje fält; "
    "ansökningarna från båda posterna behålls.",
    "Hãy kiểm tra rằng hai hồ sơ là cùng một người. Chọn giá trị giữ lại cho từng trường; đơn ứng tuyển của cả "
    "hai hồ sơ đều được giữ."),
"Values to keep": ("Säilytettävät tiedot", "Värden att behålla", "Giá trị giữ lại"),
"Record #%(id)d": ("Tietue #%(id)d", "Post #%(id)d", "Hồ sơ #%(id)d"),
"created %(date)s": ("luotu %(date)s", "skapad %(date)s", "tạo ngày %(date)s"),
"Name": ("Nimi", "Namn", "Họ tên"),
"Phone": ("Puhelin", "Telefon", "Điện thoại"),
"Pick one of the two values.": ("Valitse toinen kahdesta tiedosta.", "Välj ett av de två värdena.",
                                "Hãy chọn một trong hai giá trị."),
"Applications, files, study records and assessments": (
    "Hakemukset, tiedostot, opintosuoritukset ja arvioinnit", "Ansökningar, filer, studieresultat och tester",
    "Đơn ứng tuyển, tệp, kết quả học tập và bài đánh giá"),
"CV": ("CV", "CV", "CV"),
"EMREX": ("EMREX", "EMREX", "EMREX"),
"Assessment": ("Arviointi", "Test", "Bài đánh giá"),
"Both records have an open application for the same job:": (
    "Molemmilla tietueilla on avoin hakemus samaan tehtävään:",
    "Båda posterna har en öppen ansökan till samma tjänst:",
    "Cả hai hồ sơ đều có đơn ứng tuyển đang mở cho cùng một vị trí:"),
"Both applications are kept after the merge, so this person will have two open applications there. Close the one you do not need on its card.": (
    "Molemmat hakemukset säilyvät yhdistämisen jälkeen, joten henkilöllä on kaksi avointa hakemusta tähän "
    "tehtävään. Sulje tarpeeton hakemus sen kortilta.",
    "Båda ansökningarna behålls efter sammanslagningen, så personen får två öppna ansökningar till tjänsten. "
    "Stäng den du inte behöver på dess kort.",
    "Cả hai đơn đều được giữ sau khi gộp, nên người này sẽ có hai đơn đang mở cho vị trí đó. Hãy đóng đơn không "
    "cần thiết trên thẻ của nó."),
"Record #%(id)d was itself made from a merge that can still be split. Merging it now makes that earlier merge final.": (
    "Tietue #%(id)d on itse syntynyt yhdistämisestä, jonka voi vielä purkaa. Jos yhdistät sen nyt, aiemmasta "
    "yhdistämisestä tulee pysyvä.",
    "Post #%(id)d skapades själv genom en sammanslagning som fortfarande kan delas upp. Slår du ihop den nu blir "
    "den tidigare sammanslagningen slutgiltig.",
    "Hồ sơ #%(id)d được tạo từ một lần gộp vẫn còn có thể tách. Gộp nó bây giờ sẽ khiến lần gộp trước trở thành "
    "vĩnh viễn."),
"Record #%(keep)d stays and takes the values picked above; record #%(gone)d is removed and its applications move to #%(keep)d, with their timelines, notes, files, study records, assessments and emails. You can split the records again from the application card for 30 days.": (
    "Tietue #%(keep)d säilyy ja saa yllä valitut tiedot; tietue #%(gone)d poistetaan ja sen hakemukset siirtyvät "
    "tietueeseen #%(keep)d aikajanoineen, muistiinpanoineen, tiedostoineen, opintosuorituksineen, arviointeineen "
    "ja sähköposteineen. Voit purkaa yhdistämisen hakemuskortilta 30 päivän ajan.",
    "Post #%(keep)d blir kvar och får värdena som valts ovan; post #%(gone)d tas bort och dess ansökningar flyttas "
    "till #%(keep)d, med tidslinjer, anteckningar, filer, studieresultat, tester och e-post. Du kan dela upp "
    "posterna igen från ansökningskortet i 30 dagar.",
    "Hồ sơ #%(keep)d được giữ lại với các giá trị đã chọn ở trên; hồ sơ #%(gone)d bị xóa và các đơn ứng tuyển của "
    "nó chuyển sang #%(keep)d, kèm dòng thời gian, ghi chú, tệp, kết quả học tập, bài đánh giá và email. Bạn có "
    "thể tách lại từ thẻ hồ sơ ứng tuyển trong 30 ngày."),
"Cancel": ("Peruuta", "Avbryt", "Hủy"),
"Open the remaining record": ("Avaa jäljelle jäänyt tietue", "Öppna den kvarvarande posten",
                              "Mở hồ sơ còn lại"),
"Back to possible duplicates": ("Takaisin mahdollisiin kaksoiskappaleisiin", "Tillbaka till möjliga dubbletter",
                                "Quay lại danh sách hồ sơ có thể trùng lặp"),
}
