"""Finnish, Swedish and Vietnamese for the EMREX invite link after its request ended (records
received, declined with a change of mind, expired), the refused return (too large, wrong content
type, another attempt's address) and the recruiter's timeline line for a reopened request
(issue 12 §6). Applied to the catalogues by ``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- the link after the end
"Study records received": ("Opintotiedot vastaanotettu", "Studieresultat mottagna", "Đã nhận kết quả học tập"),
"Your study records were received on %(date)s": (
    "Opintotietosi vastaanotettiin %(date)s", "Dina studieresultat togs emot den %(date)s",
    "Kết quả học tập của bạn đã được nhận vào ngày %(date)s"),
"%(company)s has the records your university sent for %(job)s. There is nothing more to do.": (
    "%(company)s on saanut korkeakoulusi lähettämät tiedot tehtävää %(job)s varten. Sinun ei tarvitse tehdä muuta.",
    "%(company)s har fått resultaten som ditt lärosäte skickade för %(job)s. Du behöver inte göra något mer.",
    "%(company)s đã nhận được kết quả trường của bạn gửi cho vị trí %(job)s. Bạn không cần làm gì thêm."),
"You chose not to share study records": (
    "Päätit olla jakamatta opintotietojasi", "Du valde att inte dela studieresultat",
    "Bạn đã chọn không chia sẻ kết quả học tập"),
"%(company)s will not receive study records from you for %(job)s and does not send reminders. Your application stays as it is.": (
    "%(company)s ei saa sinulta opintotietoja tehtävään %(job)s eikä lähetä muistutuksia. Hakemuksesi pysyy "
    "ennallaan.",
    "%(company)s får inga studieresultat från dig för %(job)s och skickar inga påminnelser. Din ansökan påverkas "
    "inte.",
    "%(company)s sẽ không nhận kết quả học tập của bạn cho vị trí %(job)s và không gửi nhắc nhở. Hồ sơ ứng tuyển "
    "của bạn vẫn giữ nguyên."),
"Changed your mind?": ("Muutitko mielesi?", "Har du ändrat dig?", "Bạn đã đổi ý?"),
"You can still share your records from your university until %(date)s.": (
    "Voit vielä jakaa opintotietosi korkeakoulustasi %(date)s asti.",
    "Du kan fortfarande dela dina resultat från ditt lärosäte till och med %(date)s.",
    "Bạn vẫn có thể chia sẻ kết quả học tập từ trường của mình đến hết ngày %(date)s."),
"Share my records after all": ("Jaan tietoni sittenkin", "Dela mina resultat ändå",
                               "Tôi vẫn muốn chia sẻ kết quả"),
"%(company)s has sent you a newer request. Please use the link in the most recent email.": (
    "%(company)s on lähettänyt sinulle uudemman pyynnön. Käytä viimeisimmän sähköpostin linkkiä.",
    "%(company)s har skickat en nyare förfrågan till dig. Använd länken i det senaste e-postmeddelandet.",
    "%(company)s đã gửi cho bạn một yêu cầu mới hơn. Vui lòng dùng đường liên kết trong email gần nhất."),
"This request has expired, so it can no longer be changed. If you want to share your records now, contact %(company)s and ask for a new link.": (
    "Pyyntö on vanhentunut, joten sitä ei voi enää muuttaa. Jos haluat nyt jakaa opintotietosi, ota yhteyttä "
    "yritykseen %(company)s ja pyydä uusi linkki.",
    "Förfrågan har gått ut och kan inte längre ändras. Om du vill dela dina resultat nu, kontakta %(company)s "
    "och be om en ny länk.",
    "Yêu cầu này đã hết hạn nên không thể thay đổi nữa. Nếu bây giờ bạn muốn chia sẻ kết quả, hãy liên hệ "
    "%(company)s và đề nghị gửi đường liên kết mới."),
"This request has expired": ("Pyyntö on vanhentunut", "Förfrågan har gått ut", "Yêu cầu đã hết hạn"),
"This request for study records has expired": (
    "Tämä opintotietopyyntö on vanhentunut", "Den här förfrågan om studieresultat har gått ut",
    "Yêu cầu kết quả học tập này đã hết hạn"),
"The link could be used for 44 days. That time is over, so it no longer opens your university. Nothing was shared.": (
    "Linkkiä sai käyttää 44 päivän ajan. Aika on kulunut, joten linkki ei enää vie korkeakouluusi. Mitään ei "
    "jaettu.",
    "Länken kunde användas i 44 dagar. Den tiden är slut, så den leder inte längre till ditt lärosäte. Inget "
    "delades.",
    "Đường liên kết chỉ dùng được trong 44 ngày. Thời hạn đã hết nên nó không còn mở trang của trường bạn. Chưa "
    "có gì được chia sẻ."),
"If you still want to share your study records for %(job)s, contact %(company)s and ask them to send you a new link. It comes to the email address you applied with.": (
    "Jos haluat yhä jakaa opintotietosi tehtävää %(job)s varten, ota yhteyttä yritykseen %(company)s ja pyydä "
    "lähettämään sinulle uusi linkki. Se tulee sähköpostiosoitteeseen, jolla hait.",
    "Om du fortfarande vill dela dina studieresultat för %(job)s, kontakta %(company)s och be dem skicka en ny "
    "länk till dig. Den kommer till e-postadressen du sökte med.",
    "Nếu bạn vẫn muốn chia sẻ kết quả học tập cho vị trí %(job)s, hãy liên hệ %(company)s và đề nghị gửi cho bạn "
    "đường liên kết mới. Đường liên kết sẽ được gửi đến địa chỉ email bạn đã dùng để ứng tuyển."),
# ---------------------------------------------------------------- a refused return
"The records could not be received": ("Tietoja ei voitu vastaanottaa", "Resultaten kunde inte tas emot",
                                      "Không thể nhận kết quả"),
"What your university sent was too large for us to accept, so nothing was stored.": (
    "Korkeakoulusi lähettämät tiedot olivat liian suuret vastaanotettaviksi, joten mitään ei tallennettu.",
    "Det som ditt lärosäte skickade var för stort för att tas emot, så inget sparades.",
    "Dữ liệu trường của bạn gửi quá lớn nên chúng tôi không thể nhận, chưa có gì được lưu."),
"If it happens again, choose fewer results at your university.": (
    "Jos näin käy uudelleen, valitse korkeakoulusi palvelussa vähemmän suorituksia.",
    "Om det händer igen, välj färre resultat hos ditt lärosäte.",
    "Nếu lỗi này lặp lại, hãy chọn ít kết quả hơn tại trang của trường."),
"What your university sent was not in the expected format, so nothing was stored.": (
    "Korkeakoulusi lähettämät tiedot eivät olleet odotetussa muodossa, joten mitään ei tallennettu.",
    "Det som ditt lärosäte skickade hade inte det väntade formatet, så inget sparades.",
    "Dữ liệu trường của bạn gửi không đúng định dạng mong đợi, nên chưa có gì được lưu."),
"What arrived did not belong to this transfer, so nothing was stored.": (
    "Saapuneet tiedot eivät kuuluneet tähän siirtoon, joten mitään ei tallennettu.",
    "Det som kom fram hörde inte till den här överföringen, så inget sparades.",
    "Dữ liệu nhận được không thuộc lần chuyển này, nên chưa có gì được lưu."),
"Please choose a university again, or try again later with the link in your email.": (
    "Valitse korkeakoulu uudelleen tai yritä myöhemmin uudelleen sähköpostisi linkillä.",
    "Välj lärosäte igen, eller försök senare med länken i ditt e-postmeddelande.",
    "Vui lòng chọn lại trường, hoặc thử lại sau bằng đường liên kết trong email."),
# ---------------------------------------------------------------- the recruiter's timeline
"The candidate changed their mind and reopened the EMREX request": (
    "Hakija muutti mielensä ja avasi EMREX-pyynnön uudelleen",
    "Kandidaten ändrade sig och öppnade EMREX-förfrågan igen",
    "Ứng viên đã đổi ý và mở lại yêu cầu EMREX"),
}
