"""Finnish, Swedish and Vietnamese for two-factor sign-in (the code step of the login,
enrolment, recovery codes, the company requirement and its audit lines). Applied to the
catalogues by ``python translations/candidate_strings.py`` with every other ``*_strings.py``.

Words used throughout: two-factor sign-in = kaksivaiheinen tunnistautuminen /
tvåstegsverifiering / xác minh hai bước; authenticator app = todennussovellus /
autentiseringsapp / ứng dụng xác thực; recovery code = varakoodi / reservkod / mã dự phòng."""

T = {
# errors (app/admin/views/twofactor.py)
"That code is not right. Check that the time on your phone is set automatically, then try the newest code.": (
    "Koodi ei ole oikein. Tarkista, että puhelimesi kellonaika asetetaan automaattisesti, ja kokeile uusinta "
    "koodia.",
    "Koden stämmer inte. Kontrollera att tiden i telefonen ställs in automatiskt och försök sedan med den "
    "senaste koden.",
    "Mã không đúng. Hãy kiểm tra điện thoại đã đặt giờ tự động chưa, rồi thử mã mới nhất."),
"That code was already used. Wait for the next code in your app.": (
    "Tämä koodi on jo käytetty. Odota, että sovellus näyttää seuraavan koodin.",
    "Den koden har redan använts. Vänta på nästa kod i appen.",
    "Mã này đã được dùng. Hãy đợi mã tiếp theo trong ứng dụng."),
"That recovery code was already used. Each recovery code works once.": (
    "Tämä varakoodi on jo käytetty. Kukin varakoodi toimii vain kerran.",
    "Den reservkoden har redan använts. Varje reservkod fungerar bara en gång.",
    "Mã dự phòng này đã được dùng. Mỗi mã dự phòng chỉ dùng được một lần."),
"The setup was restarted or finished elsewhere. Please start again.": (
    "Käyttöönotto aloitettiin uudelleen tai saatiin valmiiksi muualla. Aloita alusta.",
    "Konfigurationen startades om eller slutfördes någon annanstans. Börja om.",
    "Quá trình thiết lập đã được bắt đầu lại hoặc hoàn tất ở nơi khác. Vui lòng bắt đầu lại."),
"Two-factor sign-in is not on for your account.": (
    "Kaksivaiheinen tunnistautuminen ei ole käytössä tililläsi.",
    "Tvåstegsverifiering är inte aktiverad för ditt konto.",
    "Tài khoản của bạn chưa bật xác minh hai bước."),
"Two-factor sign-in is required for your account, so it cannot be turned off. You can move it to a new phone instead.": (
    "Tililläsi on oltava kaksivaiheinen tunnistautuminen, joten sitä ei voi poistaa käytöstä. Voit kuitenkin "
    "siirtää sen uuteen puhelimeen.",
    "Tvåstegsverifiering krävs för ditt konto och kan därför inte stängas av. Du kan flytta den till en ny "
    "telefon i stället.",
    "Tài khoản của bạn bắt buộc dùng xác minh hai bước nên không thể tắt. Bạn có thể chuyển sang điện thoại mới."),
"That is neither your password nor a current code from your app.": (
    "Tämä ei ole salasanasi eikä sovelluksen voimassa oleva koodi.",
    "Det är varken ditt lösenord eller en giltig kod från appen.",
    "Đây không phải mật khẩu của bạn, cũng không phải mã hiện tại trong ứng dụng."),
"Set up two-factor sign-in for your own account first.": (
    "Ota ensin kaksivaiheinen tunnistautuminen käyttöön omalla tililläsi.",
    "Aktivera först tvåstegsverifiering för ditt eget konto.",
    "Hãy thiết lập xác minh hai bước cho tài khoản của chính bạn trước."),
"Your sign-in took too long or was not started here. Please log in again.": (
    "Kirjautuminen kesti liian kauan tai sitä ei aloitettu tässä selaimessa. Kirjaudu uudelleen.",
    "Inloggningen tog för lång tid eller påbörjades inte här. Logga in igen.",
    "Phiên đăng nhập đã quá hạn hoặc không được bắt đầu ở đây. Vui lòng đăng nhập lại."),
"QR code for your authenticator app": (
    "QR-koodi todennussovellusta varten", "QR-kod för din autentiseringsapp", "Mã QR cho ứng dụng xác thực của bạn"),
"Your authenticator app is changed. The old one no longer works, and other sessions were logged out.": (
    "Todennussovellus on vaihdettu. Vanha ei enää toimi, ja muut istunnot kirjattiin ulos.",
    "Din autentiseringsapp är bytt. Den gamla fungerar inte längre och andra sessioner loggades ut.",
    "Đã đổi ứng dụng xác thực. Ứng dụng cũ không còn dùng được và các phiên đăng nhập khác đã bị đăng xuất."),
"Two-factor sign-in is off. Other sessions were logged out.": (
    "Kaksivaiheinen tunnistautuminen on poistettu käytöstä. Muut istunnot kirjattiin ulos.",
    "Tvåstegsverifiering är avstängd. Andra sessioner loggades ut.",
    "Đã tắt xác minh hai bước. Các phiên đăng nhập khác đã bị đăng xuất."),
"Two-factor sign-in is now required for every user.": (
    "Kaksivaiheinen tunnistautuminen on nyt pakollinen kaikille käyttäjille.",
    "Tvåstegsverifiering krävs nu för alla användare.",
    "Xác minh hai bước giờ là bắt buộc với mọi người dùng."),
"Two-factor sign-in is now optional.": (
    "Kaksivaiheinen tunnistautuminen on nyt vapaaehtoinen.", "Tvåstegsverifiering är nu frivillig.",
    "Xác minh hai bước giờ là tùy chọn."),
"Two-factor sign-in": ("Kaksivaiheinen tunnistautuminen", "Tvåstegsverifiering", "Xác minh hai bước"),
"Require an authenticator app for every user.": (
    "Vaadi todennussovellus kaikilta käyttäjiltä.", "Kräv en autentiseringsapp för alla användare.",
    "Yêu cầu mọi người dùng dùng ứng dụng xác thực."),

# audit log lines (app/accounts/twofactor.py)
"Turned on two-factor sign-in": (
    "Otti kaksivaiheisen tunnistautumisen käyttöön", "Aktiverade tvåstegsverifiering", "Đã bật xác minh hai bước"),
"Moved two-factor sign-in to a new phone": (
    "Siirsi kaksivaiheisen tunnistautumisen uuteen puhelimeen", "Flyttade tvåstegsverifiering till en ny telefon",
    "Đã chuyển xác minh hai bước sang điện thoại mới"),
"Turned off two-factor sign-in": (
    "Poisti kaksivaiheisen tunnistautumisen käytöstä", "Stängde av tvåstegsverifiering", "Đã tắt xác minh hai bước"),
"Two-factor sign-in was reset": (
    "Kaksivaiheinen tunnistautuminen nollattiin", "Tvåstegsverifieringen återställdes",
    "Xác minh hai bước đã được đặt lại"),
"Wrong two-factor code": ("Väärä tunnistautumiskoodi", "Fel verifieringskod", "Sai mã xác minh"),
"Made new recovery codes": ("Loi uudet varakoodit", "Skapade nya reservkoder", "Đã tạo mã dự phòng mới"),
"Signed in with a recovery code": (
    "Kirjautui varakoodilla", "Loggade in med en reservkod", "Đã đăng nhập bằng mã dự phòng"),
"Changed the two-factor requirement": (
    "Muutti kaksivaiheisen tunnistautumisen vaatimusta", "Ändrade kravet på tvåstegsverifiering",
    "Đã thay đổi yêu cầu xác minh hai bước"),

# form labels (app/admin/forms.py)
"Code": ("Koodi", "Kod", "Mã"),
"6-digit code from the app": ("Sovelluksen 6-numeroinen koodi", "Den 6-siffriga koden från appen",
                              "Mã 6 chữ số trong ứng dụng"),
"Your password or a code from the app": (
    "Salasanasi tai sovelluksen koodi", "Ditt lösenord eller en kod från appen",
    "Mật khẩu của bạn hoặc mã trong ứng dụng"),
"Require two-factor sign-in for every user of the company": (
    "Vaadi kaksivaiheinen tunnistautuminen kaikilta yrityksen käyttäjiltä",
    "Kräv tvåstegsverifiering för alla användare i företaget",
    "Bắt buộc xác minh hai bước với mọi người dùng của công ty"),

# the code step of the login (templates/admin/auth/login_code.html) and the login page around it
"Enter your code": ("Anna koodi", "Ange din kod", "Nhập mã"),
"Open your authenticator app and enter the 6-digit code it shows for Haku.": (
    "Avaa todennussovellus ja anna sen Hakulle näyttämä 6-numeroinen koodi.",
    "Öppna din autentiseringsapp och ange den 6-siffriga kod som visas för Haku.",
    "Mở ứng dụng xác thực và nhập mã 6 chữ số hiển thị cho Haku."),
"No phone at hand? Enter one of your recovery codes instead.": (
    "Eikö puhelin ole käsillä? Anna sen sijaan jokin varakoodeistasi.",
    "Har du inte telefonen till hands? Ange en av dina reservkoder i stället.",
    "Không có điện thoại bên cạnh? Hãy nhập một mã dự phòng."),
"The code step closes after 5 minutes.": (
    "Koodin voi antaa 5 minuutin ajan.", "Koden måste anges inom 5 minuter.", "Bước nhập mã sẽ hết hạn sau 5 phút."),
"Start again": ("Aloita alusta", "Börja om", "Bắt đầu lại"),
"Log in to Haku": ("Kirjaudu Hakuun", "Logga in i Haku", "Đăng nhập Haku"),
"Log in": ("Kirjaudu", "Logga in", "Đăng nhập"),
"Password": ("Salasana", "Lösenord", "Mật khẩu"),

# enrolment and management (templates/admin/auth/two_factor.html, account.html)
"Account": ("Tili", "Konto", "Tài khoản"),
"Platform staff must use two-factor sign-in. Set it up to continue.": (
    "Palvelun ylläpitäjien on käytettävä kaksivaiheista tunnistautumista. Ota se käyttöön jatkaaksesi.",
    "Plattformens personal måste använda tvåstegsverifiering. Aktivera den för att fortsätta.",
    "Nhân viên vận hành nền tảng bắt buộc dùng xác minh hai bước. Hãy thiết lập để tiếp tục."),
"%(company)s requires two-factor sign-in. Set it up to continue.": (
    "%(company)s edellyttää kaksivaiheista tunnistautumista. Ota se käyttöön jatkaaksesi.",
    "%(company)s kräver tvåstegsverifiering. Aktivera den för att fortsätta.",
    "%(company)s yêu cầu xác minh hai bước. Hãy thiết lập để tiếp tục."),
"Connect your authenticator app": (
    "Yhdistä todennussovellus", "Koppla din autentiseringsapp", "Kết nối ứng dụng xác thực"),
"Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Bitwarden).": (
    "Avaa puhelimesi todennussovellus (esimerkiksi Google Authenticator, Microsoft Authenticator, 1Password tai "
    "Bitwarden).",
    "Öppna en autentiseringsapp i telefonen (till exempel Google Authenticator, Microsoft Authenticator, "
    "1Password eller Bitwarden).",
    "Mở một ứng dụng xác thực trên điện thoại (ví dụ Google Authenticator, Microsoft Authenticator, 1Password "
    "hoặc Bitwarden)."),
"Scan this QR code with the app.": (
    "Skannaa tämä QR-koodi sovelluksella.", "Skanna QR-koden med appen.", "Quét mã QR này bằng ứng dụng."),
"Enter the code the app shows, to check that it works.": (
    "Anna sovelluksen näyttämä koodi, niin näet, että se toimii.",
    "Ange koden som appen visar för att kontrollera att det fungerar.",
    "Nhập mã mà ứng dụng hiển thị để kiểm tra."),
"Setting up on this phone? Open the key in your authenticator app": (
    "Otatko käyttöön tällä puhelimella? Avaa avain todennussovelluksessa",
    "Konfigurerar du på den här telefonen? Öppna nyckeln i din autentiseringsapp",
    "Đang thiết lập trên chính điện thoại này? Mở khóa trong ứng dụng xác thực"),
"Cannot scan? Enter this key in the app by hand (time-based):": (
    "Etkö voi skannata? Syötä tämä avain sovellukseen käsin (aikaperusteinen):",
    "Kan du inte skanna? Skriv in den här nyckeln i appen för hand (tidsbaserad):",
    "Không quét được? Hãy nhập khóa này vào ứng dụng (loại theo thời gian):"),
"Copied": ("Kopioitu", "Kopierat", "Đã sao chép"),
"Copy": ("Kopioi", "Kopiera", "Sao chép"),
"Turn on two-factor sign-in": (
    "Ota kaksivaiheinen tunnistautuminen käyttöön", "Aktivera tvåstegsverifiering", "Bật xác minh hai bước"),
"Use this app from now on": (
    "Käytä tästä lähtien tätä sovellusta", "Använd den här appen från och med nu", "Dùng ứng dụng này từ bây giờ"),
"Protect your account with a second step": (
    "Suojaa tilisi toisella vaiheella", "Skydda ditt konto med ett extra steg", "Bảo vệ tài khoản bằng bước thứ hai"),
"After your password, Haku asks for a 6-digit code from an authenticator app on your phone. Someone who learns your password still cannot sign in.": (
    "Salasanan jälkeen Haku kysyy puhelimesi todennussovelluksen 6-numeroista koodia. Vaikka joku saisi "
    "salasanasi selville, hän ei pääse kirjautumaan.",
    "Efter lösenordet ber Haku om en 6-siffrig kod från en autentiseringsapp i din telefon. Den som får reda "
    "på ditt lösenord kan ändå inte logga in.",
    "Sau mật khẩu, Haku sẽ hỏi mã 6 chữ số từ ứng dụng xác thực trên điện thoại của bạn. Người biết mật khẩu "
    "của bạn vẫn không thể đăng nhập."),
"Set up two-factor sign-in": (
    "Ota kaksivaiheinen tunnistautuminen käyttöön", "Konfigurera tvåstegsverifiering", "Thiết lập xác minh hai bước"),
"Status": ("Tila", "Status", "Trạng thái"),
"On": ("Käytössä", "På", "Đang bật"),
"since %(date)s": ("%(date)s alkaen", "sedan %(date)s", "từ %(date)s"),
"Recovery codes left": ("Varakoodeja jäljellä", "Reservkoder kvar", "Số mã dự phòng còn lại"),
"Move to a new phone": ("Siirrä uuteen puhelimeen", "Flytta till en ny telefon", "Chuyển sang điện thoại mới"),
"The current app keeps working until the new one is confirmed.": (
    "Nykyinen sovellus toimii, kunnes uusi on vahvistettu.",
    "Den nuvarande appen fungerar tills den nya är bekräftad.",
    "Ứng dụng hiện tại vẫn dùng được cho đến khi ứng dụng mới được xác nhận."),
"Recovery codes": ("Varakoodit", "Reservkoder", "Mã dự phòng"),
"Each recovery code signs you in once when your phone is not at hand. Making new codes cancels the old ones.": (
    "Kullakin varakoodilla voit kirjautua kerran, kun puhelin ei ole käsillä. Uusien koodien luominen mitätöi "
    "vanhat.",
    "Varje reservkod loggar in dig en gång när du inte har telefonen till hands. Nya koder ogiltigförklarar de "
    "gamla.",
    "Mỗi mã dự phòng giúp bạn đăng nhập một lần khi không có điện thoại bên cạnh. Tạo mã mới sẽ hủy các mã cũ."),
"Make new recovery codes": ("Luo uudet varakoodit", "Skapa nya reservkoder", "Tạo mã dự phòng mới"),
"Turn off": ("Poista käytöstä", "Stäng av", "Tắt"),
"Turn off two-factor sign-in": (
    "Poista kaksivaiheinen tunnistautuminen käytöstä", "Stäng av tvåstegsverifiering", "Tắt xác minh hai bước"),
"Not now?": ("Ei nyt?", "Inte nu?", "Để sau?"),
"Log out": ("Kirjaudu ulos", "Logga ut", "Đăng xuất"),
"You sign in with your password and a code from your authenticator app.": (
    "Kirjaudut salasanalla ja todennussovelluksen koodilla.",
    "Du loggar in med ditt lösenord och en kod från din autentiseringsapp.",
    "Bạn đăng nhập bằng mật khẩu và mã từ ứng dụng xác thực."),
"Manage two-factor sign-in": (
    "Hallinnoi kaksivaiheista tunnistautumista", "Hantera tvåstegsverifiering", "Quản lý xác minh hai bước"),
"Add a code from an authenticator app to your sign-in, so a stolen password alone is not enough.": (
    "Lisää kirjautumiseen todennussovelluksen koodi, jotta pelkkä varastettu salasana ei riitä.",
    "Lägg till en kod från en autentiseringsapp vid inloggningen, så att ett stulet lösenord inte räcker.",
    "Thêm mã từ ứng dụng xác thực khi đăng nhập để kẻ lấy được mật khẩu cũng không vào được."),

# recovery codes (templates/admin/auth/recovery_codes.html)
"Save your recovery codes": ("Tallenna varakoodisi", "Spara dina reservkoder", "Lưu mã dự phòng của bạn"),
"Two-factor sign-in is on. Other sessions were logged out.": (
    "Kaksivaiheinen tunnistautuminen on käytössä. Muut istunnot kirjattiin ulos.",
    "Tvåstegsverifiering är aktiverad. Andra sessioner loggades ut.",
    "Đã bật xác minh hai bước. Các phiên đăng nhập khác đã bị đăng xuất."),
"Keep these codes somewhere safe, such as a password manager. Each one signs you in once if you lose your phone. They are shown only now.": (
    "Säilytä koodit turvallisessa paikassa, esimerkiksi salasanojen hallintaohjelmassa. Kullakin voit kirjautua "
    "kerran, jos puhelimesi katoaa. Koodit näytetään vain nyt.",
    "Förvara koderna på ett säkert ställe, till exempel i en lösenordshanterare. Varje kod loggar in dig en gång "
    "om du tappar bort telefonen. De visas bara nu.",
    "Hãy cất các mã này ở nơi an toàn, chẳng hạn trình quản lý mật khẩu. Mỗi mã giúp bạn đăng nhập một lần nếu "
    "mất điện thoại. Các mã chỉ hiển thị lúc này."),
"Download as a text file": ("Lataa tekstitiedostona", "Ladda ned som textfil", "Tải xuống dạng tệp văn bản"),
"I have saved them, continue": ("Tallensin ne, jatka", "Jag har sparat dem, fortsätt", "Tôi đã lưu, tiếp tục"),

# the company requirement (templates/admin/settings/two_factor.html)
"Settings": ("Asetukset", "Inställningar", "Cài đặt"),
"Requirement": ("Vaatimus", "Krav", "Yêu cầu"),
"When it is on, users of %(company)s without an authenticator app are asked to set one up right after they log in, and cannot open anything else before that.": (
    "Kun vaatimus on päällä, yrityksen %(company)s käyttäjiä, joilla ei ole todennussovellusta, pyydetään "
    "ottamaan se käyttöön heti kirjautumisen jälkeen. Muuhun he eivät pääse ennen sitä.",
    "När kravet är på ombeds användare i %(company)s som saknar autentiseringsapp att konfigurera en direkt "
    "efter inloggningen, och de kommer inte åt något annat innan dess.",
    "Khi bật, người dùng của %(company)s chưa có ứng dụng xác thực sẽ được yêu cầu thiết lập ngay sau khi đăng "
    "nhập và không thể mở trang nào khác trước khi hoàn tất."),
"You need two-factor sign-in yourself before you can require it.": (
    "Sinulla on itselläsi oltava kaksivaiheinen tunnistautuminen, ennen kuin voit vaatia sitä muilta.",
    "Du behöver själv ha tvåstegsverifiering innan du kan kräva den.",
    "Bạn cần tự bật xác minh hai bước trước khi có thể yêu cầu người khác."),
"Set it up": ("Ota käyttöön", "Konfigurera", "Thiết lập"),
"Save": ("Tallenna", "Spara", "Lưu"),
"Who has it": ("Kenellä se on käytössä", "Vilka har det", "Ai đã bật"),
"Without it": ("Ei käytössä", "Saknar det", "Chưa bật"),
"Everyone has it.": ("Kaikilla on se käytössä.", "Alla har det.", "Tất cả mọi người đã bật."),
"Audit log": ("Tapahtumaloki", "Granskningslogg", "Nhật ký hoạt động"),
}

