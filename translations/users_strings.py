"""Finnish, Swedish and Vietnamese for the user lifecycle: Settings → Users, invitations,
"Forgot password", the set-password page and the staff company page (applied to the
catalogues by ``python translations/candidate_strings.py``)."""

T = {
# ---------------------------------------------------------------- sign-in and password pages
"Log in to Haku": ("Kirjaudu Hakuun", "Logga in i Haku", "Đăng nhập vào Haku"),
"Password": ("Salasana", "Lösenord", "Mật khẩu"),
"Forgot your password?": ("Unohditko salasanasi?", "Glömt lösenordet?", "Quên mật khẩu?"),
"Enter the email address of your Haku account. We will send you a link to choose a new password.": (
    "Anna Haku-tilisi sähköpostiosoite. Lähetämme sinulle linkin, jolla voit valita uuden salasanan.",
    "Ange e-postadressen till ditt Haku-konto. Vi skickar en länk där du kan välja ett nytt lösenord.",
    "Nhập địa chỉ email của tài khoản Haku. Chúng tôi sẽ gửi cho bạn một liên kết để đặt mật khẩu mới."),
"Send the link": ("Lähetä linkki", "Skicka länken", "Gửi liên kết"),
"Back to sign-in": ("Takaisin kirjautumiseen", "Tillbaka till inloggningen", "Quay lại trang đăng nhập"),
"If an account uses this address, we have sent it a link to choose a new password. The link works once and for 1 "
"hour. Check your spam folder if nothing arrives in a few minutes.": (
    "Jos osoitteella on tili, lähetimme siihen linkin uuden salasanan valitsemiseen. Linkki toimii kerran ja on "
    "voimassa tunnin. Jos viestiä ei kuulu muutamassa minuutissa, katso myös roskapostikansio.",
    "Om ett konto använder adressen har vi skickat en länk för att välja ett nytt lösenord. Länken fungerar en gång "
    "och gäller i en timme. Titta i skräpposten om inget har kommit inom några minuter.",
    "Nếu có tài khoản dùng địa chỉ này, chúng tôi đã gửi tới đó một liên kết để đặt mật khẩu mới. Liên kết chỉ dùng "
    "được một lần và có hiệu lực trong 1 giờ. Nếu sau vài phút vẫn chưa nhận được, hãy kiểm tra thư mục thư rác."),
"Choose your password": ("Valitse salasanasi", "Välj ditt lösenord", "Đặt mật khẩu của bạn"),
"Choose a new password": ("Valitse uusi salasana", "Välj ett nytt lösenord", "Đặt mật khẩu mới"),
"Welcome to Haku": ("Tervetuloa Hakuun", "Välkommen till Haku", "Chào mừng bạn đến với Haku"),
"Choose a password for your account at %(company)s.": (
    "Valitse salasana tilillesi organisaatiossa %(company)s.",
    "Välj ett lösenord för ditt konto hos %(company)s.",
    "Hãy đặt mật khẩu cho tài khoản của bạn tại %(company)s."),
"New password": ("Uusi salasana", "Nytt lösenord", "Mật khẩu mới"),
"New password again": ("Uusi salasana uudelleen", "Nytt lösenord igen", "Nhập lại mật khẩu mới"),
"At least 8 characters; a few unrelated words make a strong, memorable password.": (
    "Vähintään 8 merkkiä. Muutama toisiinsa liittymätön sana on vahva ja helppo muistaa.",
    "Minst 8 tecken. Några ord som inte hör ihop blir ett starkt lösenord som är lätt att minnas.",
    "Ít nhất 8 ký tự; ghép vài từ không liên quan với nhau sẽ tạo thành mật khẩu mạnh và dễ nhớ."),
"Save the password": ("Tallenna salasana", "Spara lösenordet", "Lưu mật khẩu"),
"The two passwords are not the same.": ("Salasanat eivät ole samat.", "Lösenorden är inte likadana.",
                                        "Hai mật khẩu không khớp nhau."),
"Use at least 8 characters (15 or more is better).": (
    "Käytä vähintään 8 merkkiä (15 tai enemmän on parempi).", "Använd minst 8 tecken (15 eller fler är bättre).",
    "Hãy dùng ít nhất 8 ký tự (từ 15 ký tự trở lên thì tốt hơn)."),
"Use at most 128 characters.": ("Käytä enintään 128 merkkiä.", "Använd högst 128 tecken.",
                                "Hãy dùng tối đa 128 ký tự."),
"This password is too common. Please choose another.": (
    "Tämä salasana on liian yleinen. Valitse toinen.", "Lösenordet är för vanligt. Välj ett annat.",
    "Mật khẩu này quá phổ biến. Vui lòng chọn mật khẩu khác."),
"The password cannot be your email address.": (
    "Salasana ei voi olla sähköpostiosoitteesi.", "Lösenordet får inte vara din e-postadress.",
    "Mật khẩu không được trùng với địa chỉ email của bạn."),
"Your password is set. Sign in with your email address and the new password.": (
    "Salasana on asetettu. Kirjaudu sähköpostiosoitteellasi ja uudella salasanalla.",
    "Lösenordet är sparat. Logga in med din e-postadress och det nya lösenordet.",
    "Đã đặt mật khẩu. Hãy đăng nhập bằng địa chỉ email và mật khẩu mới."),
"This link no longer works": ("Linkki ei enää toimi", "Länken fungerar inte längre", "Liên kết này không còn hiệu lực"),
"Links to set a password work once and for a limited time, and only the newest one sent to you works. If your "
"account was disabled, the link does not work either.": (
    "Salasanalinkit toimivat kerran ja rajoitetun ajan, ja vain uusin sinulle lähetetty linkki on voimassa. Linkki "
    "ei toimi myöskään, jos tilisi on poistettu käytöstä.",
    "Länkar för att välja lösenord fungerar en gång och under begränsad tid, och bara den senaste som skickats till "
    "dig gäller. Om ditt konto har inaktiverats fungerar länken inte heller.",
    "Liên kết đặt mật khẩu chỉ dùng được một lần trong thời gian giới hạn, và chỉ liên kết mới nhất gửi cho bạn còn "
    "hiệu lực. Nếu tài khoản của bạn đã bị vô hiệu hóa, liên kết cũng không dùng được."),
"Ask your company admin for a new invitation, or ask for a new password-reset link.": (
    "Pyydä organisaatiosi pääkäyttäjältä uusi kutsu tai tilaa uusi salasanan vaihtolinkki.",
    "Be din organisations administratör om en ny inbjudan, eller begär en ny länk för att återställa lösenordet.",
    "Hãy nhờ quản trị viên của công ty gửi lời mời mới, hoặc yêu cầu liên kết đặt lại mật khẩu mới."),
"Get a new password-reset link": ("Tilaa uusi salasanan vaihtolinkki", "Begär en ny återställningslänk",
                                  "Nhận liên kết đặt lại mật khẩu mới"),
"This link is not valid: it has been used, it has expired or a newer one was sent.": (
    "Linkki ei kelpaa: se on jo käytetty, se on vanhentunut tai sen jälkeen on lähetetty uudempi.",
    "Länken är inte giltig: den har redan använts, har gått ut eller så har en nyare skickats.",
    "Liên kết không hợp lệ: đã được sử dụng, đã hết hạn hoặc đã có liên kết mới hơn được gửi."),

# ---------------------------------------------------------------- Settings → Users
"Users": ("Käyttäjät", "Användare", "Người dùng"),
"Team": ("Tiimi", "Team", "Nhóm"),
"Name": ("Nimi", "Namn", "Tên"),
"Role": ("Rooli", "Roll", "Vai trò"),
"Status": ("Tila", "Status", "Trạng thái"),
"Actions": ("Toiminnot", "Åtgärder", "Thao tác"),
"Manage": ("Hallinnoi", "Hantera", "Quản lý"),
"Recruiter": ("Rekrytoija", "Rekryterare", "Chuyên viên tuyển dụng"),
"Company admin": ("Pääkäyttäjä", "Administratör", "Quản trị viên công ty"),
"Invited": ("Kutsuttu", "Inbjuden", "Đã mời"),
"Active": ("Aktiivinen", "Aktiv", "Đang hoạt động"),
"Disabled": ("Poistettu käytöstä", "Inaktiverad", "Đã vô hiệu hóa"),
"Last sign-in": ("Viimeksi kirjautunut", "Senaste inloggning", "Đăng nhập lần cuối"),
"you": ("sinä", "du", "bạn"),
"Invite your team, change roles, and disable the accounts of people who have left. Every change signs the person "
"out and is recorded in the audit log.": (
    "Kutsu tiimisi, vaihda rooleja ja poista lähteneiden henkilöiden tilit käytöstä. Jokainen muutos kirjaa "
    "henkilön ulos ja tallentuu tapahtumalokiin.",
    "Bjud in ditt team, ändra roller och inaktivera konton för personer som har slutat. Varje ändring loggar ut "
    "personen och sparas i granskningsloggen.",
    "Mời thành viên nhóm, đổi vai trò và vô hiệu hóa tài khoản của người đã nghỉ việc. Mỗi thay đổi sẽ đăng xuất "
    "người đó và được ghi vào nhật ký kiểm tra."),
"Resend invitation": ("Lähetä kutsu uudelleen", "Skicka inbjudan igen", "Gửi lại lời mời"),
"Revoke invitation": ("Peru kutsu", "Återkalla inbjudan", "Thu hồi lời mời"),
"Make recruiter": ("Muuta rekrytoijaksi", "Gör till rekryterare", "Chuyển thành chuyên viên tuyển dụng"),
"Make admin": ("Muuta pääkäyttäjäksi", "Gör till administratör", "Chuyển thành quản trị viên"),
"Send password-reset link": ("Lähetä salasanan vaihtolinkki", "Skicka länk för att återställa lösenordet",
                             "Gửi liên kết đặt lại mật khẩu"),
"Disable": ("Poista käytöstä", "Inaktivera", "Vô hiệu hóa"),
"Re-enable": ("Ota takaisin käyttöön", "Aktivera igen", "Kích hoạt lại"),
"Invite again": ("Kutsu uudelleen", "Bjud in igen", "Mời lại"),
"You are the only user so far. Invite your colleagues with the form: they get an email link to choose their own "
"password.": (
    "Olet toistaiseksi ainoa käyttäjä. Kutsu kollegasi lomakkeella: he saavat sähköpostiin linkin, jolla valitsevat "
    "oman salasanansa.",
    "Du är den enda användaren hittills. Bjud in dina kolleger med formuläret: de får en länk via e-post där de "
    "väljer sitt eget lösenord.",
    "Hiện bạn là người dùng duy nhất. Hãy mời đồng nghiệp bằng biểu mẫu: họ sẽ nhận được liên kết qua email để tự "
    "đặt mật khẩu."),
"Invite a user": ("Kutsu käyttäjä", "Bjud in en användare", "Mời người dùng"),
"They get an email with a link to choose their password. The link works once and for 7 days.": (
    "Hän saa sähköpostiin linkin, jolla valitsee salasanansa. Linkki toimii kerran ja on voimassa 7 päivää.",
    "Personen får ett mejl med en länk för att välja lösenord. Länken fungerar en gång och gäller i 7 dagar.",
    "Người được mời sẽ nhận email có liên kết để đặt mật khẩu. Liên kết chỉ dùng được một lần, trong 7 ngày."),
"Language of the invitation": ("Kutsun kieli", "Inbjudans språk", "Ngôn ngữ của lời mời"),
"Send invitation": ("Lähetä kutsu", "Skicka inbjudan", "Gửi lời mời"),
"Invitation sent to %(email)s.": ("Kutsu lähetetty osoitteeseen %(email)s.", "Inbjudan skickad till %(email)s.",
                                  "Đã gửi lời mời tới %(email)s."),
"%(name)s is disabled and signed out everywhere.": (
    "%(name)s on poistettu käytöstä ja kirjattu ulos kaikkialta.",
    "%(name)s är inaktiverad och utloggad överallt.",
    "Đã vô hiệu hóa %(name)s và đăng xuất khỏi mọi phiên."),
"%(name)s can sign in again.": ("%(name)s voi taas kirjautua.", "%(name)s kan logga in igen.",
                                "%(name)s có thể đăng nhập lại."),
"The role of %(name)s is changed; their open sessions were ended.": (
    "Käyttäjän %(name)s rooli on vaihdettu, ja hänen avoimet istuntonsa päätettiin.",
    "Rollen för %(name)s är ändrad och personens öppna sessioner avslutades.",
    "Đã đổi vai trò của %(name)s; các phiên đăng nhập đang mở của họ đã kết thúc."),
"A password-reset link is on its way to %(name)s.": (
    "Salasanan vaihtolinkki on matkalla käyttäjälle %(name)s.",
    "En länk för att återställa lösenordet är på väg till %(name)s.",
    "Liên kết đặt lại mật khẩu đang được gửi tới %(name)s."),
"A new invitation is on its way to %(name)s; the old link no longer works.": (
    "Uusi kutsu on matkalla käyttäjälle %(name)s. Vanha linkki ei enää toimi.",
    "En ny inbjudan är på väg till %(name)s. Den gamla länken fungerar inte längre.",
    "Lời mời mới đang được gửi tới %(name)s; liên kết cũ không còn hiệu lực."),
"The invitation of %(name)s is revoked.": ("Käyttäjän %(name)s kutsu on peruttu.",
                                           "Inbjudan till %(name)s är återkallad.",
                                           "Đã thu hồi lời mời của %(name)s."),
"A user with this email address already exists.": (
    "Tällä sähköpostiosoitteella on jo käyttäjä.", "Det finns redan en användare med den här e-postadressen.",
    "Đã có người dùng với địa chỉ email này."),
"Pick company admin or recruiter.": ("Valitse pääkäyttäjä tai rekrytoija.", "Välj administratör eller rekryterare.",
                                     "Hãy chọn quản trị viên công ty hoặc chuyên viên tuyển dụng."),
"The company needs at least one active admin. Make someone else an admin first.": (
    "Organisaatiolla on oltava ainakin yksi aktiivinen pääkäyttäjä. Tee ensin joku toinen pääkäyttäjäksi.",
    "Organisationen måste ha minst en aktiv administratör. Gör någon annan till administratör först.",
    "Công ty cần có ít nhất một quản trị viên đang hoạt động. Hãy chỉ định người khác làm quản trị viên trước."),
"This user has already accepted the invitation.": (
    "Käyttäjä on jo hyväksynyt kutsun.", "Användaren har redan tackat ja till inbjudan.",
    "Người dùng này đã chấp nhận lời mời."),
"Only an active user can get a password-reset link. Re-enable the user or resend the invitation.": (
    "Vain aktiiviselle käyttäjälle voi lähettää salasanan vaihtolinkin. Ota käyttäjä takaisin käyttöön tai lähetä "
    "kutsu uudelleen.",
    "Bara en aktiv användare kan få en länk för att återställa lösenordet. Aktivera användaren igen eller skicka "
    "inbjudan på nytt.",
    "Chỉ người dùng đang hoạt động mới nhận được liên kết đặt lại mật khẩu. Hãy kích hoạt lại người dùng hoặc gửi "
    "lại lời mời."),

# ---------------------------------------------------------------- staff
"Default language": ("Oletuskieli", "Standardspråk", "Ngôn ngữ mặc định"),
"First admin's name": ("Ensimmäisen pääkäyttäjän nimi", "Första administratörens namn",
                       "Tên quản trị viên đầu tiên"),
"First admin's email": ("Ensimmäisen pääkäyttäjän sähköposti", "Första administratörens e-post",
                        "Email của quản trị viên đầu tiên"),
"First company admin": ("Ensimmäinen pääkäyttäjä", "Första administratören", "Quản trị viên đầu tiên của công ty"),
"We email them an invitation with a link to choose their own password (it works once and for 7 days), in the "
"company's default language.": (
    "Lähetämme hänelle sähköpostikutsun, jonka linkillä hän valitsee oman salasanansa (linkki toimii kerran ja on "
    "voimassa 7 päivää). Kutsu lähetetään organisaation oletuskielellä.",
    "Vi mejlar en inbjudan med en länk där personen väljer sitt eget lösenord (den fungerar en gång och gäller i 7 "
    "dagar), på organisationens standardspråk.",
    "Chúng tôi sẽ gửi email mời kèm liên kết để họ tự đặt mật khẩu (dùng được một lần, trong 7 ngày), bằng ngôn ngữ "
    "mặc định của công ty."),
"Company %(name)s created; the invitation is on its way to %(email)s.": (
    "Organisaatio %(name)s luotu. Kutsu on matkalla osoitteeseen %(email)s.",
    "Organisationen %(name)s är skapad. Inbjudan är på väg till %(email)s.",
    "Đã tạo công ty %(name)s; lời mời đang được gửi tới %(email)s."),
"Invite a company admin": ("Kutsu pääkäyttäjä", "Bjud in en administratör", "Mời quản trị viên công ty"),
"No users yet.": ("Ei vielä käyttäjiä.", "Inga användare än.", "Chưa có người dùng nào."),
"Staff manage company admins; the company's admins manage its recruiters.": (
    "Ylläpito hallinnoi organisaatioiden pääkäyttäjiä; pääkäyttäjät hallinnoivat rekrytoijia.",
    "Plattformsteamet hanterar administratörerna; organisationens administratörer hanterar dess rekryterare.",
    "Nhân viên nền tảng quản lý quản trị viên công ty; quản trị viên công ty quản lý chuyên viên tuyển dụng của họ."),

# ---------------------------------------------------------------- audit log
"Invited a user": ("Kutsui käyttäjän", "Bjöd in en användare", "Đã mời người dùng"),
"Resent an invitation": ("Lähetti kutsun uudelleen", "Skickade en inbjudan igen", "Đã gửi lại lời mời"),
"Revoked an invitation": ("Perui kutsun", "Återkallade en inbjudan", "Đã thu hồi lời mời"),
"Accepted an invitation": ("Hyväksyi kutsun", "Tackade ja till en inbjudan", "Đã chấp nhận lời mời"),
"Disabled a user": ("Poisti käyttäjän käytöstä", "Inaktiverade en användare", "Đã vô hiệu hóa người dùng"),
"Re-enabled a user": ("Otti käyttäjän takaisin käyttöön", "Aktiverade en användare igen",
                      "Đã kích hoạt lại người dùng"),
"Changed a user's role": ("Vaihtoi käyttäjän roolin", "Ändrade en användares roll", "Đã đổi vai trò người dùng"),
"Sent a password-reset link": ("Lähetti salasanan vaihtolinkin", "Skickade en länk för lösenordsåterställning",
                               "Đã gửi liên kết đặt lại mật khẩu"),
"Asked for a password-reset link": ("Pyysi salasanan vaihtolinkkiä", "Begärde en länk för lösenordsåterställning",
                                    "Đã yêu cầu liên kết đặt lại mật khẩu"),
"Reset a password": ("Vaihtoi salasanan linkillä", "Återställde ett lösenord", "Đã đặt lại mật khẩu"),
}