PLURALS = {
    ("You signed in with a recovery code. %(num)d recovery code is left; make new ones on your account page.",
     "You signed in with a recovery code. %(num)d recovery codes are left; make new ones on your account page if "
     "you are running low."): (
        ("Kirjauduit varakoodilla. Jäljellä on %(num)d varakoodi; luo uusia tilisivullasi.",
         "Kirjauduit varakoodilla. Jäljellä on %(num)d varakoodia; luo tarvittaessa uusia tilisivullasi."),
        ("Du loggade in med en reservkod. %(num)d reservkod återstår; skapa nya på din kontosida.",
         "Du loggade in med en reservkod. %(num)d reservkoder återstår; skapa nya på din kontosida om de börjar "
         "ta slut."),
        ("Bạn đã đăng nhập bằng mã dự phòng. Còn lại %(num)d mã dự phòng; hãy tạo mã mới ở trang tài khoản nếu "
         "sắp hết.",)),
    ("%(n)d of %(num)d user has two-factor sign-in.", "%(n)d of %(num)d users have two-factor sign-in."): (
        ("Kaksivaiheinen tunnistautuminen on käytössä: %(n)d / %(num)d käyttäjä.",
         "Kaksivaiheinen tunnistautuminen on käytössä: %(n)d / %(num)d käyttäjää."),
        ("%(n)d av %(num)d användare har tvåstegsverifiering.",
         "%(n)d av %(num)d användare har tvåstegsverifiering."),
        ("%(n)d/%(num)d người dùng đã bật xác minh hai bước.",)),
}
